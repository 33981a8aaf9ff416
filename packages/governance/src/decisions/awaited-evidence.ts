/**
 * Keeping the evidence a counted close may name, and settling a decision that waited for it
 * when it comes (or when it is known to be redacted).
 *
 * @module
 */
import type { GovernanceEvent } from '../events/event-types';
import { settleNamedSecretResult } from '../secret-ballot/named-weights';
import { COUNTED_TYPES, type EvidenceRecord, type ParticipationEvent } from './evidence-record';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { commitCounted } from './lifecycle';
import { type CountIssue, recount } from './recount';

/**
 * Records an event a counted close may name (as its sender claimed it, accepted or not). Any other
 * event, or one already recorded, leaves the state as it is.
 * @internal
 */
export function recordEvidence(
  state: GovernanceState,
  event: GovernanceEvent,
  context: GovernanceContext,
): GovernanceState {
  if (!COUNTED_TYPES.has(event.type) || state.evidence.has(event.id)) return state;
  const record: EvidenceRecord = {
    event: event as ParticipationEvent,
    member: context.members.has(event.sender),
  };
  return { ...state, evidence: state.evidence.set(event.id, record) };
}

/**
 * Settles again the decisions waiting for one of `ids` (now recorded or marked redacted).
 *
 * @returns the state, the decisions that settled, and what their count reports.
 * @internal
 */
export function resumeCounts(
  state: GovernanceState,
  ids: readonly string[],
  context: GovernanceContext,
): { state: GovernanceState; settled: string[]; issues: CountIssue[] } {
  const settled: string[] = [];
  const issues: CountIssue[] = [];
  const waiting = new Set(ids.flatMap((id) => state.awaiting.get(id) ?? []));
  for (const id of [...waiting].sort()) {
    const decision = state.decisions.get(id);
    if (decision?.count === undefined || decision.count.missing.length === 0) continue;
    const waiting = decision.secret?.waiting;
    const recounted =
      waiting === undefined
        ? recount(decision, decision.count.counted, state, context, state.authorityClock)
        : settleNamedSecretResult(state, decision, waiting.content, context, waiting.at);
    // A waiting secret result the election no longer verifies stays waiting, unsettled.
    if (typeof recounted === 'string') continue;
    state = commitCounted(state, decision, recounted.decision);
    if (recounted.decision.status !== decision.status) settled.push(id);
    // Only the end of the wait is news: the decision already reported what it awaited.
    issues.push(...recounted.issues.filter((issue) => issue.code !== 'awaiting-evidence'));
  }
  return { state, settled, issues };
}

/**
 * Marks an event of the log as redacted: a counted close that names it (or a delegation made
 * from it, `eventId/scope`) does not count it, and a decision waiting for it settles without it.
 *
 * @param state - the state.
 * @param eventId - the redacted event's id.
 * @param context - membership inputs at this point of the log.
 * @returns the state, the decisions that settled, and what their count reports.
 * @example
 * ```ts
 * // the binding, on a redacted governance event in the room's log:
 * ({ state } = markRedacted(state, '$vote', context));
 * ```
 */
export function markRedacted(
  state: GovernanceState,
  eventId: string,
  context: GovernanceContext,
): { state: GovernanceState; settled: readonly string[]; count: readonly CountIssue[] } {
  const marked = { ...state, evidence: state.evidence.set(eventId, { redacted: true } as const) };
  const awaited = marked.awaiting.keys().filter((id) => id === eventId || id.startsWith(`${eventId}/`));
  const resumed = resumeCounts(marked, awaited, context);
  return { state: resumed.state, settled: resumed.settled, count: resumed.issues };
}
