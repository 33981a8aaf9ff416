import { LedgerRejectionError } from './ledger-rejection-error';

/** The event would create an economic resource whose identifier is taken. Code `VF_DUPLICATE_RESOURCE`. */
export class DuplicateResourceError extends LedgerRejectionError {
  /** The resource identifier. */
  readonly resourceId: string;
  constructor(eventId: string, resourceId: string) {
    super('VF_DUPLICATE_RESOURCE', eventId, `economic resource ${resourceId} already exists`);
    this.name = 'DuplicateResourceError';
    this.resourceId = resourceId;
  }
}
