/**
 * `vf:Claim` (ValueFlows 1.0 planning layer).
 *
 * @module
 */
import type { PlannedFlow } from './flow';

/** A claim for future events in reciprocity for an event that already happened. */
export interface Claim extends PlannedFlow {
  readonly provider: string;
  readonly receiver: string;
  /** The event that implied the claim. */
  readonly triggeredBy: string;
  readonly created?: string;
}
