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
import { settleConsensus } from '../protocols/consensus';
import { settleConsent } from '../protocols/consent';
import { secretSetup, settleDemocracy } from '../protocols/democracy/democracy';
import { settleDoOcracy } from '../protocols/do-ocracy';
import { openOligarchy, settleOligarchy } from '../protocols/oligarchy';
import { sortIds } from '../protocols/protocol-step';
import { type Decision, FINAL_STATUSES } from './decision';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';

/** Whether the decision still waits for time to pass (`proposed` or `open`). */
export function isPending(decision: Decision): boolean {
  return decision.status === 'proposed' || decision.status === 'open';
}

/** When time next changes a pending decision: its opening if proposed, its deadline if open. */
function dueAt(decision: Decision | undefined): number {
  if (decision === undefined || !isPending(decision)) return Number.POSITIVE_INFINITY;
  return decision.status === 'proposed' ? decision.opensAt : decision.closesAt;
}

/**
 * Opens a decision: fixes secret-ballot weights, checks an oligarchy can still reach k.
 * @internal
 */
export function openDecision(
  decision: Decision,
  state: GovernanceState,
  context: GovernanceContext,
  at: number,
): Decision {
  let opened: Decision = { ...decision, status: 'open' };
  if (opened.rule.protocol === 'democracy' && opened.rule.ballot === 'secret') {
    opened = { ...opened, secret: secretSetup(opened, state, context) };
  }
  return openOligarchy(opened, at);
}

/**
 * Settles an open decision whose period has ended.
 * @internal
 */
export function settleAtDeadline(
  decision: Decision,
  state: GovernanceState,
  context: GovernanceContext,
): Decision {
  switch (decision.rule.protocol) {
    case 'oligarchy':
      return settleOligarchy(decision);
    case 'democracy':
      return settleDemocracy(decision, state, context);
    case 'consensus':
      return settleConsensus(decision);
    case 'consent':
      return settleConsent(decision);
    case 'do-ocracy':
      return settleDoOcracy(decision);
  }
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
 * Lets time pass up to `now`: opens decisions whose `opensAt` has come and settles those whose
 * `closesAt` has passed, in order of that time (then id).
 *
 * @param state - the state
 * @param now - the time (ms) to evaluate at
 * @param context - membership inputs (for delegation to groups and sub-group deciders)
 * @returns the new state and the ids of the decisions that opened or settled
 * @internal
 */
export function advanceClock(
  state: GovernanceState,
  now: number,
  context: GovernanceContext,
): { state: GovernanceState; changed: string[] } {
  const changed: string[] = [];
  if (now < state.nextDue) return { state, changed };
  for (;;) {
    let due: Decision | undefined;
    let earliest = Number.POSITIVE_INFINITY;
    for (const id of state.pending) {
      const decision = state.decisions.get(id)!;
      const at = dueAt(decision);
      if (at <= now && at < earliest) {
        due = decision;
        earliest = at;
      }
    }
    if (due === undefined) return { state, changed };
    const next =
      due.status === 'proposed'
        ? openDecision(due, state, context, due.opensAt)
        : settleAtDeadline(due, state, context);
    state = commitDecision(state, next);
    if (!changed.includes(next.id)) changed.push(next.id);
  }
}

/** Whether a decision's status can no longer change. */
export function isFinal(decision: Decision): boolean {
  return FINAL_STATUSES.includes(decision.status);
}
