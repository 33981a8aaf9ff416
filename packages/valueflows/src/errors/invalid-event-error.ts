import { LedgerRejectionError } from './ledger-rejection-error';

/** The event breaks a rule of its action (missing quantity, resource creation not allowed, containment cycle…); `rule` says which. Code `VF_INVALID_EVENT`.
 * Not the class of the same name in `@imago/governance` or `@imago/graph` (malformed events of their
 * own logs); import it under an alias when you use several packages. */
export class InvalidEventError extends LedgerRejectionError {
  /** A stable identifier of the rule broken (e.g. `missing-resource-quantity`). */
  readonly rule: string;
  constructor(eventId: string, rule: string, message: string) {
    super('VF_INVALID_EVENT', eventId, message);
    this.name = 'InvalidEventError';
    this.rule = rule;
  }
}
