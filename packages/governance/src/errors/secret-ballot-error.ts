import { GovernanceError } from './governance-error';

/**
 * Misuse of the secret-ballot integration: asking election parameters of a decision that is not
 * a secret democracy vote, or that does not exist.
 *
 * Stable code: `SECRET_BALLOT_UNAVAILABLE`.
 */
export class SecretBallotError extends GovernanceError {
  static readonly code = 'SECRET_BALLOT_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super('SECRET_BALLOT_UNAVAILABLE', message, options);
    this.name = 'SecretBallotError';
  }
}
