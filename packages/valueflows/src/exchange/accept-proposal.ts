/**
 * From a published proposal to an agreement and its commitments (ValueFlows "Proposal →
 * Agreement → Commitments → Economic events" flow; FEP-0837's Offer(Agreement)/Accept).
 *
 * @module
 */
import { ProposalTermsError } from '../errors/proposal-terms-error';
import {
  compareMeasures,
  convertMeasure,
  scaleMeasure,
  subtractMeasures,
} from '../measures/measure-arithmetic';
import type { Agreement } from '../model/agreement';
import type { Commitment } from '../model/commitment';
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';
import type { Proposal } from '../model/proposal';
import { remainingQuantity } from './remaining-quantity';

/** The terms on which an agent answers a proposal. */
export interface AcceptProposalTerms {
  /** Identifier of the agreement to create; commitments get `<agreementId>#<n>`. */
  readonly agreementId: string;
  /** The agent answering: the receiver of an offer, the provider for a request. */
  readonly counterparty: string;
  /**
   * How much of the (first) primary intent is agreed. For a unit-based proposal the reciprocal
   * quantities are multiplied accordingly. Default: what remains of the intent (one unit for a
   * unit-based proposal).
   */
  readonly quantity?: Measure;
  /** ISO 8601 date of the agreement. */
  readonly created?: string;
  /** Due date of the commitments. */
  readonly due?: string;
}

