import { LedgerRejectionError } from './ledger-rejection-error';

/** The event names an economic resource the ledger does not hold (and does not create it). Code `VF_UNKNOWN_RESOURCE`. */
export class UnknownResourceError extends LedgerRejectionError {
  /** The resource identifier. */
  readonly resourceId: string;
  constructor(eventId: string, resourceId: string) {
    super('VF_UNKNOWN_RESOURCE', eventId, `unknown economic resource ${resourceId}`);
    this.name = 'UnknownResourceError';
    this.resourceId = resourceId;
  }
}
