import { LedgerRejectionError } from './ledger-rejection-error';

/**
 * The event changes an existing resource on the receiver's side (the resource it gives into, or the
 * resource it increments) that the receiver neither owns nor holds: nobody may put anything into,
 * or take the rights to, another agent's resource by naming it. Code `VF_WRONG_RECEIVER`.
 */
export class WrongReceiverError extends LedgerRejectionError {
  /** The resource identifier. */
  readonly resourceId: string;
  /** The agent who holds the resource (its primary accountable agent, or its custodian). */
  readonly expected: string;
  /** The receiver of the event. */
  readonly actual: string;
  constructor(eventId: string, resourceId: string, expected: string, actual: string) {
    super('VF_WRONG_RECEIVER', eventId, `receiver ${actual} does not hold ${resourceId}, ${expected} does`);
    this.name = 'WrongReceiverError';
    this.resourceId = resourceId;
    this.expected = expected;
    this.actual = actual;
  }
}
