import { LedgerRejectionError } from './ledger-rejection-error';

/** An event with the same identifier was already applied: events are immutable. Code `VF_DUPLICATE_EVENT`. */
export class DuplicateEventError extends LedgerRejectionError {
  constructor(eventId: string) {
    super('VF_DUPLICATE_EVENT', eventId, 'an event with this identifier was already recorded');
    this.name = 'DuplicateEventError';
  }
}
