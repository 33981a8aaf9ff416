import { ValueflowsError } from './valueflows-error';

/**
 * A change would leave the records inconsistent: deleting a record others still refer to
 * (`in-use`), publishing an intent already published in another proposal
 * (`already-published`); `rule` says which and `path` where. Code `VF_RECORD_CONFLICT`.
 */
export class RecordConflictError extends ValueflowsError {
  /** A stable identifier of the rule broken (e.g. `in-use`). */
  readonly rule: string;
  /** Where in the input the conflicting reference was. */
  readonly path: string;

  constructor(rule: string, path: string, message: string) {
    super('VF_RECORD_CONFLICT', `${path}: ${message}`);
    this.name = 'RecordConflictError';
    this.rule = rule;
    this.path = path;
  }
}
