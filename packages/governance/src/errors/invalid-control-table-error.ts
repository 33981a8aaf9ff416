import { GovernanceError } from './governance-error';

/**
 * A control table (or one of its protocol rules) is malformed or inconsistent, e.g. an oligarchy
 * asking for more approvals than it has deciders. {@link InvalidControlTableError.path} names the
 * offending field, e.g. `rules.admit-member.required`.
 *
 * Stable code: `INVALID_CONTROL_TABLE`.
 */
export class InvalidControlTableError extends GovernanceError {
  static readonly code = 'INVALID_CONTROL_TABLE';
  /** Where in the table the problem is, e.g. `rules.change-control-table` or `$`. */
  readonly path: string;

  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super('INVALID_CONTROL_TABLE', message, options);
    this.name = 'InvalidControlTableError';
    this.path = path;
  }
}
