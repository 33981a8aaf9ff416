import { LedgerRejectionError } from './ledger-rejection-error';

/** The event corrects an event the ledger has not recorded. Code `VF_UNKNOWN_EVENT`. */
export class UnknownEventError extends LedgerRejectionError {
  /** The identifier of the event it refers to. */
  readonly correctedId: string;
  constructor(eventId: string, correctedId: string) {
    super('VF_UNKNOWN_EVENT', eventId, `corrects unknown event ${correctedId}`);
    this.name = 'UnknownEventError';
    this.correctedId = correctedId;
  }
}
