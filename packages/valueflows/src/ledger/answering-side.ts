/**
 * Who answers for an economic event: of its two agents, the one whose consent the event needs.
 *
 * A ledger kept by several parties (a group's room, where every member may write) must not let
 * one agent record what another gives up. The rule follows the ValueFlows 1.0 action effects
 * (all_vf.TTL):
 *
 * - **the provider** answers when something leaves the provider: the action takes rights
 *   (`vf:accountingEffect` decrement, `vf:accountableEffect` updateTo) or custody
 *   (`vf:onhandEffect` decrement) from its resource, or the event is an input the provider puts
 *   into a process (`vf:inputOutput` input: `use`, `cite`, `work`…);
 * - **the receiver** answers otherwise, for what it receives: increments (`raise`, `produce`),
 *   outputs of processes (`dropoff`, `modify`, `separate`), copies and services.
 *
 * The same side corrects: a correction is answered for by the side of the event it corrects.
 *
 * @module
 */
import type { ActionDefinition, ActionId } from '../actions/action-definition';
import { ACTIONS } from '../actions/action-table';
import type { EconomicEvent } from '../model/economic-event';

/** A side of an economic event. */
export type EventSide = 'provider' | 'receiver';

/**
 * Whether the one who recorded `event` speaks for `agent` — the question a shared ledger asks
 * before recording an event (see {@link answeringSide}). On Matrix, the binding answers it from the
 * sender of the room event and the group's authority and control table.
 */
export type SpeaksFor = (agent: string, event: EconomicEvent) => boolean;

/** Whether the action takes rights from its resource (`vf:accountingEffect` decrement, `vf:accountableEffect` updateTo). */
export function takesRights(a: ActionDefinition): boolean {
  return (
    a.accountingEffect === 'decrement' ||
    a.accountingEffect === 'decrementIncrement' ||
    a.accountableEffect === 'updateTo'
  );
}

/** Whether the action takes custody from its resource (`vf:onhandEffect` decrement). */
export function takesCustody(a: ActionDefinition): boolean {
  return a.onhandEffect === 'decrement' || a.onhandEffect === 'decrementIncrement';
}

/**
 * Whether the action changes its resource (the provider's side, `resourceInventoriedAs`): a
 * quantity, its location, containment, stage or state.
 */
export function changesResource(a: ActionDefinition): boolean {
  const quantity = (e: string) => e === 'increment' || e === 'decrement' || e === 'decrementIncrement';
  return (
    quantity(a.accountingEffect) ||
    quantity(a.onhandEffect) ||
    a.locationEffect === 'update' ||
    a.containedEffect !== 'notApplicable' ||
    a.stageEffect === 'update' ||
    a.stateEffect === 'update'
  );
}

/**
 * Whether the action changes its to-resource (the receiver's side, `toResourceInventoriedAs`): a
 * quantity given into it, its location, rights or state, or the container it puts the resource in.
 */
export function changesToResource(a: ActionDefinition): boolean {
  const quantity = (e: string) => e === 'incrementTo' || e === 'decrementIncrement';
  return (
    quantity(a.accountingEffect) ||
    quantity(a.onhandEffect) ||
    a.locationEffect === 'updateTo' ||
    a.accountableEffect === 'updateTo' ||
    a.stateEffect === 'updateTo' ||
    a.containedEffect === 'update'
  );
}

/**
 * The side that answers for events of an action.
 *
 * @param action - an action identifier or definition.
 * @returns `provider` when something leaves the provider (or it is an input it provides), else `receiver`.
 * @example
 * ```ts
 * answeringSide('transfer'); // 'provider'
 * answeringSide('raise'); // 'receiver'
 * ```
 */
export function answeringSide(action: ActionId | ActionDefinition): EventSide {
  const a = typeof action === 'string' ? ACTIONS[action] : action;
  return takesRights(a) || takesCustody(a) || a.inputOutput === 'input' ? 'provider' : 'receiver';
}

/**
 * The agent who answers for an event: its provider or its receiver, by {@link answeringSide}.
 *
 * @param event - an economic event.
 * @returns the agent's identifier.
 * @example
 * ```ts
 * answeringAgent({ id: 'e', action: 'transfer', provider: 'group:a', receiver: 'group:b' }); // 'group:a'
 * ```
 */
export function answeringAgent(event: Pick<EconomicEvent, 'action' | 'provider' | 'receiver'>): string {
  return answeringSide(event.action) === 'provider' ? event.provider : event.receiver;
}
