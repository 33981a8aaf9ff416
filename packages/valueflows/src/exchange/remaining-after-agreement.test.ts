/**
 * What an agreement takes off a proposal: an offer (or a need) keeps only what remains, later
 * acceptances cannot take more, and matching no longer proposes what was already promised.
 */
import { describe, expect, it } from 'vitest';
import { ValueflowsError } from '../errors/valueflows-error';
import { match } from '../matching/match';
import type { Proposal } from '../model/proposal';
import { readProposal } from '../parse/parse-proposal';
import { acceptProposal } from './accept-proposal';
import { remainingQuantity } from './remaining-quantity';

const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });
const euro = (n: number) => ({ hasNumericalValue: n, hasUnit: 'euro' });

const potatoes = (extra: Record<string, unknown> = {}) =>
  readProposal({
    id: 'offer-1',
    purpose: 'offer',
    proposer: 'group:garden',
    publishes: {
      id: 'i-potatoes',
      action: 'transfer',
      resourceConformsTo: 'spec:potato',
      resourceQuantity: kg(20),
    },
    reciprocal: { id: 'i-pay', action: 'transfer', resourceQuantity: euro(10) },
    ...extra,
  });

const need = (id: string, quantity: number, extra: Record<string, unknown> = {}) =>
  readProposal({
    id,
    purpose: 'request',
    proposer: `group:${id}`,
    publishes: {
      id: `${id}-i`,
      action: 'transfer',
      resourceConformsTo: 'spec:potato',
      resourceQuantity: kg(quantity),
    },
    ...extra,
  });

function termsError(f: () => unknown): { code: string; rule: string } {
  try {
    f();
  } catch (error) {
    if (ValueflowsError.isInstance(error)) return error as ValueflowsError & { rule: string };
    throw error;
  }
  throw new Error('expected a ProposalTermsError');
}

