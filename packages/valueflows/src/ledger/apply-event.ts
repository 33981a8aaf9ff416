/**
 * The ledger reducer: one economic event applied to a ledger state.
 *
 * @module
 */
import { LedgerRejectionError } from '../errors/ledger-rejection-error';
import type { EconomicEvent } from '../model/economic-event';
import type { LedgerState } from './ledger-state';
import { type PlanOptions, planEvent } from './plan-event';

/** The outcome of applying one event: the new state, or the rejection and the unchanged state. */
export type LedgerResult =
  | { readonly ok: true; readonly state: LedgerState }
  | { readonly ok: false; readonly state: LedgerState; readonly error: LedgerRejectionError };

/**
 * Applies one economic event to a ledger, exactly per its action's effects. Pure: `state` is not
 * modified; a rejected event leaves the returned state identical to `state`.
 *
 * Copies the resource map (O(number of resources)); to fold a long log use
 * {@link replayLedger}, which applies events in place on its own copy.
 *
 * @param state - the ledger before the event
 * @param event - a parsed event (see {@link readEconomicEvent})
 * @param options - `speaksFor`: who the event's recorder speaks for (see {@link answeringSide});
 *   absent, the event is trusted as recorded
 * @returns `{ ok: true, state }` or `{ ok: false, state, error }` where `error.code` says why
 * @example
 * ```ts
 * const r = applyEvent(createLedger(), {
 *   id: 'e1', action: 'raise', provider: 'group:a', receiver: 'group:a',
 *   resourceQuantity: { hasNumericalValue: 5, hasUnit: 'one' },
 *   newInventoriedResource: { id: 'chairs' },
 * });
 * if (r.ok) r.state.resources.get('chairs')?.onhandQuantity; // 5 one
 * ```
 */
export function applyEvent(
  state: LedgerState,
  event: EconomicEvent,
  options: PlanOptions = {},
): LedgerResult {
  try {
    const plan = planEvent(state, event, options);
    const resources = new Map(state.resources);
    for (const r of plan.resources) resources.set(r.id, r);
    const events = new Map(state.events);
    events.set(event.id, plan.recorded);
    if (plan.corrected) events.set(plan.corrected.event.id, plan.corrected);
    return { ok: true, state: { resources, events, processes: state.processes } };
  } catch (error) {
    if (LedgerRejectionError.isRejection(error)) return { ok: false, state, error };
    throw error;
  }
}
