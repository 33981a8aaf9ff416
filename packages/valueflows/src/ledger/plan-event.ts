/**
 * Computes, without writing anything, what one economic event does to the ledger, following the
 * ValueFlows 1.0 action effects (all_vf.TTL: `vf:accountingEffect`, `vf:onhandEffect`,
 * `vf:locationEffect`, `vf:containedEffect`, `vf:accountableEffect`, `vf:stageEffect`,
 * `vf:stateEffect`, `vf:createResource`, `vf:eventQuantity`). Every check runs before any
 * change is returned, so a rejected event changes nothing.
 *
 * The stages, in order: the event itself ({@link checkEvent}), who recorded it, the resources it
 * acts on ({@link eventResources}), who may act on them ({@link checkHolders}), quantities
 * ({@link applyQuantities}), then location, containment, rights, stage and state
 * ({@link applyResourceEffects}). A correction is planned apart ({@link planCorrection}).
 *
 * @module
 */

import type { ActionDefinition } from '../actions/action-definition';
import { ACTIONS } from '../actions/action-table';
import { DuplicateEventError } from '../errors/duplicate-event-error';
import { InvalidEventError } from '../errors/invalid-event-error';
import { UnauthorisedRecorderError } from '../errors/unauthorised-recorder-error';
import type { EconomicEvent } from '../model/economic-event';
import { answeringSide } from './answering-side';
import { checkHolders } from './event-holders';
import type { EventPlan, PlanOptions } from './event-plan';
import { eventResources } from './event-resources';
import type { LedgerState } from './ledger-state';
import { planCorrection } from './plan-correction';
import { applyQuantities, isValidQuantity } from './quantity-effects';
import { Draft } from './resource-draft';
import { applyResourceEffects } from './resource-effects';

export type { EventPlan, PlanOptions } from './event-plan';

/**
 * Plans the effects of `event` on `state`.
 *
 * @param state - the ledger before the event
 * @param event - a parsed event
 * @param options - who the recorder speaks for
 * @returns what to write
 * @throws a {@link LedgerRejectionError} subclass when the event breaks an invariant
 */
export function planEvent(state: LedgerState, event: EconomicEvent, options: PlanOptions = {}): EventPlan {
  const action = checkEvent(state, event);
  const draft = new Draft(state.resources);
  const sequence = state.events.size;
  if (event.corrects !== undefined) return planCorrection(state, event, draft, sequence, options);

  const side = answeringSide(action);
  if (options.speaksFor !== undefined && !options.speaksFor(event[side], event)) {
    throw new UnauthorisedRecorderError(event.id, side, event[side]);
  }
  if (action.eventQuantity === 'effort' && event.effortQuantity === undefined) {
    throw new InvalidEventError(event.id, 'missing-effort-quantity', `${action.id} needs an effortQuantity`);
  }
  const resources = eventResources(state, event, action, draft);
  checkHolders(event, action, side, resources);
  applyQuantities(event, action, resources, draft);
  applyResourceEffects(state, event, action, resources, draft);
  return {
    resources: [...draft.touched.values()],
    recorded: { event, sequence, deltas: draft.deltas },
  };
}

/**
 * The checks of the event alone: not recorded yet, a known action, quantities finite and not
 * negative.
 *
 * @returns the event's action
 */
function checkEvent(state: LedgerState, event: EconomicEvent): ActionDefinition {
  const id = event.id;
  if (state.events.has(id)) throw new DuplicateEventError(id);
  const action = ACTIONS[event.action];
  if (action === undefined)
    throw new InvalidEventError(id, 'unknown-action', `unknown action ${event.action}`);
  if (!isValidQuantity(event.resourceQuantity) || !isValidQuantity(event.effortQuantity)) {
    throw new InvalidEventError(
      id,
      'negative-event-quantity',
      'event quantities must be finite and not negative',
    );
  }
  return action;
}
