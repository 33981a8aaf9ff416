import { HeliosCError } from './helios-c-error';

/**
 * A shuffle cannot be made: the election has no non-homomorphic question, the encrypted tally does
 * not match the election, or the ciphertexts to shuffle are inconsistent (Belenios 2.0
 * specification §4.17).
 */
export class ShuffleError extends HeliosCError {
  /** The stable code of this error. */
  static readonly code = 'SHUFFLE_IMPOSSIBLE';

  /** @param message - why the shuffle cannot be made */
  constructor(message: string) {
    super(ShuffleError.code, message);
    this.name = 'ShuffleError';
  }
}
