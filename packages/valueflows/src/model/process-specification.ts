/**
 * `vf:ProcessSpecification` (ValueFlows 1.0 knowledge layer).
 *
 * @module
 */

/** The kind of a process; the outputs of a process take its specification as their stage. */
export interface ProcessSpecification {
  readonly id: string;
  readonly name: string;
  readonly note?: string;
}
