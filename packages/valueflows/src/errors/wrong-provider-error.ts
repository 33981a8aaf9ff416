import { LedgerRejectionError } from './ledger-rejection-error';

/** The event's provider has neither the rights (primary accountable) nor the custody the action takes from the resource. Code `VF_WRONG_PROVIDER`. */
export class WrongProviderError extends LedgerRejectionError {
  /** The resource identifier. */
  readonly resourceId: string;
  /** The agent the ledger expected as provider. */
  readonly expected: string;
  /** The provider of the event. */
  readonly actual: string;
  constructor(eventId: string, resourceId: string, expected: string, actual: string) {
    super('VF_WRONG_PROVIDER', eventId, `provider ${actual} is not ${expected}, who holds ${resourceId}`);
    this.name = 'WrongProviderError';
    this.resourceId = resourceId;
    this.expected = expected;
    this.actual = actual;
  }
}
