/**
 * `vf:Proposal` (ValueFlows 1.0 planning layer): a published offer or request.
 *
 * @module
 */
import type { Intent } from './intent';
import type { SpatialThing } from './spatial-thing';

/** `vf:ProposalPurpose`: what the primary intents are. */
export type ProposalPurpose = 'offer' | 'request';

/**
 * A published offer or request, with what is expected in return. The intents are embedded, as
 * in FEP-0837: `publishes` are the primary intents (used for matching), `reciprocal` what is
 * asked or given in return.
 */
export interface Proposal {
  readonly id: string;
  readonly purpose: ProposalPurpose;
  readonly name?: string;
  readonly note?: string;
  /** The agent (group or person) who published it. */
  readonly proposer?: string;
  readonly created?: string;
  readonly hasBeginning?: string;
  readonly hasEnd?: string;
  /** Quantities are per unit and may be multiplied (a price list), rather than all-or-nothing. */
  readonly unitBased: boolean;
  /** Where the proposal is valid. */
  readonly eligibleLocation?: SpatialThing;
  /** The agents it is addressed to; empty or absent means anyone. */
  readonly proposedTo?: readonly string[];
  readonly publishes: readonly Intent[];
  readonly reciprocal: readonly Intent[];
  readonly inScopeOf?: readonly string[];
}
