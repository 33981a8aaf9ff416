/**
 * The fields ValueFlows 1.0 shares between intents, commitments and claims (the planned flows).
 *
 * @module
 */
import type { ActionId } from '../actions/action-definition';
import type { Measure } from './measure';
import type { SpatialThing } from './spatial-thing';

/** Fields common to `vf:Intent`, `vf:Commitment` and `vf:Claim`. */
export interface PlannedFlow {
  readonly id: string;
  readonly action: ActionId;
  readonly provider?: string;
  readonly receiver?: string;
  readonly resourceConformsTo?: string;
  readonly resourceClassifiedAs?: readonly string[];
  readonly resourceInventoriedAs?: string;
  readonly resourceQuantity?: Measure;
  readonly effortQuantity?: Measure;
  readonly hasBeginning?: string;
  readonly hasEnd?: string;
  readonly hasPointInTime?: string;
  readonly due?: string;
  readonly atLocation?: SpatialThing;
  readonly inputOf?: string;
  readonly outputOf?: string;
  readonly stage?: string;
  readonly state?: string;
  readonly finished?: boolean;
  readonly note?: string;
  /** The agents (groups, people) in whose scope the flow is planned (vf:inScopeOf). */
  readonly inScopeOf?: readonly string[];
  /** A URI of the agreement text governing the flow (vf-graphql 0.8 `agreedIn`; see EconomicEvent). */
  readonly agreedIn?: string;
}
