import { MatrixBindingError } from './matrix-binding-error';

/**
 * A function of the binding was called with an invalid argument (misuse, not hostile input: hostile events give warnings).
 *
 * Stable code: `invalid-argument`.
 */
export class InvalidArgumentError extends MatrixBindingError {
  static readonly code = 'invalid-argument';

  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid-argument', message, options);
    this.name = 'InvalidArgumentError';
  }
}
