/**
 * `vf:EconomicResource` (ValueFlows 1.0 observation layer).
 *
 * @module
 */
import type { Measure } from './measure';
import type { SpatialThing } from './spatial-thing';

/**
 * Something agents agree to account for. The ledger derives every field below from the events
 * applied to it; none is set directly.
 */
export interface EconomicResource {
  readonly id: string;
  readonly name?: string;
  readonly note?: string;
  /** The resource specification it conforms to. */
  readonly conformsTo?: string;
  readonly classifiedAs?: readonly string[];
  readonly trackingIdentifier?: string;
  /** Quantity the primary accountable agent has rights and responsibilities for. */
  readonly accountingQuantity: Measure;
  /** Quantity under the direct control (custody) of an agent. */
  readonly onhandQuantity: Measure;
  /** The agent with primary rights and responsibilities (accounting). */
  readonly primaryAccountable?: string;
  /**
   * The agent with physical custody, when it is not the primary accountable one (after a
   * `transferCustody`, e.g. a loan). Imago extension, exported as `imago:custodian`.
   */
  readonly custodian?: string;
  readonly currentLocation?: SpatialThing;
  readonly containedIn?: string;
  /** The process specification of the last process the resource went through. */
  readonly stage?: string;
  readonly state?: string;
  readonly unitOfEffort?: string;
  /** An image of the resource (vf:image, a URI). */
  readonly image?: string;
  /** The batch or lot record the resource belongs to (vf:ofBatchLot). */
  readonly ofBatchLot?: string;
}
