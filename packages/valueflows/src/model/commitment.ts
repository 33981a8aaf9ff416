/**
 * `vf:Commitment` (ValueFlows 1.0 planning layer).
 *
 * @module
 */
import type { PlannedFlow } from './flow';

/** A flow promised by one agent to another. */
export interface Commitment extends PlannedFlow {
  readonly provider: string;
  readonly receiver: string;
  /** The agreement of which this commitment is a primary clause. */
  readonly clauseOf?: string;
  /** The agreement of which this commitment is a reciprocal clause. */
  readonly reciprocalClauseOf?: string;
  /** The intents this commitment satisfies. */
  readonly satisfies?: readonly string[];
  readonly created?: string;
}
