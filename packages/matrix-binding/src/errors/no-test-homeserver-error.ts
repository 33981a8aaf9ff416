import { MatrixBindingError } from './matrix-binding-error';

/**
 * The test homeserver is not configured (IMAGO_HOMESERVER_URL, IMAGO_SYNAPSE_SHARED_SECRET).
 *
 * Stable code: `no-test-homeserver`.
 */
export class NoTestHomeserverError extends MatrixBindingError {
  static readonly code = 'no-test-homeserver';

  constructor(message: string, options?: { cause?: unknown }) {
    super('no-test-homeserver', message, options);
    this.name = 'NoTestHomeserverError';
  }
}
