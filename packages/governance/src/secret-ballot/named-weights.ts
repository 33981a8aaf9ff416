/**
 * The weights of a secret ballot as the authority fixed them, whatever this reader's order.
 *
 * A secret ballot's weights are fixed when it opens, from the delegations in force. Matrix gives
 * no server-independent order of concurrent events: a delegation or revocation sent while the
 * ballot opens comes before the opening on one homeserver and after it on another, so readers
 * would resolve different weights, and one member's replay would accept the election while
 * another's reports a weight mismatch. So the authority's Setup of the election names the
 * `delegate` events its weights took into account (`SecretSetup.delegationIds` of its state:
 * {@link secretDelegationEvidence}), and when the result comes every reader resolves the weights
 * from exactly those, as the counted close does for public votes (`recount.ts`):
 *
 * - a delegation the Setup does not name does not count for this election (`uncounted`), nor
 *   does a revocation it raced: a named delegation counts even if this log revoked it before;
 * - a named delegation this log has not shown yet leaves the result waiting
 *   (`awaiting-evidence`), and the decision settles when it comes (or is known to be redacted);
 * - a named event that is redacted, whose sender did not count as a member, that is not a
 *   delegation, whose scope does not cover the decision or that delegates to its own sender does
 *   not count (`invalid-evidence`, with the reason).
 *
 * A long list goes in `org.imago.governance.counted` parts naming the decision as
 * `<decision>/weights` ({@link weightsListKey}), the Setup names their number and digest. A
 * Setup that names nothing (older rooms) leaves the weights this reader resolved at opening.
 *
 * @module
 */
import { lookupEvidence, namedDelegationIssue, resolveCounted } from '../decisions/counted-evidence';
import type { Decision, SecretSetup } from '../decisions/decision';
import type { GovernanceContext } from '../decisions/governance-context';
import type { GovernanceState } from '../decisions/governance-state';
import type { CountIssue } from '../decisions/recount';
import type { RejectionReason } from '../decisions/rejection';
import { type MemberDelegations, NO_DELEGATIONS, withDelegation } from '../delegation/delegation-scope';
import type { SecretResultContent } from '../events/event-types';
import { PersistentMap } from '../persistent/persistent-map';
import { secretSetup, settleSecretResult } from '../protocols/democracy/democracy';

/** The decision id under which the parts of a Setup's long delegation list travel. */
export function weightsListKey(decision: string): string {
  return `${decision}/weights`;
}

/**
 * The `delegate` events the authority's Setup of a secret ballot names: those behind the
 * eligible members' delegations that covered the decision when it opened, in this state.
 *
 * @param state - the authority's state.
 * @param decisionId - an opened secret decision.
 * @returns the ids to name (empty without delegation or before the opening).
 * @example
 * ```ts
 * const delegations = secretDelegationEvidence(state, decision); // the Setup's `delegations`
 * ```
 */
export function secretDelegationEvidence(state: GovernanceState, decisionId: string): string[] {
  return [...(state.decisions.get(decisionId)?.secret?.delegationIds ?? [])];
}

/**
 * Resolves a secret ballot's weights from the delegation events its Setup named (see the module).
 *
 * @returns the setup, the named ids this log lacks, and what to report.
 * @internal
 */
export function namedSecretSetup(
  decision: Decision,
  named: readonly string[],
  state: GovernanceState,
  context: GovernanceContext,
): { setup: SecretSetup; missing: string[]; issues: CountIssue[] } {
  const rule = decision.rule;
  const delegating = rule.protocol === 'democracy' && rule.delegation === true;
  let delegations = PersistentMap.empty<MemberDelegations>();
  const missing: string[] = [];
  const issues: CountIssue[] = [];
  const invalid = (id: string, reason: string) =>
    issues.push({ code: 'invalid-evidence', decision: decision.id, ids: [id], reason });
  for (const id of new Set(named)) {
    const record = lookupEvidence(state, id);
    // Seen and not in the evidence record: no delegation (the record keeps every `delegate` event).
    if (record === undefined) {
      if (state.seen.has(id)) invalid(id, 'not-a-delegation');
      else missing.push(id);
    } else if ('redacted' in record) invalid(id, 'redacted');
    else if (!record.member) invalid(id, 'not-a-member');
    else if (record.event.type !== 'org.imago.governance.delegate') invalid(id, 'not-a-delegation');
    else {
      const event = record.event;
      const reason = namedDelegationIssue(event, decision, delegating);
      if (reason !== undefined) invalid(id, reason);
      else {
        const before = delegations.get(event.sender) ?? NO_DELEGATIONS;
        delegations = delegations.set(
          event.sender,
          withDelegation(before, event.content.scope, event.content.to),
        );
      }
    }
  }
  const ids = new Set(named);
  const uncounted = (decision.secret?.delegationIds ?? []).filter((id) => !ids.has(id));
  if (uncounted.length > 0) issues.push({ code: 'uncounted', decision: decision.id, ids: uncounted });
  const setup = { ...secretSetup(decision, state, context, delegations), delegationIds: [...named] };
  return { setup, missing, issues };
}

/** A secret result settled (or waiting) on the named weights, and what to report. @internal */
export type NamedResult = { decision: Decision; issues: CountIssue[] } | RejectionReason;

/**
 * Settles a secret decision on its verified result, its weights resolved from the delegation
 * events the election's Setup named (`verifySecretResult.namedDelegations`); without a list, on
 * the weights this reader fixed at opening. A named event not shown yet leaves the decision
 * `closed`, the result kept (`secret.waiting`, `count.missing`) until it comes.
 *
 * @internal
 */
export function settleNamedSecretResult(
  state: GovernanceState,
  decision: Decision,
  content: SecretResultContent,
  context: GovernanceContext,
  at: number,
): NamedResult {
  const reference = context.verifySecretResult?.namedDelegations?.(decision.id);
  const plain = () => {
    const step = settleSecretResult(decision, content, context, at);
    return typeof step === 'string' ? step : { decision: step, issues: [] };
  };
  if (reference === undefined || decision.secret === undefined || decision.status !== 'closed')
    return plain();
  const key = weightsListKey(decision.id);
  const named = resolveCounted(state, { [key]: reference })?.get(key);
  if (named === undefined) return 'incomplete-count';
  const { setup, missing, issues } = namedSecretSetup(decision, named, state, context);
  if (missing.length > 0) {
    const secret = { ...decision.secret, waiting: { content, at } };
    const count = { counted: named, missing, invalid: [] };
    return {
      decision: { ...decision, secret, count },
      issues: [{ code: 'awaiting-evidence', decision: decision.id, ids: missing }],
    };
  }
  const { count: _count, ...rest } = decision;
  const step = settleSecretResult({ ...rest, secret: setup }, content, context, at);
  return typeof step === 'string' ? step : { decision: step, issues };
}
