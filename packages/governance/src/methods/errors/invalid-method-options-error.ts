/**
 * @module
 * The error raised when a counting method is called with options it cannot work with.
 */
import { GovernanceError } from '../../errors/governance-error';

/**
 * Options of a counting method that make no sense: a non-positive number of seats or grades, or a
 * number of choices that is neither given nor inferable from the ballots.
 */
export class InvalidMethodOptionsError extends GovernanceError {
  /** Stable code of this error. */
  static readonly code = 'INVALID_METHOD_OPTIONS';

  /** The offending option, e.g. `nseats`. */
  readonly option: string;

  constructor(option: string, message: string, options?: { cause?: unknown }) {
    super(InvalidMethodOptionsError.code, `${option}: ${message}`, options);
    this.name = 'InvalidMethodOptionsError';
    this.option = option;
  }

  /** Whether `value` is an {@link InvalidMethodOptionsError}, whichever copy of the package created it. */
  static override isInstance(value: unknown): value is InvalidMethodOptionsError {
    return GovernanceError.isInstance(value) && value.code === InvalidMethodOptionsError.code;
  }
}