describe('an agreement takes its quantity off the proposal', () => {
  it('an all-or-nothing offer of 20 kg has 15 kg left after 5 kg were agreed; the input is untouched', () => {
    const offer = potatoes();
    const { proposal } = acceptProposal(offer, {
      agreementId: 'a1',
      counterparty: 'group:kitchen',
      quantity: kg(5),
    });
    expect(proposal.publishes[0]?.availableQuantity).toEqual(kg(15));
    expect(remainingQuantity(proposal, proposal.publishes[0]!)).toEqual(kg(15));
    expect(offer.publishes[0]?.availableQuantity).toBeUndefined();
    expect(remainingQuantity(offer, offer.publishes[0]!)).toEqual(kg(20));
    // The reciprocal intents are what is asked in return: unchanged.
    expect(proposal.reciprocal).toEqual(offer.reciprocal);
  });

  it('successive agreements add up, in any compatible unit, until nothing remains', () => {
    let offer: Proposal = potatoes();
    offer = acceptProposal(offer, { agreementId: 'a1', counterparty: 'group:a', quantity: kg(12) }).proposal;
    offer = acceptProposal(offer, {
      agreementId: 'a2',
      counterparty: 'group:b',
      quantity: { hasNumericalValue: 500, hasUnit: 'gram' },
    }).proposal;
    expect(offer.publishes[0]?.availableQuantity).toEqual(kg(7.5));
    // Without a quantity the counterparty takes what remains, not the original 20 kg.
    const last = acceptProposal(offer, { agreementId: 'a3', counterparty: 'group:c' });
    expect(last.commitments[0]?.resourceQuantity).toEqual(kg(7.5));
    expect(last.proposal.publishes[0]?.availableQuantity).toEqual(kg(0));
    expect(
      termsError(() => acceptProposal(last.proposal, { agreementId: 'a4', counterparty: 'group:d' })),
    ).toMatchObject({
      code: 'VF_PROPOSAL_TERMS',
      rule: 'no-quantity',
    });
  });

  it('accepting more than remains is rejected with a typed error', () => {
    const { proposal } = acceptProposal(potatoes(), {
      agreementId: 'a1',
      counterparty: 'group:a',
      quantity: kg(15),
    });
    const before = structuredClone(proposal);
    expect(
      termsError(() =>
        acceptProposal(proposal, { agreementId: 'a2', counterparty: 'group:b', quantity: kg(6) }),
      ),
    ).toMatchObject({ code: 'VF_PROPOSAL_TERMS', rule: 'above-available' });
    expect(proposal).toEqual(before);
    expect(
      acceptProposal(proposal, { agreementId: 'a2', counterparty: 'group:b', quantity: kg(5) }).proposal
        .publishes[0]?.availableQuantity,
    ).toEqual(kg(0));
  });

  it('a unit-based offer decrements its availableQuantity; without one it has no limit', () => {
    const limited = potatoes({
      unitBased: true,
      publishes: {
        id: 'i-potatoes',
        action: 'transfer',
        resourceConformsTo: 'spec:potato',
        resourceQuantity: kg(1),
        availableQuantity: kg(20),
      },
    });
    const { proposal, commitments } = acceptProposal(limited, {
      agreementId: 'a1',
      counterparty: 'group:a',
      quantity: kg(8),
    });
    expect(commitments[1]?.resourceQuantity).toEqual(euro(80));
    expect(proposal.publishes[0]?.availableQuantity).toEqual(kg(12));
    expect(proposal.publishes[0]?.resourceQuantity).toEqual(kg(1));
    expect(
      termsError(() =>
        acceptProposal(proposal, { agreementId: 'a2', counterparty: 'group:b', quantity: kg(13) }),
      ).rule,
    ).toBe('above-available');

    const unlimited = potatoes({
      unitBased: true,
      publishes: { action: 'transfer', resourceQuantity: kg(1) },
    });
    const after = acceptProposal(unlimited, {
      agreementId: 'a1',
      counterparty: 'group:a',
      quantity: kg(1000),
    }).proposal;
    expect(after.publishes[0]?.availableQuantity).toBeUndefined();
    expect(remainingQuantity(after, after.publishes[0]!)).toBeUndefined();
  });

  it('every primary intent is checked before anything is returned', () => {
    // Two primary intents, the second already exhausted: the first must not be taken either.
    const offer = potatoes({
      publishes: [
        { id: 'i-potatoes', action: 'transfer', resourceQuantity: kg(20) },
        {
          id: 'i-sacks',
          action: 'transfer',
          resourceQuantity: { hasNumericalValue: 2, hasUnit: 'one' },
          availableQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        },
      ],
    });
    expect(
      termsError(() => acceptProposal(offer, { agreementId: 'a1', counterparty: 'group:a', quantity: kg(5) }))
        .rule,
    ).toBe('above-available');
  });

  it("a need's remaining quantity goes down when someone commits to provide part of it", () => {
    const request = need('kitchen', 10);
    const { proposal, commitments } = acceptProposal(request, {
      agreementId: 'a1',
      counterparty: 'group:garden',
      quantity: kg(4),
    });
    expect(commitments[0]).toMatchObject({ provider: 'group:garden', receiver: 'group:kitchen' });
    expect(proposal.publishes[0]?.availableQuantity).toEqual(kg(6));
    expect(
      termsError(() =>
        acceptProposal(proposal, { agreementId: 'a2', counterparty: 'group:farm', quantity: kg(7) }),
      ).rule,
    ).toBe('above-available');
  });

  it('a proposal publishing no intent cannot be accepted', () => {
    const empty: Proposal = { ...potatoes(), publishes: [] };
    expect(termsError(() => acceptProposal(empty, { agreementId: 'a1', counterparty: 'group:a' })).rule).toBe(
      'no-intent',
    );
  });
});

describe('matching sees only what remains', () => {
  it('an offer partly promised covers only its rest; an exhausted one is no longer proposed', () => {
    const offer = potatoes();
    const needs = [need('school', 10)];
    expect(match(needs, [offer])[0]?.quantity).toEqual(kg(10));
    const partly = acceptProposal(offer, {
      agreementId: 'a1',
      counterparty: 'group:a',
      quantity: kg(16),
    }).proposal;
    const [candidate] = match(needs, [partly]);
    expect(candidate?.quantity).toEqual(kg(4));
    expect(candidate?.fulfilment).toBeCloseTo(0.4);
    const gone = acceptProposal(partly, { agreementId: 'a2', counterparty: 'group:b' }).proposal;
    expect(match(needs, [gone])).toEqual([]);
  });

  it('a need partly promised asks only for its rest; a need fully promised is no longer matched', () => {
    const offer = potatoes();
    const request = need('school', 10);
    const partly = acceptProposal(request, {
      agreementId: 'a1',
      counterparty: 'group:farm',
      quantity: kg(7),
    }).proposal;
    const [candidate] = match([partly], [offer]);
    expect(candidate?.quantity).toEqual(kg(3));
    expect(candidate?.fulfilment).toBe(1);
    const done = acceptProposal(partly, { agreementId: 'a2', counterparty: 'group:farm' }).proposal;
    expect(match([done], [offer])).toEqual([]);
  });
});