/** An agreement with its primary and reciprocal commitments, and what remains of the proposal. */
export interface AcceptedProposal {
  readonly agreement: Agreement;
  readonly commitments: readonly Commitment[];
  /**
   * The proposal after the agreement: each primary intent with a limit (see
   * {@link remainingQuantity}) has its `availableQuantity` reduced by what was agreed. Store it
   * in place of the old one, so that later acceptances and `match` see only what remains.
   */
  readonly proposal: Proposal;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function commitmentFrom(
  intent: Intent,
  id: string,
  provider: string,
  receiver: string,
  quantity: Measure | undefined,
  terms: AcceptProposalTerms,
): Writable<Commitment> {
  const c: Writable<Commitment> = { id, action: intent.action, provider, receiver, satisfies: [intent.id] };
  for (const key of [
    'resourceConformsTo',
    'resourceClassifiedAs',
    'resourceInventoriedAs',
    'atLocation',
    'stage',
    'state',
  ] as const) {
    if (intent[key] !== undefined) (c as Record<string, unknown>)[key] = intent[key];
  }
  if (quantity !== undefined) {
    if (intent.effortQuantity !== undefined && intent.resourceQuantity === undefined)
      c.effortQuantity = quantity;
    else c.resourceQuantity = quantity;
  }
  const due = terms.due ?? intent.due;
  if (due !== undefined) c.due = due;
  if (terms.created !== undefined) c.created = terms.created;
  return c;
}

/**
 * Accepts a proposal: creates the agreement and one commitment per intent — primary ones
 * (`clauseOf`) for the `publishes` intents, reciprocal ones (`reciprocalClauseOf`) for the
 * `reciprocal` intents — each satisfying its intent. For an offer the proposer provides the
 * primary flows and the counterparty receives them; for a request, the other way round;
 * reciprocal flows go the opposite way. Agent fields set on an intent are kept.
 *
 * @param proposal - the proposal
 * @param terms - who accepts, how much, identifiers and dates
 * @returns the agreement and its commitments
 * @throws {@link ProposalTermsError} when the terms do not fit the proposal
 * @example
 * ```ts
 * const { agreement, commitments } = acceptProposal(offer, {
 *   agreementId: 'agr-1', counterparty: 'group:kitchen',
 *   quantity: { hasNumericalValue: 5, hasUnit: 'kilogram' },
 * });
 * ```
 */
export function acceptProposal(proposal: Proposal, terms: AcceptProposalTerms): AcceptedProposal {
  if (
    proposal.proposedTo &&
    proposal.proposedTo.length > 0 &&
    !proposal.proposedTo.includes(terms.counterparty)
  ) {
    throw new ProposalTermsError(
      'not-addressed',
      `proposal ${proposal.id} is not addressed to ${terms.counterparty}`,
    );
  }
  const proposer = proposal.proposer;
  if (proposer === undefined)
    throw new ProposalTermsError('no-proposer', `proposal ${proposal.id} has no proposer`);
  if (proposer === terms.counterparty) {
    throw new ProposalTermsError('own-proposal', 'an agent cannot accept its own proposal');
  }
  const first = proposal.publishes[0];
  if (first === undefined)
    throw new ProposalTermsError('no-intent', `proposal ${proposal.id} publishes no intent`);
  const base = first.resourceQuantity ?? first.effortQuantity;
  let agreed = terms.quantity ?? (proposal.unitBased ? base : remainingQuantity(proposal, first));
  if (terms.quantity !== undefined && base !== undefined) {
    agreed = convertMeasure(terms.quantity, base.hasUnit);
    if (first.minimumQuantity !== undefined && compareMeasures(agreed, first.minimumQuantity) < 0) {
      throw new ProposalTermsError('below-minimum', 'quantity below the minimum of the offer');
    }
  }
  if (agreed !== undefined && !(agreed.hasNumericalValue > 0)) {
    throw new ProposalTermsError('no-quantity', `nothing left to agree on in proposal ${proposal.id}`);
  }
  if (proposal.unitBased && (agreed === undefined || base === undefined || base.hasNumericalValue === 0)) {
    throw new ProposalTermsError('no-quantity', 'a unit-based proposal needs a quantity to multiply');
  }
  const multiplier = proposal.unitBased ? agreed!.hasNumericalValue / base!.hasNumericalValue : 1;
  const offer = proposal.purpose === 'offer';
  const primaryProvider = offer ? proposer : terms.counterparty;
  const primaryReceiver = offer ? terms.counterparty : proposer;
  const commitments: Commitment[] = [];
  const stipulates: string[] = [];
  const stipulatesReciprocal: string[] = [];
  let n = 0;
  proposal.publishes.forEach((intent, i) => {
    const q = intent.resourceQuantity ?? intent.effortQuantity;
    const quantity = i === 0 ? agreed : q && scaleMeasure(q, multiplier);
    const c = commitmentFrom(
      intent,
      `${terms.agreementId}#${++n}`,
      intent.provider ?? primaryProvider,
      intent.receiver ?? primaryReceiver,
      quantity,
      terms,
    );
    c.clauseOf = terms.agreementId;
    commitments.push(c);
    stipulates.push(c.id);
  });
  // What remains of each primary intent; agreeing more than remains changes nothing.
  const remaining = proposal.publishes.map((intent, i) => {
    const open = remainingQuantity(proposal, intent);
    const c = commitments[i]!;
    const taken = c.resourceQuantity ?? c.effortQuantity;
    if (open === undefined || taken === undefined) return intent;
    if (compareMeasures(taken, open) > 0) {
      throw new ProposalTermsError(
        'above-available',
        `${taken.hasNumericalValue} ${taken.hasUnit} of intent ${intent.id} agreed, ${open.hasNumericalValue} ${open.hasUnit} remain`,
      );
    }
    return { ...intent, availableQuantity: subtractMeasures(open, taken) };
  });
  for (const intent of proposal.reciprocal) {
    const q = intent.resourceQuantity ?? intent.effortQuantity;
    const c = commitmentFrom(
      intent,
      `${terms.agreementId}#${++n}`,
      intent.provider ?? primaryReceiver,
      intent.receiver ?? primaryProvider,
      q && scaleMeasure(q, multiplier),
      terms,
    );
    c.reciprocalClauseOf = terms.agreementId;
    commitments.push(c);
    stipulatesReciprocal.push(c.id);
  }
  const agreement: Writable<Agreement> = {
    id: terms.agreementId,
    stipulates,
    stipulatesReciprocal,
    proposal: proposal.id,
  };
  if (proposal.name !== undefined) agreement.name = proposal.name;
  if (terms.created !== undefined) agreement.created = terms.created;
  return { agreement, commitments, proposal: { ...proposal, publishes: remaining } };
}
