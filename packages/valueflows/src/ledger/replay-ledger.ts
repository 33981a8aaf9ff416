/**
 * The ledger as a fold over an ordered event log.
 *
 * @module
 */
import { LedgerRejectionError } from '../errors/ledger-rejection-error';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { SpeaksFor } from './answering-side';
import { createLedger, type LedgerState, type RecordedEvent } from './ledger-state';
import { planEvent } from './plan-event';

/** A rejected event of a log. */
export interface LedgerRejection {
  /** Position of the event in the log given, from 0. */
  readonly index: number;
  readonly event: EconomicEvent;
  readonly error: LedgerRejectionError;
}

/** Options of {@link replayLedger}. */
export interface ReplayOptions {
  /** The state to start from (default: an empty ledger). It is not modified. */
  readonly initial?: LedgerState;
  /**
   * What to do with a rejected event: `skip` it and go on (default; what every member of a
   * group does with a bad event in a shared log), or `stop` at the first one.
   */
  readonly onRejection?: 'skip' | 'stop';
  /**
   * Whether the recorder of an event speaks for an agent (see {@link answeringSide}): in a log that
   * several parties write, an event whose recorder does not speak for the side that answers for
   * it is rejected (`VF_UNAUTHORISED_RECORDER`). Absent: the log is trusted as a whole.
   */
  readonly speaksFor?: SpeaksFor;
}

/** The result of a ledger replay (not `@imago/governance`'s `ReplayResult`, a decision log's). */
export interface ReplayResult {
  readonly state: LedgerState;
  /** Rejected events, in log order (at most one with `onRejection: 'stop'`). */
  readonly rejections: readonly LedgerRejection[];
}

/**
 * Folds an ordered event log into a ledger state: same log in, same state out. Each event is
 * applied atomically — fully or, if it breaks an invariant, not at all.
 *
 * @param events - the log, in order
 * @param options - starting state and rejection policy
 * @returns the final state and the rejected events
 * @example
 * ```ts
 * const { state, rejections } = replayLedger(events);
 * for (const r of state.resources.values()) console.log(r.id, r.onhandQuantity);
 * ```
 */
export function replayLedger(events: Iterable<EconomicEvent>, options: ReplayOptions = {}): ReplayResult {
  const initial = options.initial ?? createLedger();
  const resources = new Map<string, EconomicResource>(initial.resources);
  const recorded = new Map<string, RecordedEvent>(initial.events);
  const state: LedgerState = { resources, events: recorded, processes: initial.processes };
  const rejections: LedgerRejection[] = [];
  let index = 0;
  for (const event of events) {
    try {
      const plan = planEvent(state, event, options);
      for (const r of plan.resources) resources.set(r.id, r);
      recorded.set(event.id, plan.recorded);
      if (plan.corrected) recorded.set(plan.corrected.event.id, plan.corrected);
    } catch (error) {
      if (!LedgerRejectionError.isRejection(error)) throw error;
      rejections.push({ index, event, error });
      if (options.onRejection === 'stop') break;
    }
    index++;
  }
  return { state, rejections };
}
