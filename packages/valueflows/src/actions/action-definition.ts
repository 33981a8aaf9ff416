/**
 * The shape of a ValueFlows 1.0 action (`vf:Action` individuals of all_vf.TTL and their
 * `vf:inputOutput`, `vf:pairsWith`, `vf:createResource`, `vf:eventQuantity`, `vf:*Effect`).
 *
 * @module
 */

/** The nineteen ValueFlows 1.0 action identifiers. */
export type ActionId =
  | 'accept'
  | 'cite'
  | 'combine'
  | 'consume'
  | 'copy'
  | 'deliverService'
  | 'dropoff'
  | 'lower'
  | 'modify'
  | 'move'
  | 'pickup'
  | 'produce'
  | 'raise'
  | 'separate'
  | 'transfer'
  | 'transferAllRights'
  | 'transferCustody'
  | 'use'
  | 'work';

/** `vf:InputOutput`. */
export type InputOutput = 'input' | 'output' | 'outputInput' | 'notApplicable';
/** `vf:CreateResource`: whether the event may create its resource (`optional`) or to-resource (`optionalTo`). */
export type CreateResource = 'optional' | 'optionalTo' | 'notApplicable';
/** `vf:EventQuantity`: which quantity the event carries. */
export type EventQuantity = 'resource' | 'effort' | 'both';
/** Effect on the accounting or onhand quantity. */
export type QuantityEffect =
  | 'increment'
  | 'decrement'
  | 'incrementTo'
  | 'decrementIncrement'
  | 'notApplicable';
/** Effect on current location. */
export type LocationEffect = 'update' | 'updateTo' | 'new' | 'notApplicable';
/** Effect on containment. */
export type ContainedEffect = 'update' | 'remove' | 'notApplicable';
/** Effect on the primary accountable agent. */
export type AccountableEffect = 'updateTo' | 'new' | 'notApplicable';
/** Effect on stage. */
export type StageEffect = 'update' | 'notApplicable';
/** Effect on state. */
export type StateEffect = 'update' | 'updateTo' | 'notApplicable';

/** One action with all its properties, as the ValueFlows 1.0 ontology states them. */
export interface ActionDefinition {
  readonly id: ActionId;
  readonly label: string;
  readonly comment: string;
  readonly termStatus: string;
  readonly inputOutput: InputOutput;
  /** The action usually paired with this one on the same resource, or `notApplicable`. */
  readonly pairsWith: ActionId | 'notApplicable';
  readonly createResource: CreateResource;
  readonly eventQuantity: EventQuantity;
  readonly accountingEffect: QuantityEffect;
  readonly onhandEffect: QuantityEffect;
  readonly locationEffect: LocationEffect;
  readonly containedEffect: ContainedEffect;
  readonly accountableEffect: AccountableEffect;
  readonly stageEffect: StageEffect;
  readonly stateEffect: StateEffect;
}
