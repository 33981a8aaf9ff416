/**
 * Actions as the API serves them: the ValueFlows 1.0 action definition with the vf-graphql 0.8
 * field names beside the 1.0 ones.
 *
 * @module
 */
import type { ActionDefinition } from '../actions/action-definition';
import { ACTIONS, isActionId } from '../actions/action-table';

/** vf-graphql 0.8 spelled "no effect" where ValueFlows 1.0 says notApplicable. */
const effect08 = (e: string) => (e === 'notApplicable' ? 'noEffect' : e);

/** An action as the API serves it (0.8 and 1.0 field names). */
export function actionRecord(a: ActionDefinition) {
  return {
    id: a.id,
    label: a.label,
    resourceEffect: effect08(a.accountingEffect),
    onhandEffect: effect08(a.onhandEffect),
    inputOutput: a.inputOutput,
    pairsWith: a.pairsWith,
    accountingEffect: a.accountingEffect,
    locationEffect: a.locationEffect,
    containedEffect: a.containedEffect,
    accountableEffect: a.accountableEffect,
    stageEffect: a.stageEffect,
    stateEffect: a.stateEffect,
    createResource: a.createResource,
    eventQuantity: a.eventQuantity,
  };
}

/**
 * vf-graphql 0.8 types a resource's state as an `Action` (the `pass` and `fail` of earlier
 * ValueFlows); a state that is no action is served as an action of that name with no effect.
 */
export function stateRecord(state: string) {
  if (isActionId(state)) return actionRecord(ACTIONS[state]);
  return {
    id: state,
    label: state,
    resourceEffect: 'noEffect',
    onhandEffect: 'noEffect',
    stateEffect: 'update',
  };
}
