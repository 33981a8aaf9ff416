/**
 * What the field resolvers of several types share: the agents named by a list of ids, the fields
 * events, commitments and intents have in common, and the action filter of a process's flows.
 *
 * @module
 */
import { getAction } from '../actions/action-table';
import type { PlannedFlow } from '../model/flow';
import type { Measure } from '../model/measure';
import type { SpatialThing } from '../model/spatial-thing';
import { actionRecord } from './action-records';
import type { StoreView } from './store-view';

/**
 * The agents named by a list of identifiers.
 *
 * @param view - read helpers over the store
 * @returns a function from identifiers to agents
 */
export function agentsById(view: StoreView) {
  return (ids: readonly string[] | undefined) => (ids ?? []).map((id) => view.agent(id)!);
}

/**
 * The fields events, commitments and intents share.
 *
 * @param view - read helpers over the store
 * @returns their resolvers
 */
export function createFlowFields(view: StoreView) {
  const agents = agentsById(view);
  return {
    action: (f: { action: string }) => actionRecord(getAction(f.action)),
    provider: (f: { provider?: string }) => view.agent(f.provider),
    receiver: (f: { receiver?: string }) => view.agent(f.receiver),
    resourceInventoriedAs: (f: PlannedFlow) => view.resource(f.resourceInventoriedAs),
    resourceConformsTo: (f: { resourceConformsTo?: string }) =>
      view.resourceSpecification(f.resourceConformsTo),
    resourceQuantity: (f: { resourceQuantity?: Measure }) => view.measure(f.resourceQuantity),
    effortQuantity: (f: { effortQuantity?: Measure }) => view.measure(f.effortQuantity),
    atLocation: (f: { atLocation?: SpatialThing }) => view.place(f.atLocation),
    inputOf: (f: { inputOf?: string }) => view.process(f.inputOf),
    outputOf: (f: { outputOf?: string }) => view.process(f.outputOf),
    inScopeOf: (f: { inScopeOf?: readonly string[] }) => agents(f.inScopeOf),
  };
}

/** The `action` argument of a process's flow fields. */
export type ActionArg = { action?: string | null };
/** Whether a flow has the action the argument asks for (any when absent). */
export const withAction = (args: ActionArg) => (f: { action: string }) =>
  args.action == null || f.action === getAction(args.action).id;
