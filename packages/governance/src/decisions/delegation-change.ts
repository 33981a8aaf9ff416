/**
 * Delegation events in the log: giving and revoking a member's delegations (how delegations
 * resolve into weights is `delegation/resolve-delegations.ts`).
 *
 * @module
 */
import { hasNoDelegation, NO_DELEGATIONS, withDelegation } from '../delegation/delegation-scope';
import type { GovernanceEventOf } from '../events/event-types';
import { delegationKey } from './counted-evidence';
import type { GovernanceState } from './governance-state';
import { isPending } from './open-decision';
import type { RejectionReason } from './rejection';

/**
 * A member's delegation given (`delegate`) or taken back (`revoke`) in a scope: the whole group, a
 * kind of action, or one pending decision.
 *
 * @param state - the state at the event.
 * @param event - the `delegate` or `revoke` event.
 * @returns the state with the member's delegations changed, or why the event is rejected.
 * @internal
 */
export function changeDelegation(
  state: GovernanceState,
  event:
    | GovernanceEventOf<'org.imago.governance.delegate'>
    | GovernanceEventOf<'org.imago.governance.revoke'>,
): GovernanceState | RejectionReason {
  const { scope } = event.content;
  if (scope.type === 'decision') {
    const decision = state.decisions.get(scope.decision);
    if (decision === undefined) return 'unknown-decision';
    if (!isPending(decision)) return 'not-open';
  }
  const current = state.delegations.get(event.sender) ?? NO_DELEGATIONS;
  let next = current;
  if (event.type === 'org.imago.governance.delegate') {
    const target = event.content.to;
    if ('member' in target && target.member === event.sender) return 'invalid-delegation';
    next = withDelegation(current, scope, target);
  } else {
    next = withDelegation(current, scope, undefined);
    if (next === current || sameDelegations(next, current)) return 'invalid-delegation';
  }
  const delegations = hasNoDelegation(next)
    ? state.delegations.delete(event.sender)
    : state.delegations.set(event.sender, next);
  const key = delegationKey(event.sender, scope);
  const delegationIds =
    event.type === 'org.imago.governance.delegate'
      ? state.delegationIds.set(key, event.id)
      : state.delegationIds.delete(key);
  return { ...state, delegations, delegationIds };
}

function sameDelegations(a: typeof NO_DELEGATIONS, b: typeof NO_DELEGATIONS): boolean {
  return (
    a.group === b.group &&
    Object.keys(a.kinds).length === Object.keys(b.kinds).length &&
    Object.keys(a.decisions).length === Object.keys(b.decisions).length
  );
}
