/**
 * The time-driven part of a decision's life cycle: opening at `opensAt`, settling at
 * `closesAt`, and recording a settled decision in the state (including applying an adopted
 * control-table change). Time comes from event timestamps or an explicit `now`, never a clock.
 *
 * @module
 */
import { ActionKinds } from '../control-table/action-kinds';
import type { ControlTable } from '../control-table/control-table';
import { adoptTable } from '../control-table/table-history';
import { sortIds } from '../protocols/protocol-step';
import { lookupEvidence } from './counted-evidence';
import { type Decision, FINAL_STATUSES } from './decision';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { isPending, openDecision } from './open-decision';
import { type CountIssue, recount } from './recount';
import { settleAtDeadline } from './settle-at-deadline';

/** When time next changes a pending decision: its opening if proposed, its deadline if open. */
function dueAt(decision: Decision | undefined): number {
  if (decision === undefined || !isPending(decision)) return Number.POSITIVE_INFINITY;
  return decision.status === 'proposed' ? decision.opensAt : decision.closesAt;
}

/**
 * Writes a decision into the state, keeping `pending` in sync and applying an adopted
 * `change-control-table` decision (it governs decisions proposed afterwards) or
 * `change-authority` decision (the new authority acts from then on).
 * @internal
 */
export function commitDecision(state: GovernanceState, decision: Decision): GovernanceState {
  const before = state.decisions.get(decision.id);
  let next: GovernanceState = { ...state, decisions: state.decisions.set(decision.id, decision) };
  const wasPending = before !== undefined && isPending(before);
  if (wasPending !== isPending(decision)) {
    next = {
      ...next,
      pending: isPending(decision)
        ? sortIds([...state.pending, decision.id])
        : state.pending.filter((id) => id !== decision.id),
    };
  }
  if (dueAt(before) !== dueAt(decision)) {
    let nextDue = Number.POSITIVE_INFINITY;
    for (const id of next.pending) nextDue = Math.min(nextDue, dueAt(next.decisions.get(id)));
    next = { ...next, nextDue };
  }
  if (
    decision.status === 'adopted' &&
    before?.status !== 'adopted' &&
    decision.kind === ActionKinds.changeControlTable
  ) {
    const table = (decision.action as { table: ControlTable }).table;
    next = { ...next, ...adoptTable(state, table, decision.outcome?.at ?? state.clock, decision.id) };
  }
  if (
    decision.status === 'adopted' &&
    before?.status !== 'adopted' &&
    decision.kind === ActionKinds.changeAuthority
  ) {
    next = { ...next, authority: (decision.action as { authority: readonly string[] }).authority };
  }
  return next;
}

/**
 * Writes a decision settled on counted evidence (or waiting for it), keeping the index of the
 * events awaited in sync.
 * @internal
 */
export function commitCounted(state: GovernanceState, before: Decision, after: Decision): GovernanceState {
  let awaiting = state.awaiting;
  const wait = (id: string, decisions: readonly string[]) => {
    awaiting = decisions.length === 0 ? awaiting.delete(id) : awaiting.set(id, decisions);
  };
  for (const id of before.count?.missing ?? []) {
    wait(
      id,
      (awaiting.get(id) ?? []).filter((decision) => decision !== before.id),
    );
  }
  for (const id of after.count?.missing ?? []) {
    wait(id, sortIds([...(awaiting.get(id) ?? []), after.id]));
  }
  return commitDecision({ ...state, awaiting }, after);
}

/** How time passes at an event (see {@link advanceClock}). */
export interface ClockOptions {
  /**
   * Whether periods end (default `true`): only the authority's settling events end them, so that no
   * member's event settles a decision in one reader's order and not in another's.
   */
  readonly settle?: boolean;
  /** What the settling event counted, by decision (`recount.ts`). */
  readonly counts?: ReadonlyMap<string, readonly string[]>;
}

/** The provisional change of course whose period ends first by `now`, if any. */
function firstCourseDue(state: GovernanceState, now: number): { id: string; until: number } | undefined {
  let first: { id: string; until: number } | undefined;
  for (const id of state.provisional.keys()) {
    const until = state.provisional.get(id)!;
    if (until <= now && (first === undefined || until < first.until)) first = { id, until };
  }
  return first;
}

/**
 * A decision escalated by the challenge a counted close named, its period taken from the time the
 * challenger claimed (held within the act's window), as every reader who replays the challenge
 * from the close takes it (`recount.ts`); `undefined` unless `until` ends the act's window.
 */
