/**
 * @module
 * A member's delegation state, as the binding keeps it (one state event listing every
 * delegation), turned into governance's `delegate` / `revoke` events by difference with the
 * member's previous state.
 */
import { GovernanceEventTypes } from '@imago/governance';
import { type Delegation, scopeKey } from '../delegations/delegation-set';
import type { GovernanceInput } from './decisions-replay';

/**
 * The governance events that take a member from one delegation state to the next: a `revoke`
 * per scope dropped, then a `delegate` per scope added or changed. Ids are the state event's id
 * and the scope.
 *
 * @param eventId - the new delegation state event.
 * @param envelope - its sender (the member) and timestamp.
 * @param before - the member's previous delegations.
 * @param after - the member's delegations now.
 * @returns the events to feed, in order.
 */
export function delegationChanges(
  eventId: string,
  envelope: { readonly sender: string; readonly timestamp: number },
  before: readonly Delegation[],
  after: readonly Delegation[],
): GovernanceInput[] {
  const previous = new Map(before.map((d) => [scopeKey(d.scope), d]));
  const next = new Map(after.map((d) => [scopeKey(d.scope), d]));
  const changes: GovernanceInput[] = [];
  for (const [key, delegation] of previous) {
    if (!next.has(key)) {
      changes.push({
        id: `${eventId}/${key}`,
        ...envelope,
        type: GovernanceEventTypes.revoke,
        content: { scope: delegation.scope },
      });
    }
  }
  for (const [key, delegation] of next) {
    if (JSON.stringify(previous.get(key)) === JSON.stringify(delegation)) continue;
    changes.push({
      id: `${eventId}/${key}`,
      ...envelope,
      type: GovernanceEventTypes.delegate,
      content: { scope: delegation.scope, to: delegation.to },
    });
  }
  return changes;
}
