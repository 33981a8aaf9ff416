import { GraphError } from './graph-error';

/**
 * A graph event is malformed or cannot apply to the current graph (unknown group, relation already present…). {@link InvalidEventError.path} names the offending field.
 *
 * Stable code: `INVALID_EVENT`. Not the class of the same name in `@imago/governance` (a governance
 * event) or `@imago/valueflows` (an economic event the ledger rejects); tell them apart by
 * `GraphError.isInstance` or import under an alias.
 */
export class InvalidEventError extends GraphError {
  static readonly code = 'INVALID_EVENT';
  /** Where in the event the problem is, e.g. `to` or `$`. */
  readonly path: string;

  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super('INVALID_EVENT', message, options);
    this.name = 'InvalidEventError';
    this.path = path;
  }
}
