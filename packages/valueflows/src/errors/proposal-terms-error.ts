import { ValueflowsError } from './valueflows-error';

/**
 * Accepting a proposal on these terms is not possible (quantity below the minimum or above what
 * is available, proposal not addressed to the agent, no quantity to agree on…); `rule` says
 * which. Code `VF_PROPOSAL_TERMS`.
 */
export class ProposalTermsError extends ValueflowsError {
  /** A stable identifier of the rule broken (e.g. `below-minimum`). */
  readonly rule: string;

  constructor(rule: string, message: string) {
    super('VF_PROPOSAL_TERMS', message);
    this.name = 'ProposalTermsError';
    this.rule = rule;
  }
}
