/**
 * @module
 * The error raised when ballots handed to a counting method cannot be read.
 */
import { GovernanceError } from '../../errors/governance-error';

/**
 * Ballots that are not what a counting method reads: not JSON, not an array of arrays of
 * integers, or a ballot whose length differs from the number of choices.
 *
 * Ballots that are well-formed but not valid for the method (a grade out of range, a ranking with a
 * gap) are not errors: the methods report them as `invalid` or `blank`, as belenios-tool does.
 */
export class MalformedBallotsError extends GovernanceError {
  /** Stable code of this error. */
  static readonly code = 'MALFORMED_BALLOTS';

  /** Where the problem is, e.g. `ballots[3][1]` (`ballots` for the whole input). */
  readonly path: string;

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(MalformedBallotsError.code, `${path}: ${message}`, options);
    this.name = 'MalformedBallotsError';
    this.path = path;
  }

  /** Whether `value` is a {@link MalformedBallotsError}, whichever copy of the package created it. */
  static override isInstance(value: unknown): value is MalformedBallotsError {
    return GovernanceError.isInstance(value) && value.code === MalformedBallotsError.code;
  }
}
