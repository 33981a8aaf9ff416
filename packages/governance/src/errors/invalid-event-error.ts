import { GovernanceError } from './governance-error';

/**
 * A governance event (envelope or content) is malformed. {@link InvalidEventError.path} names the
 * offending field, e.g. `content.ballot[2]` or `content.table.rules.admit-member.required`.
 *
 * Stable code: `INVALID_EVENT`.
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
