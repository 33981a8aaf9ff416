import { HeliosCError } from './helios-c-error';

/**
 * A vector of integers cannot be embedded into a group element (Belenios 2.0 specification
 * §4.11.2): an integer is negative or does not fit in `bits_per_int` bits, the vector is longer
 * than the group can hold, or the group has no embedding at all.
 */
export class EmbeddingError extends HeliosCError {
  /** The stable code of this error. */
  static readonly code = 'EMBEDDING_OUT_OF_RANGE';

  /**
   * @param message - what is out of range
   * @param path - where, in the answer (e.g. `[3]` for the fourth integer)
   */
  constructor(
    message: string,
    readonly path: string = '',
  ) {
    super(EmbeddingError.code, path ? `${path}: ${message}` : message);
    this.name = 'EmbeddingError';
  }
}
