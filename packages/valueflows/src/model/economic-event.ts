/**
 * `vf:EconomicEvent` (ValueFlows 1.0 observation layer).
 *
 * @module
 */
import type { ActionId } from '../actions/action-definition';
import type { Measure } from './measure';
import type { SpatialThing } from './spatial-thing';

/** What a resource-creating event says about the resource it creates. */
export interface NewInventoriedResource {
  readonly id: string;
  readonly name?: string;
  readonly note?: string;
  readonly conformsTo?: string;
  readonly classifiedAs?: readonly string[];
  readonly trackingIdentifier?: string;
  readonly currentLocation?: SpatialThing;
  /** An image of the resource (vf:image, a URI). */
  readonly image?: string;
  /** The batch or lot record of the resource (vf:ofBatchLot). */
  readonly ofBatchLot?: string;
  /** The resource the new one is created inside (vf:containedIn); it must exist. */
  readonly containedIn?: string;
}

/**
 * An observed economic flow. Events are immutable once recorded; a mistake is corrected by a
 * new event whose `corrects` names the wrong one.
 */
export interface EconomicEvent {
  readonly id: string;
  readonly action: ActionId;
  readonly provider: string;
  readonly receiver: string;
  readonly resourceInventoriedAs?: string;
  readonly toResourceInventoriedAs?: string;
  /** Creates the resource (`createResource` optional) or the to-resource (optionalTo). */
  readonly newInventoriedResource?: NewInventoriedResource;
  readonly resourceConformsTo?: string;
  readonly resourceClassifiedAs?: readonly string[];
  readonly resourceQuantity?: Measure;
  readonly effortQuantity?: Measure;
  readonly hasPointInTime?: string;
  readonly hasBeginning?: string;
  readonly hasEnd?: string;
  readonly atLocation?: SpatialThing;
  readonly toLocation?: SpatialThing;
  readonly inputOf?: string;
  readonly outputOf?: string;
  readonly state?: string;
  readonly note?: string;
  readonly corrects?: string;
  readonly fulfills?: readonly string[];
  readonly satisfies?: readonly string[];
  readonly realizationOf?: string;
  readonly reciprocalRealizationOf?: string;
  readonly settles?: readonly string[];
  readonly triggeredBy?: string;
  readonly inScopeOf?: readonly string[];
  /**
   * A URI of the agreement text governing the event (vf-graphql 0.8 `agreedIn`, kept from
   * ValueFlows before 1.0; exported as `imago:agreedIn`).
   */
  readonly agreedIn?: string;
}
