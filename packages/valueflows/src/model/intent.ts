/**
 * `vf:Intent` (ValueFlows 1.0 planning layer).
 *
 * @module
 */
import type { PlannedFlow } from './flow';
import type { Measure } from './measure';

/** A desired or offered flow, usually with only one agent known. */
export interface Intent extends PlannedFlow {
  readonly name?: string;
  /** What is currently available of an offered resource. */
  readonly availableQuantity?: Measure;
  /** The smallest amount that may be ordered. */
  readonly minimumQuantity?: Measure;
  readonly image?: string;
}
