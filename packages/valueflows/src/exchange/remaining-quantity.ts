/**
 * What remains of an offer or a request once agreements have taken part of it
 * (`vf:availableQuantity`: "the amount and unit of the offered resource currently available").
 *
 * @module
 */
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';
import type { Proposal } from '../model/proposal';

/**
 * How much of a primary intent of a proposal is still open: its `availableQuantity` when set
 * (for a request: what is still needed), else the whole `resourceQuantity` (or
 * `effortQuantity`) of an all-or-nothing proposal. A unit-based proposal without
 * `availableQuantity` is a price list without limit: `undefined`.
 *
 * @param proposal - the proposal publishing the intent
 * @param intent - one of its intents
 * @returns the open quantity, or `undefined` when unlimited or unknown
 * @example
 * ```ts
 * const { proposal: after } = acceptProposal(offer, { agreementId: 'a1', counterparty: 'group:kitchen', quantity: kg(5) });
 * remainingQuantity(after, after.publishes[0]); // { hasNumericalValue: 15, hasUnit: 'kilogram' } of 20
 * ```
 */
export function remainingQuantity(proposal: Proposal, intent: Intent): Measure | undefined {
  return (
    intent.availableQuantity ??
    (proposal.unitBased ? undefined : (intent.resourceQuantity ?? intent.effortQuantity))
  );
}
