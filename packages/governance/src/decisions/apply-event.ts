/**
 * What each governance event does to the state once time has advanced to it: the dispatch from
 * an event type to its protocol step (`protocols/`), to a proposal (`propose.ts`) or to a
 * delegation change (`delegation-change.ts`).
 *
 * @module
 */
import { initialTableHistory } from '../control-table/table-history';
import { InvalidEventError } from '../errors/invalid-event-error';
import type { GovernanceEvent } from '../events/event-types';
import { settleNamedSecretResult } from '../secret-ballot/named-weights';
import { countPartKey } from './counted-evidence';
import { changeCourse } from './course';
import type { Decision } from './decision';
import { changeDelegation } from './delegation-change';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { commitCounted, commitDecision } from './lifecycle';
import { isPending } from './open-decision';
import { participate } from './participate';
import { proposeDecision } from './propose';
import type { CountIssue } from './recount';
import type { RejectionReason } from './rejection';

/**
 * What applying an event gives: the new state and the decisions it settled, or why the event is
 * rejected (a parse error for an amended action that does not read).
 * @internal
 */
export type Applied =
  | { state: GovernanceState; settled: string[]; count?: readonly CountIssue[] }
  | RejectionReason
  | InvalidEventError;

/** Marks a decision provisional until the end of its period (or of an earlier one it raced). */
function provisionalUntil(state: GovernanceState, decision: Decision): GovernanceState {
  const until = Math.min(state.provisional.get(decision.id) ?? decision.closesAt, decision.closesAt);
  return { ...state, provisional: state.provisional.set(decision.id, until) };
}

/**
 * Applies one parsed event, taken at its effective time, to a state the clock has already
 * advanced to that time.
 *
 * @param state - the state after time has passed up to the event.
 * @param event - the parsed event, its timestamp the effective time.
 * @param context - membership inputs valid at this point of the log.
 * @param settled - the decisions that opened or settled while time passed.
 * @returns the new state and every decision settled, or the rejection.
 * @internal
 */
export function applyEvent(
  state: GovernanceState,
  event: GovernanceEvent,
  context: GovernanceContext,
  settled: string[],
): Applied {
  const ok = (next: GovernanceState, ids: readonly string[] = []) => ({
    state: next,
    settled: [...settled, ...ids.filter((id) => !settled.includes(id))],
  });
  const { sender, timestamp: at } = event;

  switch (event.type) {
    case 'org.imago.governance.init':
      if (state.table !== undefined) return 'control-table-exists';
      return ok({
        ...state,
        ...initialTableHistory(event.content.table, at),
        authority: event.content.authority ?? [sender],
      });
    case 'org.imago.governance.propose': {
      const proposed = proposeDecision(state, event, context);
      return typeof proposed === 'string' ? proposed : ok(proposed.state, [proposed.decision]);
    }
    case 'org.imago.governance.withdraw':
    case 'org.imago.governance.challenge': {
      const decision = state.decisions.get(event.content.decision);
      if (decision === undefined) return 'unknown-decision';
      const next = changeCourse(decision, event, at, state, context);
      if (typeof next === 'string') return next;
      // Provisional until an authority's event ends the period it raced (see `course.ts`).
      const marked = provisionalUntil(state, decision);
      return ok(commitDecision(marked, next), next.status !== decision.status ? [decision.id] : []);
    }
    case 'org.imago.governance.vote':
    case 'org.imago.governance.approve':
    case 'org.imago.governance.refuse':
    case 'org.imago.governance.stance':
    case 'org.imago.governance.object':
    case 'org.imago.governance.objection.withdraw':
    case 'org.imago.governance.amend': {
      const decision = state.decisions.get(event.content.decision);
      if (decision === undefined) return 'unknown-decision';
      const next = participate(decision, event, at);
      if (typeof next === 'string' || next instanceof InvalidEventError) return next;
      if (next.status === decision.status) return ok(commitDecision(state, next));
      // Settled before its period ended (an oligarchy's k-th approval or its refusals): provisional
      // until an authority's event confirms it or settles it again on what it named.
      return ok(commitDecision(provisionalUntil(state, decision), next), [decision.id]);
    }
    case 'org.imago.governance.delegate':
    case 'org.imago.governance.revoke': {
      const changed = changeDelegation(state, event);
      return typeof changed === 'string' ? changed : ok(changed);
    }
    case 'org.imago.governance.tick':
      return ok(state);
    case 'org.imago.governance.counted': {
      const key = countPartKey(event.content.decision, event.content.part);
      if (state.countParts.has(key)) return 'duplicate';
      return ok({ ...state, countParts: state.countParts.set(key, event.content.ids) });
    }
    case 'org.imago.governance.close': {
      const decision = state.decisions.get(event.content.decision);
      if (decision === undefined) return 'unknown-decision';
      // Accepted only as the event that made the decision settle, or that ended the window in
      // which its act was challenged (the escalated decision runs on).
      const ended = settled.includes(decision.id);
      // A pending decision it named before its period ended may be open again (its named events
      // did not settle it).
      const named = event.content.counted?.[decision.id] !== undefined;
      if (isPending(decision))
        return ended && (decision.challenge !== undefined || named) ? ok(state) : 'too-early';
      return ended ? ok(state) : 'not-open';
    }
    case 'org.imago.governance.secret.result': {
      const decision = state.decisions.get(event.content.decision);
      if (decision === undefined) return 'unknown-decision';
      const next = settleNamedSecretResult(state, decision, event.content, context, at);
      if (typeof next === 'string') return next;
      const changed = next.decision.status !== decision.status ? [decision.id] : [];
      return { ...ok(commitCounted(state, decision, next.decision), changed), count: next.issues };
    }
  }
}
