import { LedgerRejectionError } from './ledger-rejection-error';

/** The event breaks a rule of its action (missing quantity, resource creation not allowed, containment cycle…); `rule` says which. Code `VF_INVALID_EVENT`. */
export class InvalidEventError extends LedgerRejectionError {
  /** A stable identifier of the rule broken (e.g. `missing-resource-quantity`). */
  readonly rule: string;
  constructor(eventId: string, rule: string, message: string) {
    super('VF_INVALID_EVENT', eventId, message);
    this.name = 'InvalidEventError';
    this.rule = rule;
  }
}
