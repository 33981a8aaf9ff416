/**
 * `vf:Agreement` (ValueFlows 1.0 planning layer).
 *
 * @module
 */

/** A set of reciprocal commitments among agents. */
export interface Agreement {
  readonly id: string;
  readonly name?: string;
  readonly note?: string;
  readonly created?: string;
  /** Primary commitments (`vf:stipulates`). */
  readonly stipulates: readonly string[];
  /** Reciprocal commitments (`vf:stipulatesReciprocal`). */
  readonly stipulatesReciprocal: readonly string[];
  /** The proposal this agreement answers, when it came from one. */
  readonly proposal?: string;
}
