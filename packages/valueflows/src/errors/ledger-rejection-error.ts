import { ValueflowsError } from './valueflows-error';

/**
 * Base class of the errors with which the ledger rejects an economic event. A rejected event
 * changes nothing. Branch on {@link ValueflowsError.code}.
 */
export class LedgerRejectionError extends ValueflowsError {
  /** The identifier of the rejected event. */
  readonly eventId: string;

  constructor(code: string, eventId: string, message: string, options?: { cause?: unknown }) {
    super(code, `event ${eventId}: ${message}`, options);
    this.name = 'LedgerRejectionError';
    this.eventId = eventId;
  }

  /** Whether `value` is a ledger rejection of this package, whichever copy created it. */
  static isRejection(value: unknown): value is LedgerRejectionError {
    return ValueflowsError.isInstance(value) && typeof (value as { eventId?: unknown }).eventId === 'string';
  }
}
