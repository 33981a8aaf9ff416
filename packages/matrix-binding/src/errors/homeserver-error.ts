import { MatrixBindingError } from './matrix-binding-error';

/**
 * The homeserver refused or failed a request (reading history or state, creating a room, sending
 * an event). {@link HomeserverError.operation} says which; the homeserver's error is the `cause`.
 *
 * Stable code: `homeserver-error`.
 */
export class HomeserverError extends MatrixBindingError {
  static readonly code = 'homeserver-error';
  /** What was attempted, e.g. `read-history`, `create-room`, `send-event`. */
  readonly operation: string;
  /**
   * The homeserver's own error code (`M_TOO_LARGE`, `M_FORBIDDEN`…) when it answered with one;
   * absent when it did not answer (a network error).
   */
  readonly errcode?: string;

  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super('homeserver-error', message, options);
    this.name = 'HomeserverError';
    this.operation = operation;
    const errcode = (options?.cause as { errcode?: unknown } | null | undefined)?.errcode;
    if (typeof errcode === 'string') this.errcode = errcode;
  }
}
