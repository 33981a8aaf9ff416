import { GraphError } from './graph-error';

/**
 * A group–group relation was accepted by the group that proposed it, or ended by a group that is not one of its two sides. Relations are consented: proposed by one side, accepted by the other.
 *
 * Stable code: `CONSENT_VIOLATION`.
 */
export class ConsentError extends GraphError {
  static readonly code = 'CONSENT_VIOLATION';

  constructor(message: string, options?: { cause?: unknown }) {
    super('CONSENT_VIOLATION', message, options);
    this.name = 'ConsentError';
  }
}
