import { ValueflowsError } from './valueflows-error';

/**
 * A reference names a record the store does not hold (a proposal, intent, commitment or
 * agreement); `path` says where the reference was (e.g. `commitment.clauseOf`). Code
 * `VF_UNKNOWN_RECORD`.
 */
export class UnknownRecordError extends ValueflowsError {
  /** The ValueFlows class of the missing record, e.g. `Proposal`. */
  readonly recordType: string;
  /** The identifier that was not found. */
  readonly id: string;
  /** Where in the input the reference was. */
  readonly path: string;

  constructor(recordType: string, id: string, path: string) {
    super('VF_UNKNOWN_RECORD', `${path}: unknown ${recordType} ${id}`);
    this.name = 'UnknownRecordError';
    this.recordType = recordType;
    this.id = id;
    this.path = path;
  }
}