function retimed(state: GovernanceState, decision: Decision, until: number): Decision | undefined {
  const act = decision.beforeChallenge;
  const record = decision.challenge === undefined ? undefined : lookupEvidence(state, decision.challenge.id);
  if (act === undefined || act.closesAt !== until || record === undefined || 'redacted' in record)
    return undefined;
  const at = Math.min(Math.max(record.event.timestamp, act.opensAt), act.closesAt - 1);
  const challenge = { ...decision.challenge!, at };
  return { ...decision, challenge, opensAt: at, closesAt: at + (decision.closesAt - decision.opensAt) };
}

/**
 * The authority's event ended the period a withdrawal or challenge raced (`course.ts`). A close
 * naming nothing for the decision confirms it. A counted close that names the challenge which
 * escalated it leaves the escalated decision to run on; any other counted close settles the
 * decision again from its opening on the events it named.
 */
function endCourse(
  state: GovernanceState,
  course: { id: string; until: number },
  now: number,
  context: GovernanceContext,
  counted: readonly string[] | undefined,
): { state: GovernanceState; issues: CountIssue[]; changed: boolean } {
  const decision = state.decisions.get(course.id)!;
  state = { ...state, provisional: state.provisional.delete(course.id) };
  if (counted === undefined) return { state, issues: [], changed: false };
  const escalated = decision.challenge !== undefined && counted.includes(decision.challenge.id);
  const kept = escalated ? retimed(state, decision, course.until) : undefined;
  if (kept !== undefined && kept.closesAt > now) {
    // A withdrawal of the escalated decision races the escalated period's end in turn.
    const withdrawn = kept.status === 'withdrawn' && kept.closesAt > course.until;
    const provisional = withdrawn ? state.provisional.set(kept.id, kept.closesAt) : state.provisional;
    return { state: commitDecision({ ...state, provisional }, kept), issues: [], changed: true };
  }
  const recounted = recount(decision, counted, state, context, now, true);
  return {
    state: commitCounted(state, decision, recounted.decision),
    issues: recounted.issues,
    changed: true,
  };
}

/**
 * Lets time pass up to `now`: opens decisions whose `opensAt` has come and settles those whose
 * `closesAt` has passed, in order of that time (then id); a decision the settling event counted
 * settles on what it named, and so does one whose withdrawal or challenge raced that period's end.
 *
 * @param state - the state
 * @param now - the time (ms) to evaluate at
 * @param context - membership inputs (for delegation to groups and sub-group deciders)
 * @param options - whether periods end, and what the settling event counted
 * @returns the new state, the ids of the decisions that opened or settled, and the count's issues
 * @internal
 */
export function advanceClock(
  state: GovernanceState,
  now: number,
  context: GovernanceContext,
  options: ClockOptions = {},
): { state: GovernanceState; changed: string[]; issues: CountIssue[] } {
  const changed: string[] = [];
  const issues: CountIssue[] = [];
  const settle = options.settle !== false;
  if (now < state.nextDue && (!settle || firstCourseDue(state, now) === undefined))
    return { state, changed, issues };
  for (;;) {
    let due: Decision | undefined;
    let earliest = Number.POSITIVE_INFINITY;
    for (const id of state.pending) {
      const decision = state.decisions.get(id)!;
      if (decision.status === 'open' && !settle) continue;
      const at = dueAt(decision);
      if (at <= now && at < earliest) {
        due = decision;
        earliest = at;
      }
    }
    const course = settle ? firstCourseDue(state, now) : undefined;
    if (course !== undefined && course.until < earliest) {
      const ended = endCourse(state, course, now, context, options.counts?.get(course.id));
      state = ended.state;
      issues.push(...ended.issues);
      if (ended.changed && !changed.includes(course.id)) changed.push(course.id);
      continue;
    }
    if (due === undefined) return { state, changed, issues };
    const counted = options.counts?.get(due.id);
    if (due.status === 'proposed') {
      state = commitDecision(state, openDecision(due, state, context, due.opensAt));
    } else if (counted !== undefined) {
      const recounted = recount(due, counted, state, context, now);
      issues.push(...recounted.issues);
      state = commitCounted(state, due, recounted.decision);
    } else {
      state = commitDecision(state, settleAtDeadline(due, state, context));
    }
    if (!changed.includes(due.id)) changed.push(due.id);
  }
}

/** Whether a decision's status can no longer change. */
export function isFinal(decision: Decision): boolean {
  return FINAL_STATUSES.includes(decision.status);
}
