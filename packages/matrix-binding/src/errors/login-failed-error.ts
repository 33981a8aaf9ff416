import { MatrixBindingError } from './matrix-binding-error';

/**
 * Logging in to the homeserver failed (wrong password, unknown user, unreachable server).
 *
 * Stable code: `login-failed`.
 */
export class LoginFailedError extends MatrixBindingError {
  static readonly code = 'login-failed';

  constructor(message: string, options?: { cause?: unknown }) {
    super('login-failed', message, options);
    this.name = 'LoginFailedError';
  }
}
