import { HeliosCError } from './helios-c-error';

/** A plaintext ballot does not fit the election's questions (shape, 0/1 values, min/max). */
export class InvalidPlaintextError extends HeliosCError {
  /** Where in the plaintext, e.g. `[1][2]`. */
  readonly path: string;

  /**
   * @param path - location of the defect
   * @param reason - what is wrong
   */
  constructor(path: string, reason: string) {
    super('INVALID_PLAINTEXT', `${path}: ${reason}`);
    this.name = 'InvalidPlaintextError';
    this.path = path;
  }
}
