import { MatrixBindingError } from './matrix-binding-error';

/** Why a voter cannot cast a ballot now. */
export type ElectionUnavailableReason = 'no-election' | 'no-credential' | 'voting-ended';

/**
 * A ballot was asked for an election that cannot take it: the authority has not set it up, this
 * client holds no credential for it (yet), or voting has ended.
 *
 * Stable code: `election-unavailable`; {@link ElectionUnavailableError.reason} says which.
 */
export class ElectionUnavailableError extends MatrixBindingError {
  static readonly code = 'election-unavailable';

  constructor(
    readonly reason: ElectionUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('election-unavailable', message, options);
    this.name = 'ElectionUnavailableError';
  }
}
