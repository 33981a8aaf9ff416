/**
 * Folding a whole log, and evaluating a state at a given time.
 *
 * @module
 */
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { initialGovernanceState } from './governance-state';
import { advanceClock } from './lifecycle';
import { reduce } from './reduce';
import type { RejectedEvent } from './rejection';

/** The result of {@link replay} (not `@imago/valueflows`' `ReplayResult`, a ledger replay's). */
export interface ReplayResult {
  readonly state: GovernanceState;
  /** Every rejected event, in log order. */
  readonly rejected: readonly RejectedEvent[];
}

/**
 * Applies a log of events in order.
 *
 * @param events - the group's governance log, in order (raw, untrusted)
 * @param context - membership inputs: one context for the whole log, or a function giving the
 *   context valid at each event (e.g. from Matrix room state at that event)
 * @param from - the state to start from (default: the initial state)
 * @returns the final state and the rejected events
 * @example
 * ```ts
 * const { state, rejected } = replay(events, { members: new Set(['@ana:example.org']) });
 * ```
 */
export function replay(
  events: Iterable<unknown>,
  context: GovernanceContext | ((event: unknown, index: number) => GovernanceContext),
  from: GovernanceState = initialGovernanceState(),
): ReplayResult {
  let state = from;
  const rejected: RejectedEvent[] = [];
  let index = 0;
  for (const event of events) {
    const result = reduce(state, event, typeof context === 'function' ? context(event, index) : context);
    state = result.state;
    if (result.rejected !== undefined) rejected.push(result.rejected);
    index++;
  }
  return { state, rejected };
}

/**
 * The state as it stands at `now`: decisions whose period ended by `now` are settled, those
 * whose opening time has come are open. Nothing is read from a clock; the log is unchanged.
 *
 * @param state - the state
 * @param now - the time to evaluate at (ms)
 * @param context - membership inputs valid now
 * @returns the evaluated state and the ids of the decisions that opened or settled
 */
export function evaluateAt(
  state: GovernanceState,
  now: number,
  context: GovernanceContext,
): { state: GovernanceState; settled: readonly string[] } {
  const advanced = advanceClock(state, now, context);
  return { state: { ...advanced.state, clock: Math.max(state.clock, now) }, settled: advanced.changed };
}
