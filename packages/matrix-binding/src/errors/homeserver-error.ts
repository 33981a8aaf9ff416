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

  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super('homeserver-error', message, options);
    this.name = 'HomeserverError';
    this.operation = operation;
  }
}
