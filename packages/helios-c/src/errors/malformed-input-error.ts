import { HeliosCError } from './helios-c-error';

/**
 * Untrusted input (JSON text, an archive entry, a credential string) is not a well-formed value
 * of the expected Belenios 2.0 type. {@link MalformedInputError.path} names where, e.g.
 * `answers[1].overall_proof[0].challenge`.
 */
export class MalformedInputError extends HeliosCError {
  /** Where in the input the defect is (`$` for the whole value). */
  readonly path: string;

  /**
   * @param path - location of the defect
   * @param expected - what was expected there
   */
  constructor(path: string, expected: string) {
    super('MALFORMED_INPUT', `${path}: expected ${expected}`);
    this.name = 'MalformedInputError';
    this.path = path;
  }
}
