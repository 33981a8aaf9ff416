import { GovernanceError } from './governance-error';

/**
 * A governance event (envelope or content) is malformed. {@link InvalidEventError.path} names the
 * offending field, e.g. `content.ballot[2]` or `content.table.rules.admit-member.required`.
 *
 * Stable code: `INVALID_EVENT`. Not the class of the same name in `@imago/graph` (a graph event) or
 * `@imago/valueflows` (an economic event the ledger rejects): import it under an alias when you use
 * several packages (`import { InvalidEventError as InvalidGovernanceEventError }`).
 */
export class InvalidEventError extends GovernanceError {
  static readonly code = 'INVALID_EVENT';
  /** Where in the event the problem is, e.g. `content.scope.kind` or `$` for the whole value. */
  readonly path: string;

  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super('INVALID_EVENT', message, options);
    this.name = 'InvalidEventError';
    this.path = path;
  }
}
