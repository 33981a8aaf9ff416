/**
 * The field resolvers of the object types of the API: every field of the vf-graphql 0.8.5
 * types of the implemented modules (and of the ValueFlows 1.0 additions) that is not a plain
 * property of the stored record.
 *
 * @module
 */
import type { ActionDefinition } from '../actions/action-definition';
import { ACTIONS, getAction, isActionId } from '../actions/action-table';
import { remainingQuantity } from '../exchange/remaining-quantity';
import type { Agent } from '../model/agent';
import type { Agreement } from '../model/agreement';
import type { Commitment } from '../model/commitment';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { PlannedFlow } from '../model/flow';
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';
import type { Process } from '../model/process';
import type { Proposal } from '../model/proposal';
import type { SpatialThing } from '../model/spatial-thing';
import { type FlowItem, nextProcesses, previousProcesses, trace, track } from '../provenance/track-trace';
import * as commitments from './commitment-mutations';
import * as intents from './intent-mutations';
import { processUser } from './observation-mutations';
import * as proposals from './proposal-mutations';
import { type SearchParams, searchFilter } from './search-filters';
import type { AgentRelationship, Fulfillment, Satisfaction } from './store-records';
import type { StoreView } from './store-view';
import type { Place, VfStore } from './vf-store';

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
function stateRecord(state: string) {
  if (isActionId(state)) return actionRecord(ACTIONS[state]);
  return {
    id: state,
    label: state,
    resourceEffect: 'noEffect',
    onhandEffect: 'noEffect',
    stateEffect: 'update',
  };
}

type ActionArg = { action?: string | null };
const withAction = (args: ActionArg) => (f: { action: string }) =>
  args.action == null || f.action === getAction(args.action).id;

/**
 * Builds the resolvers of the object, interface and union types.
 *
 * @param store - the records
 * @param view - read helpers over them
 * @returns resolvers in the graphql-tools format
 */
