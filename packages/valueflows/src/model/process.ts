/**
 * `vf:Process` (ValueFlows 1.0 planning layer).
 *
 * @module
 */

/** An activity that changes inputs into outputs. */
export interface Process {
  readonly id: string;
  readonly name: string;
  /** The process specification; outputs of the process take it as their `stage`. */
  readonly basedOn?: string;
  readonly hasBeginning?: string;
  readonly hasEnd?: string;
  readonly finished?: boolean;
  readonly inScopeOf?: readonly string[];
  readonly classifiedAs?: readonly string[];
  readonly note?: string;
  /** The plan the process is part of (vf:plannedWithin). */
  readonly plannedWithin?: string;
}
