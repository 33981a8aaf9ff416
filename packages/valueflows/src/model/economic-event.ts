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
}