export function createTypeResolvers(store: VfStore, view: StoreView) {
  const agents = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => view.agent(id)!);
  const atPlace = (place: Place) => (p: SpatialThing | undefined) => p?.id === place.id;
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

  // The fields events, commitments and intents share.
  const flowFields = {
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

  const relationshipsOf = (a: Agent, side: 'subject' | 'object' | 'either', roleId?: string | null) =>
    [...store.agentRelationships.values()].filter(
      (r) =>
        (side === 'either' ? r.subject === a.id || r.object === a.id : r[side] === a.id) &&
        (roleId == null || r.relationship === roleId),
    );
  const roleRecord = (id: string) => store.agentRelationshipRoles.get(id) ?? { id, roleLabel: id };

  // What an agent is in, did, holds, promised and published (the agent.* bridging fields of vf-graphql).
  const agentFields = {
    primaryLocation: (a: Agent) => view.place(a.primaryLocation),
    relationships: (a: Agent, { roleId }: { roleId?: string | null }) => relationshipsOf(a, 'either', roleId),
    relationshipsAsSubject: (a: Agent, { roleId }: { roleId?: string | null }) =>
      relationshipsOf(a, 'subject', roleId),
    relationshipsAsObject: (a: Agent, { roleId }: { roleId?: string | null }) =>
      relationshipsOf(a, 'object', roleId),
    roles: (a: Agent) =>
      [...new Set(relationshipsOf(a, 'either').map((r) => r.relationship))].map(roleRecord),
    economicEvents: (a: Agent, { filter }: { filter?: SearchParams | null }) => {
      const keep = searchFilter(filter, 'filter');
      return view.events().filter((e) => (e.provider === a.id || e.receiver === a.id) && keep(e));
    },
    inventoriedEconomicResources: (a: Agent, { filter }: { filter?: SearchParams | null }) => {
      const keep = searchFilter(filter, 'filter');
      return [...store.ledger.resources.values()].filter((r) => r.primaryAccountable === a.id && keep(r));
    },
    commitments: (a: Agent, { filter }: { filter?: SearchParams | null }) => {
      const keep = searchFilter(filter, 'filter');
      return [...store.commitments.values()].filter(
        (c) => (c.provider === a.id || c.receiver === a.id) && keep(c),
      );
    },
    intents: (a: Agent, { filter }: { filter?: SearchParams | null }) => {
      const keep = searchFilter(filter, 'filter');
      return view.intents().filter((i) => (i.provider === a.id || i.receiver === a.id) && keep(i));
    },
    proposals: (a: Agent, { filter }: { filter?: SearchParams | null }) => {
      const keep = searchFilter(filter, 'filter');
      return [...store.proposals.values()].filter((p) => p.proposer === a.id && keep(p));
    },
  };

  const processFlows = <T extends { action: string; inputOf?: string; outputOf?: string }>(
    list: T[],
    p: Process,
    side: 'inputOf' | 'outputOf',
    args: ActionArg,
  ) => list.filter((f) => f[side] === p.id && withAction(args)(f));
  const fulfilledEvents = () => new Set(view.fulfillments().map((f) => f.fulfilledBy));

  return {
    Agent: { __resolveType: (a: Agent) => (a.type === 'Person' ? 'Person' : 'Organization') },
    AccountingScope: { __resolveType: (a: Agent) => (a.type === 'Person' ? 'Person' : 'Organization') },
    ProductionFlowItem: {
      __resolveType: (x: EconomicResource | Process) =>
        'accountingQuantity' in x ? 'EconomicResource' : 'Process',
    },
    EventOrCommitment: {
      __resolveType: (x: EconomicEvent | Commitment) =>
        store.ledger.events.get(x.id)?.event === x ? 'EconomicEvent' : 'Commitment',
    },
    Organization: agentFields,
    Person: agentFields,
    AgentRelationship: {
      subject: (r: AgentRelationship) => view.agent(r.subject),
      object: (r: AgentRelationship) => view.agent(r.object),
      relationship: (r: AgentRelationship) => roleRecord(r.relationship),
      inScopeOf: (r: AgentRelationship) => agents(r.inScopeOf),
    },
    SpatialThing: {
      agents: (p: Place) => [...store.agents.values()].filter((a) => atPlace(p)(a.primaryLocation)),
      economicResources: (p: Place) =>
        [...store.ledger.resources.values()].filter((r) => atPlace(p)(r.currentLocation)),
      economicEvents: (p: Place) =>
        view.events().filter((e) => atPlace(p)(e.atLocation) || atPlace(p)(e.toLocation)),
      commitments: (p: Place) => [...store.commitments.values()].filter((c) => atPlace(p)(c.atLocation)),
      intents: (p: Place) => view.intents().filter((i) => atPlace(p)(i.atLocation)),
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
    Intent: {
      ...flowFields,
      availableQuantity: (i: Intent) => view.measure(i.availableQuantity),
      minimumQuantity: (i: Intent) => view.measure(i.minimumQuantity),
      remainingQuantity: (i: Intent) => {
        const p = view.proposalOf(i);
        return view.measure(
          p ? remainingQuantity(p, i) : (i.availableQuantity ?? i.resourceQuantity ?? i.effortQuantity),
        );
      },
      publishedIn: (i: Intent) => {
        const p = view.proposalOf(i);
        return p
          ? [
              {
                id: proposals.proposedIntentId(p, i),
                reciprocal: p.reciprocal.some((x) => x.id === i.id),
                publishes: i,
                publishedIn: p,
              },
            ]
          : [];
      },
      satisfiedBy: (i: Intent) => view.satisfactions().filter((s) => s.satisfies === i.id),
      deletable: (i: Intent) => intents.isIntentDeletable(store, i.id),
    },
    Commitment: {
      ...flowFields,
      clauseOf: (c: Commitment) => view.agreement(c.clauseOf),
      reciprocalClauseOf: (c: Commitment) => view.agreement(c.reciprocalClauseOf),
      involvedAgents: (c: Commitment) => [view.agent(c.provider), view.agent(c.receiver)],
      fulfilledBy: (c: Commitment) => view.fulfillments().filter((f) => f.fulfills === c.id),
      satisfies: (c: Commitment) => view.satisfactions().filter((s) => s.satisfiedBy === c.id),
      deletable: (c: Commitment) => commitments.isCommitmentDeletable(store, c.id),
    },
    Fulfillment: {
      fulfilledBy: (f: Fulfillment) => view.event(f.fulfilledBy),
      fulfills: (f: Fulfillment) => view.commitment(f.fulfills),
      resourceQuantity: (f: Fulfillment) => view.measure(f.resourceQuantity),
      effortQuantity: (f: Fulfillment) => view.measure(f.effortQuantity),
    },
    Satisfaction: {
      satisfies: (s: Satisfaction) => view.intent(s.satisfies),
      satisfiedBy: (s: Satisfaction) => view.event(s.satisfiedBy) ?? view.commitment(s.satisfiedBy),
      resourceQuantity: (s: Satisfaction) => view.measure(s.resourceQuantity),
      effortQuantity: (s: Satisfaction) => view.measure(s.effortQuantity),
    },
    Agreement: {
      commitments: (a: Agreement) =>
        [...a.stipulates, ...a.stipulatesReciprocal]
          .map((id) => store.commitments.get(id))
          .filter((c) => c !== undefined),
      economicEvents: (a: Agreement) =>
        view.events().filter((e) => e.realizationOf === a.id || e.reciprocalRealizationOf === a.id),
      involvedAgents: (a: Agreement) => {
        const ids = new Set<string>();
        for (const id of [...a.stipulates, ...a.stipulatesReciprocal]) {
          const c = store.commitments.get(id);
          if (c) ids.add(c.provider).add(c.receiver);
        }
        return agents([...ids]);
      },
    },
    Proposal: {
      publishes: (p: Proposal) => [
        ...p.publishes.map((i) => ({
          id: proposals.proposedIntentId(p, i),
          reciprocal: false,
          publishes: i,
          publishedIn: p,
        })),
        ...p.reciprocal.map((i) => ({
          id: proposals.proposedIntentId(p, i),
          reciprocal: true,
          publishes: i,
          publishedIn: p,
        })),
      ],
      primaryIntents: (p: Proposal) => p.publishes,
      reciprocalIntents: (p: Proposal) => p.reciprocal,
      proposer: (p: Proposal) => view.agent(p.proposer),
      proposedTo: (p: Proposal) => agents(p.proposedTo),
      publishedTo: (p: Proposal) =>
        (p.proposedTo ?? []).map((a) => ({ id: proposals.proposedToId(p, a), proposedTo: a, proposed: p })),
      eligibleLocation: (p: Proposal) => view.place(p.eligibleLocation),
      inScopeOf: (p: Proposal) => agents(p.inScopeOf),
    },
    ProposedTo: {
      proposedTo: (t: proposals.ProposedToRecord) => view.agent(t.proposedTo),
    },
  };
}
