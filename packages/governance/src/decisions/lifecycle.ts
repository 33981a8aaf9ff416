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
 * `change-authority` decision (the new authority acts from then on). An adoption that is still
 * provisional (`state.provisional`: a participation event settled it before its period ended)
 * has no effect yet: {@link confirmDecision} applies it once an authority's event confirms it.
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
  if (before?.status === 'adopted' || next.provisional.has(decision.id)) return next;
  return applyAdoption(next, decision);
}

/**
 * What an adopted decision changes in the state, as of its outcome's time: the table in force
 * (`change-control-table`) or the authority (`change-authority`).
 */
function applyAdoption(state: GovernanceState, decision: Decision): GovernanceState {
  if (decision.status !== 'adopted') return state;
  if (decision.kind === ActionKinds.changeControlTable) {
    const table = (decision.action as { table: ControlTable }).table;
    return { ...state, ...adoptTable(state, table, decision.outcome?.at ?? state.clock, decision.id) };
  }
  if (decision.kind === ActionKinds.changeAuthority)
    return { ...state, authority: (decision.action as { authority: readonly string[] }).authority };
  return state;
}

/**
 * Ends a decision's provisional status: from now on no close settles it again, and an adoption
 * takes effect (see {@link commitDecision}).
 * @internal
 */
export function confirmDecision(state: GovernanceState, id: string): GovernanceState {
  if (!state.provisional.has(id)) return state;
  const confirmed = { ...state, provisional: state.provisional.delete(id) };
  return applyAdoption(confirmed, confirmed.decisions.get(id)!);
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

/**
 * The provisional decision whose period ends first by `now`, or that the settling event names
 * (`counts`: a close confirms or settles again at once what it names, whatever its time), if any.
 */
function firstCourseDue(
  state: GovernanceState,
  now: number,
  counts: ReadonlyMap<string, readonly string[]> | undefined,
): { id: string; until: number } | undefined {
  let first: { id: string; until: number } | undefined;
  for (const id of state.provisional.keys()) {
    const until = state.provisional.get(id)!;
    if ((until <= now || counts?.has(id)) && (first === undefined || until < first.until))
      first = { id, until };
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
 * The authority's event ended the period a provisional settlement raced (a withdrawal or a
 * challenge, `course.ts`, or a participation event that settled the decision early,
 * `apply-event.ts`), or named the decision. A close naming nothing for the decision confirms it.
 * A counted close that names the challenge which escalated it leaves the escalated decision to
 * run on; any other counted close settles the decision again from its opening on the events it
 * named (back to `open` if they do not settle it and its period has not ended). Either way the
 * decision is no longer provisional, and an adoption takes effect.
 */
function endCourse(
  state: GovernanceState,
  course: { id: string; until: number },
  now: number,
  context: GovernanceContext,
  counted: readonly string[] | undefined,
): { state: GovernanceState; issues: CountIssue[]; changed: boolean } {
  const decision = state.decisions.get(course.id)!;
  if (counted === undefined) return { state: confirmDecision(state, course.id), issues: [], changed: false };
  const escalated = decision.challenge !== undefined && counted.includes(decision.challenge.id);
  const kept = escalated ? retimed(state, decision, course.until) : undefined;
  const recounted = recount(decision, counted, state, context, now, true);
  // The escalated decision runs on as this log has it, unless the named events settle it.
  const runsOn = recounted.decision.status === 'open' || recounted.decision.status === 'withdrawn';
  if (
    kept !== undefined &&
    kept.closesAt > now &&
    runsOn &&
    (kept.status === 'open' || kept.status === 'withdrawn')
  ) {
    // A withdrawal of the escalated decision races the escalated period's end in turn.
    const withdrawn = kept.status === 'withdrawn' && kept.closesAt > course.until;
    const ended = state.provisional.delete(course.id);
    const provisional = withdrawn ? ended.set(kept.id, kept.closesAt) : ended;
    return { state: commitDecision({ ...state, provisional }, kept), issues: [], changed: true };
  }
  return {
    state: confirmDecision(commitCounted(state, decision, recounted.decision), course.id),
    issues: recounted.issues,
    changed: true,
  };
}

/**
 * An open decision that the settling event names before its period ends, though this reader had
 * not settled it (it has not seen the events that settled it for the authority): settled at once on
 * the named events when they settle it (or escalate it), or waiting for those it lacks. When they
 * leave it open (a close naming a decision about to end), it stays as this log has it.
 */
function settleNamedEarly(
  state: GovernanceState,
  now: number,
  context: GovernanceContext,
  counts: ReadonlyMap<string, readonly string[]>,
  changed: string[],
  issues: CountIssue[],
): GovernanceState {
  for (const [id, counted] of counts) {
    const decision = state.decisions.get(id);
    if (decision?.status !== 'open' || decision.closesAt <= now || state.provisional.has(id)) continue;
    const recounted = recount(decision, counted, state, context, now);
    const after = recounted.decision;
    if (after.status === 'open' && after.challenge?.id === decision.challenge?.id) continue;
    issues.push(...recounted.issues);
    state = commitCounted(state, decision, after);
    if (!changed.includes(id)) changed.push(id);
  }
  return state;
}

/**
 * Lets time pass up to `now`: opens decisions whose `opensAt` has come and settles those whose
 * `closesAt` has passed, in order of that time (then id); a decision the settling event counted
 * settles on what it named, and so does one whose provisional settlement (a withdrawal, a
 * challenge, or a participation event that settled it early) raced that period's end or that the
 * event names before it ends.
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
  const counts = settle ? options.counts : undefined;
  const quiet = !settle || (firstCourseDue(state, now, counts) === undefined && !counts?.size);
  if (now < state.nextDue && quiet) return { state, changed, issues };
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
    const course = settle ? firstCourseDue(state, now, counts) : undefined;
    if (course !== undefined && course.until < earliest) {
      const ended = endCourse(state, course, now, context, options.counts?.get(course.id));
      state = ended.state;
      issues.push(...ended.issues);
      if (ended.changed && !changed.includes(course.id)) changed.push(course.id);
      continue;
    }
    if (due === undefined) {
      if (counts !== undefined) state = settleNamedEarly(state, now, context, counts, changed, issues);
      return { state, changed, issues };
    }
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
