import { MatrixBindingError } from './matrix-binding-error';

/**
 * Shared-secret registration of a test user failed.
 *
 * Stable code: `registration-failed`.
 */
export class RegistrationFailedError extends MatrixBindingError {
  static readonly code = 'registration-failed';

  constructor(message: string, options?: { cause?: unknown }) {
    super('registration-failed', message, options);
    this.name = 'RegistrationFailedError';
  }
}
