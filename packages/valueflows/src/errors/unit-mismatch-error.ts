import { LedgerRejectionError } from './ledger-rejection-error';

/** The event's quantity is in a unit that cannot be converted to the resource's unit. Code `VF_UNIT_MISMATCH`. */
export class UnitMismatchError extends LedgerRejectionError {
  /** The resource identifier. */
  readonly resourceId: string;
  /** The resource's unit. */
  readonly expected: string;
  /** The event's unit. */
  readonly actual: string;
  constructor(eventId: string, resourceId: string, expected: string, actual: string) {
    super('VF_UNIT_MISMATCH', eventId, `unit ${actual} does not fit ${resourceId}, counted in ${expected}`);
    this.name = 'UnitMismatchError';
    this.resourceId = resourceId;
    this.expected = expected;
    this.actual = actual;
  }
}
