/**
 * The field resolvers of what the ledger observes: resource specifications, resources, events,
 * processes, and their tracking and tracing.
 *
 * @module
 */
import { getAction } from '../actions/action-table';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { Process } from '../model/process';
import { type FlowItem, nextProcesses, previousProcesses, trace, track } from '../provenance/track-trace';
import { stateRecord } from './action-records';
import { type ActionArg, agentsById, createFlowFields, withAction } from './flow-fields';
import { processUser } from './observation-mutations';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

/**
 * Builds the resolvers of `ResourceSpecification`, `EconomicResource`, `EconomicEvent`,
 * `Process` and `ProductionFlowItem`.
 *
 * @param store - the records
 * @param view - read helpers over them
 * @returns resolvers in the graphql-tools format
 */
export function createObservationTypeResolvers(store: VfStore, view: StoreView) {
  const agents = agentsById(view);
  const flowFields = createFlowFields(view);
  const flowItems = (items: FlowItem[], start: string, kinds: readonly FlowItem['kind'][]) =>
    items
      .filter((i) => kinds.includes(i.kind) && i.id !== start)
      .map((i) =>
        i.kind === 'EconomicEvent'
          ? view.event(i.id)
          : i.kind === 'Process'
            ? view.process(i.id)
            : view.resource(i.id),
      )
      .filter((x) => x !== null);
  const fromResource = (e: EconomicEvent) =>
    e.resourceInventoriedAs ??
    (getAction(e.action).createResource === 'optional' ? e.newInventoriedResource?.id : undefined);
  const toResource = (e: EconomicEvent) =>
    e.toResourceInventoriedAs ??
    (getAction(e.action).createResource === 'optionalTo' ? e.newInventoriedResource?.id : undefined);

  const processFlows = <T extends { action: string; inputOf?: string; outputOf?: string }>(
    list: T[],
    p: Process,
    side: 'inputOf' | 'outputOf',
    args: ActionArg,
  ) => list.filter((f) => f[side] === p.id && withAction(args)(f));
  const fulfilledEvents = () => new Set(view.fulfillments().map((f) => f.fulfilledBy));

  return {
    ProductionFlowItem: {
      __resolveType: (x: EconomicResource | Process) =>
        'accountingQuantity' in x ? 'EconomicResource' : 'Process',
    },
    ResourceSpecification: {
      defaultUnitOfResource: (s: { defaultUnitOfResource?: string }) =>
        s.defaultUnitOfResource ? view.unit(s.defaultUnitOfResource) : null,
      defaultUnitOfEffort: (s: { defaultUnitOfEffort?: string }) =>
        s.defaultUnitOfEffort ? view.unit(s.defaultUnitOfEffort) : null,
      conformingResources: (s: { id: string }) =>
        [...store.ledger.resources.values()].filter((r) => r.conformsTo === s.id),
    },
    EconomicResource: {
      conformsTo: (r: EconomicResource) =>
        view.resourceSpecification(r.conformsTo) ?? { id: 'unspecified', name: 'unspecified' },
      accountingQuantity: (r: EconomicResource) => view.measure(r.accountingQuantity),
      onhandQuantity: (r: EconomicResource) => view.measure(r.onhandQuantity),
      primaryAccountable: (r: EconomicResource) => view.agent(r.primaryAccountable),
      custodian: (r: EconomicResource) => view.agent(r.custodian),
      containedIn: (r: EconomicResource) => view.resource(r.containedIn),
      contains: (r: EconomicResource) =>
        [...store.ledger.resources.values()].filter((x) => x.containedIn === r.id),
      currentLocation: (r: EconomicResource) => view.place(r.currentLocation),
      stage: (r: EconomicResource) => view.processSpecification(r.stage),
      state: (r: EconomicResource) => (r.state === undefined ? null : stateRecord(r.state)),
      stateLabel: (r: EconomicResource) => r.state ?? null,
      unitOfEffort: (r: EconomicResource) => (r.unitOfEffort ? view.unit(r.unitOfEffort) : null),
      lot: (r: EconomicResource) =>
        r.ofBatchLot === undefined
          ? null
          : (store.productBatches.get(r.ofBatchLot) ?? { id: r.ofBatchLot, batchNumber: r.ofBatchLot }),
      track: (r: EconomicResource) =>
        flowItems(track(store.ledger, { kind: 'EconomicResource', id: r.id }), r.id, ['EconomicEvent']),
      trace: (r: EconomicResource) =>
        flowItems(trace(store.ledger, { kind: 'EconomicResource', id: r.id }), r.id, ['EconomicEvent']),
    },
    EconomicEvent: {
      ...flowFields,
      resourceInventoriedAs: (e: EconomicEvent) => view.resource(fromResource(e)),
      toResourceInventoriedAs: (e: EconomicEvent) => view.resource(toResource(e)),
      toLocation: (e: EconomicEvent) => view.place(e.toLocation),
      corrects: (e: EconomicEvent) => view.event(e.corrects),
      triggeredBy: (e: EconomicEvent) => view.event(e.triggeredBy),
      realizationOf: (e: EconomicEvent) => view.agreement(e.realizationOf),
      reciprocalRealizationOf: (e: EconomicEvent) => view.agreement(e.reciprocalRealizationOf),
      fulfills: (e: EconomicEvent) => view.fulfillments().filter((f) => f.fulfilledBy === e.id),
      satisfies: (e: EconomicEvent) => view.satisfactions().filter((s) => s.satisfiedBy === e.id),
      // The ledger is append-only (see observation-mutations): no event can be deleted.
      deletable: () => false,
      track: (e: EconomicEvent) =>
        flowItems(track(store.ledger, { kind: 'EconomicEvent', id: e.id }), e.id, [
          'Process',
          'EconomicResource',
        ]),
      trace: (e: EconomicEvent) =>
        flowItems(trace(store.ledger, { kind: 'EconomicEvent', id: e.id }), e.id, [
          'Process',
          'EconomicResource',
        ]),
    },
    Process: {
      basedOn: (p: Process) => view.processSpecification(p.basedOn),
      inScopeOf: (p: Process) => agents(p.inScopeOf),
      inputs: (p: Process, args: ActionArg) => processFlows(view.events(), p, 'inputOf', args),
      outputs: (p: Process, args: ActionArg) => processFlows(view.events(), p, 'outputOf', args),
      unplannedEconomicEvents: (p: Process, args: ActionArg) => {
        const planned = fulfilledEvents();
        return [
          ...processFlows(view.events(), p, 'inputOf', args),
          ...processFlows(view.events(), p, 'outputOf', args),
        ].filter((e) => !planned.has(e.id));
      },
      nextProcesses: (p: Process) => nextProcesses(store.ledger, p.id).map((id) => view.process(id)),
      previousProcesses: (p: Process) => previousProcesses(store.ledger, p.id).map((id) => view.process(id)),
      track: (p: Process) =>
        flowItems(track(store.ledger, { kind: 'Process', id: p.id }), p.id, ['EconomicEvent']),
      trace: (p: Process) =>
        flowItems(trace(store.ledger, { kind: 'Process', id: p.id }), p.id, ['EconomicEvent']),
      deletable: (p: Process) => processUser(store, view, p.id) === undefined,
      workingAgents: (p: Process) =>
        agents([
          ...new Set(
            view
              .events()
              .filter((e) => e.inputOf === p.id && e.action === 'work')
              .map((e) => e.provider),
          ),
        ]),
      committedInputs: (p: Process, args: ActionArg) =>
        processFlows([...store.commitments.values()], p, 'inputOf', args),
      committedOutputs: (p: Process, args: ActionArg) =>
        processFlows([...store.commitments.values()], p, 'outputOf', args),
      intendedInputs: (p: Process, args: ActionArg) => processFlows(view.intents(), p, 'inputOf', args),
      intendedOutputs: (p: Process, args: ActionArg) => processFlows(view.intents(), p, 'outputOf', args),
    },
  };
}
