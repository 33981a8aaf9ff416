import { LedgerRejectionError } from './ledger-rejection-error';

/** The event corrects an event that was already corrected. Code `VF_ALREADY_CORRECTED`. */
export class AlreadyCorrectedError extends LedgerRejectionError {
  /** The identifier of the event it refers to. */
  readonly correctedId: string;
  constructor(eventId: string, correctedId: string) {
    super('VF_ALREADY_CORRECTED', eventId, `event ${correctedId} was already corrected`);
    this.name = 'AlreadyCorrectedError';
    this.correctedId = correctedId;
  }
}
