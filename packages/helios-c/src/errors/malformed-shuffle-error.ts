import { HeliosCError } from './helios-c-error';

/**
 * A shuffle, an owned shuffle or a shuffle proof (Belenios 2.0 specification §4.17) is not
 * well-formed JSON of the expected shape; {@link MalformedShuffleError.path} names the first bad
 * field, e.g. `proofs[0][1][4][2]`.
 */
export class MalformedShuffleError extends HeliosCError {
  /** The stable code of this error. */
  static readonly code = 'MALFORMED_SHUFFLE';

  /**
   * @param path - the JSON path of the offending value
   * @param message - what is wrong with it
   */
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(MalformedShuffleError.code, `${path || '(root)'}: ${message}`);
    this.name = 'MalformedShuffleError';
  }
}
