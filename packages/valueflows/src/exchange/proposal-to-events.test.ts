/**
 * The whole flow: a group offers, another accepts (agreement and commitments), events fulfil
 * the commitments, the ledger and the fulfilment/satisfaction tracking agree.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent } from '../ledger/apply-event';
import { replayLedger } from '../ledger/replay-ledger';
import type { EconomicEvent } from '../model/economic-event';
import { readProposal } from '../parse/parse-proposal';
import { acceptProposal } from './accept-proposal';
import { agreementProgress, trackFulfilment, trackSatisfaction } from './fulfilment';

const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });
const euro = (n: number) => ({ hasNumericalValue: n, hasUnit: 'euro' });

const offer = readProposal({
  id: 'prop-1',
  purpose: 'offer',
  proposer: 'group:garden',
  unitBased: true,
  publishes: {
    id: 'i-potatoes',
    action: 'transfer',
    resourceConformsTo: 'spec:potato',
    resourceQuantity: kg(1),
    availableQuantity: kg(20),
    minimumQuantity: kg(2),
  },
  reciprocal: {
    id: 'i-pay',
    action: 'transfer',
    resourceConformsTo: 'spec:euro',
    resourceQuantity: euro(1.5),
  },
});

describe('proposal → agreement → commitments → events', () => {
  it('accepting makes primary and reciprocal commitments, scaled for a unit-based offer', () => {
    const { agreement, commitments } = acceptProposal(offer, {
      agreementId: 'agr-1',
      counterparty: 'group:kitchen',
      quantity: kg(6),
      created: '2026-11-26T10:00:00Z',
    });
    expect(agreement).toMatchObject({
      id: 'agr-1',
      stipulates: ['agr-1#1'],
      stipulatesReciprocal: ['agr-1#2'],
      proposal: 'prop-1',
    });
    expect(commitments[0]).toMatchObject({
      provider: 'group:garden',
      receiver: 'group:kitchen',
      resourceQuantity: kg(6),
      clauseOf: 'agr-1',
      satisfies: ['i-potatoes'],
    });
    expect(commitments[1]).toMatchObject({
      provider: 'group:kitchen',
      receiver: 'group:garden',
      resourceQuantity: euro(9),
      reciprocalClauseOf: 'agr-1',
      satisfies: ['i-pay'],
    });
  });

  it('refuses terms outside the offer', () => {
    const terms = { agreementId: 'a', counterparty: 'group:kitchen' };
    expect(() => acceptProposal(offer, { ...terms, quantity: kg(1) })).toThrow(
      expect.objectContaining({ code: 'VF_PROPOSAL_TERMS', rule: 'below-minimum' }),
    );
    expect(() => acceptProposal(offer, { ...terms, quantity: kg(21) })).toThrow(
      expect.objectContaining({ rule: 'above-available' }),
    );
    expect(() => acceptProposal(offer, { ...terms, counterparty: 'group:garden', quantity: kg(3) })).toThrow(
      expect.objectContaining({ rule: 'own-proposal' }),
    );
    expect(() =>
      acceptProposal({ ...offer, proposedTo: ['group:x'] }, { ...terms, quantity: kg(3) }),
    ).toThrow(expect.objectContaining({ rule: 'not-addressed' }));
  });

  it('events fulfil the commitments, partly then fully; corrected events do not count', () => {
    const { agreement, commitments } = acceptProposal(offer, {
      agreementId: 'agr-1',
      counterparty: 'group:kitchen',
      quantity: kg(6),
    });
    const opening: EconomicEvent[] = [
      {
        id: 'o1',
        action: 'raise',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceQuantity: kg(20),
        newInventoriedResource: { id: 'garden-potatoes', conformsTo: 'spec:potato' },
      },
      {
        id: 'o2',
        action: 'raise',
        provider: 'group:kitchen',
        receiver: 'group:kitchen',
        resourceQuantity: euro(50),
        newInventoriedResource: { id: 'kitchen-cash', conformsTo: 'spec:euro' },
      },
      {
        id: 'o3',
        action: 'raise',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceQuantity: euro(0),
        newInventoriedResource: { id: 'garden-cash', conformsTo: 'spec:euro' },
      },
    ];
    const deliver1: EconomicEvent = {
      id: 'd1',
      action: 'transfer',
      provider: 'group:garden',
      receiver: 'group:kitchen',
      resourceInventoriedAs: 'garden-potatoes',
      resourceQuantity: kg(4),
      newInventoriedResource: { id: 'kitchen-potatoes' },
      fulfills: ['agr-1#1'],
      realizationOf: 'agr-1',
    };
    let { state, rejections } = replayLedger([...opening, deliver1]);
    expect(rejections).toEqual([]);
    let p = trackFulfilment(commitments, state).get('agr-1#1')!;
    expect(p).toMatchObject({ done: kg(4), remaining: kg(2), complete: false, by: ['d1'] });

    const deliver2: EconomicEvent = {
      ...deliver1,
      id: 'd2',
      toResourceInventoriedAs: 'kitchen-potatoes',
      newInventoriedResource: undefined,
      resourceQuantity: kg(2),
    };
    delete (deliver2 as { newInventoriedResource?: unknown }).newInventoriedResource;
    const pay: EconomicEvent = {
      id: 'pay',
      action: 'transfer',
      provider: 'group:kitchen',
      receiver: 'group:garden',
      resourceInventoriedAs: 'kitchen-cash',
      toResourceInventoriedAs: 'garden-cash',
      resourceQuantity: euro(9),
      fulfills: ['agr-1#2'],
      reciprocalRealizationOf: 'agr-1',
    };
    for (const e of [deliver2, pay]) {
      const r = applyEvent(state, e);
      expect(r.ok).toBe(true);
      state = r.state;
    }
    p = trackFulfilment(commitments, state).get('agr-1#1')!;
    expect(p).toMatchObject({ done: kg(6), remaining: kg(0), complete: true });
    expect(agreementProgress(agreement, commitments, state).complete).toBe(true);
    expect(state.resources.get('kitchen-potatoes')?.accountingQuantity).toEqual(kg(6));
    expect(state.resources.get('garden-cash')?.accountingQuantity).toEqual(euro(9));

    const satisfied = trackSatisfaction(offer.publishes, commitments, state).get('i-potatoes')!;
    expect(satisfied.done).toEqual(kg(6));
    // The intent is per unit (1 kg) and the offer's availability is what matters, so 6 kg > 1 kg.
    expect(satisfied.complete).toBe(true);

    // Backing out the second delivery re-opens the commitment.
    const fixed = applyEvent(state, { ...deliver2, id: 'd2-fix', corrects: 'd2' });
    expect(fixed.ok).toBe(true);
    expect(trackFulfilment(commitments, fixed.state).get('agr-1#1')).toMatchObject({
      done: kg(4),
      complete: false,
    });
    expect(agreementProgress(agreement, commitments, fixed.state).complete).toBe(false);
  });
});
