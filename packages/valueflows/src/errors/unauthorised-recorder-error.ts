import { LedgerRejectionError } from './ledger-rejection-error';

/**
 * The one who recorded the event does not speak for the side that answers for it (see
 * {@link answeringSide}): a transfer recorded by someone other than its provider, a receipt by
 * someone other than its receiver, a correction from the other side. Code
 * `VF_UNAUTHORISED_RECORDER`.
 */
export class UnauthorisedRecorderError extends LedgerRejectionError {
  /** The side that answers for the event: `provider` or `receiver`. */
  readonly side: 'provider' | 'receiver';
  /** The agent of that side, whom the recorder does not speak for. */
  readonly agent: string;
  constructor(eventId: string, side: 'provider' | 'receiver', agent: string) {
    super(
      'VF_UNAUTHORISED_RECORDER',
      eventId,
      `recorded by someone who does not speak for the ${side} ${agent}`,
    );
    this.name = 'UnauthorisedRecorderError';
    this.side = side;
    this.agent = agent;
  }
}
