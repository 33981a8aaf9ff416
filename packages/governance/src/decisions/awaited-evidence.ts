/**
 * Keeping the evidence a counted close may name, settling a decision that waited for it when it
 * comes (or when it is known to be redacted), and dropping it once no close can name it usefully.
 *
 * A decision is settled for good when its status is final and it is not provisional
 * (`settled-for-good.ts`): no later close settles it again. From then on its
 * participation, withdrawals and challenges are neither kept nor recorded, so the record stays the
 * size of what is still undecided, however long the history. A close of another decision that
 * names one of them finds it seen and not in the record, and does not count it (`recount.ts`);
 * one this reader refused (never seen) is waited for, as any named event this log never shows.
 * `delegate` events and the marks of redacted events stay, since any later close, and a secret
 * ballot's Setup, may name them.
 *
 * @module
 */
import type { GovernanceEvent } from '../events/event-types';
import { PersistentMap } from '../persistent/persistent-map';
import { settleNamedSecretResult } from '../secret-ballot/named-weights';
import {
  COUNTED_TYPES,
  type CourseEvent,
  type EvidenceRecord,
  type ParticipationEvent,
} from './evidence-record';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { commitCounted } from './lifecycle';
import { type CountIssue, recount } from './recount';
import { settledForGood } from './settled-for-good';

/**
 * Records an event a counted close may name (as its sender claimed it, accepted or not). Any other
 * event, one already recorded, or one whose decision is settled for good leaves the state as it is.
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
  if (event.type === 'org.imago.governance.delegate')
    return { ...state, evidence: state.evidence.set(event.id, record) };
  const id = (event as ParticipationEvent | CourseEvent).content.decision;
  const decision = state.decisions.get(id);
  if (decision !== undefined && settledForGood(state, decision)) return state;
  const ids = state.evidenceOf.get(id) ?? PersistentMap.empty<true>();
  return {
    ...state,
    evidence: state.evidence.set(event.id, record),
    evidenceOf: state.evidenceOf.set(id, ids.set(event.id, true)),
  };
}

/**
 * Drops the evidence of those of `decisions` now settled for good.
 * @internal
 */
export function releaseEvidence(state: GovernanceState, decisions: Iterable<string>): GovernanceState {
  for (const id of decisions) {
    const ids = state.evidenceOf.get(id);
    const decision = state.decisions.get(id);
    if (ids === undefined || decision === undefined || !settledForGood(state, decision)) continue;
    let evidence = state.evidence;
    // The mark of a redacted event stays: a close of another decision may still name it.
    for (const eventId of ids.keys())
      if (!('redacted' in (evidence.get(eventId) ?? {}))) evidence = evidence.delete(eventId);
    state = { ...state, evidence, evidenceOf: state.evidenceOf.delete(id) };
  }
  return state;
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
  return {
    state: releaseEvidence(resumed.state, resumed.settled),
    settled: resumed.settled,
    count: resumed.issues,
  };
}
