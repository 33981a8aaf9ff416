import { MatrixBindingError } from './matrix-binding-error';

/**
 * The end-to-end encryption module (Rust crypto) could not start.
 *
 * Stable code: `crypto-unavailable`.
 */
export class CryptoUnavailableError extends MatrixBindingError {
  static readonly code = 'crypto-unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super('crypto-unavailable', message, options);
    this.name = 'CryptoUnavailableError';
  }
}
