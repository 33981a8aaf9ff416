/**
 * Resolvers of the ValueFlows GraphQL API, backed by a {@link VfStore} (and so by the ledger):
 * the root queries and mutations of the implemented vf-graphql 0.8.5 modules; the fields of
 * the types are in `type-resolvers`.
 *
 * @module
 */
import { GraphQLError } from 'graphql';
import { ACTION_IDS, ACTIONS, isActionId, normalizeActionId } from '../actions/action-table';
import { ValueflowsError } from '../errors/valueflows-error';
import { getUnit, listUnits } from '../measures/om2-units';
import type { EconomicEvent } from '../model/economic-event';
import * as agents from './agent-mutations';
import * as agreements from './agreement-mutations';
import * as fulfilment from './fulfilment-mutations';
import * as geolocation from './geolocation-mutations';
import * as knowledge from './knowledge-mutations';
import * as measurement from './measurement-mutations';
import * as observation from './observation-mutations';
import * as planning from './planning-mutations';
import type { Input } from './store-input';
import { createStoreView } from './store-view';
import { actionRecord, createTypeResolvers } from './type-resolvers';
import type { VfStore } from './vf-store';

type Page = { start?: string | null; limit?: number | null };

function page<T extends { id: string }>(items: Iterable<T>, { start, limit }: Page): T[] {
  let list = [...items];
  if (start) {
    const i = list.findIndex((x) => x.id === start);
    list = i < 0 ? [] : list.slice(i + 1);
  }
  return limit == null ? list : list.slice(0, Math.max(0, limit));
}

function safeAction(id: string) {
  try {
    return actionRecord(ACTIONS[normalizeActionId(id)]);
  } catch {
    return null;
  }
}

/**
 * Runs a store operation, turning the package's typed errors into GraphQL errors whose
 * `extensions` carry the `code` and, where the error has them, the `inputPath` of the bad input,
 * the `rule` broken and the missing record's `recordType` and `id`.
 */
function typed<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (!ValueflowsError.isInstance(error)) throw error;
    const details = error as ValueflowsError & Record<string, unknown>;
    const extensions: Record<string, unknown> = { code: error.code };
    // `path` is GraphQL's own word for the response field, so the input's is `inputPath`.
    if (typeof details.path === 'string') extensions.inputPath = details.path;
    for (const key of ['rule', 'recordType', 'id'] as const) {
      if (typeof details[key] === 'string') extensions[key] = details[key];
    }
    throw new GraphQLError(error.message, { extensions });
  }
}

/** Every field resolver runs inside {@link typed}, so a typed error of a field reaches the client with its code. */
function withTypedErrors<R extends Record<string, Record<string, unknown>>>(resolvers: R): R {
  for (const fields of Object.values(resolvers)) {
    for (const [name, resolve] of Object.entries(fields)) {
      if (typeof resolve !== 'function' || name.startsWith('__')) continue;
      fields[name] = (...args: unknown[]) => typed(() => (resolve as (...a: unknown[]) => unknown)(...args));
    }
  }
  return resolvers;
}

interface EventFilter {
  providerId?: string | null;
  receiverId?: string | null;
  resourceClassifiedAs?: string[] | null;
  action?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

function matchesFilter(e: EconomicEvent, f: EventFilter): boolean {
  if (f.providerId && e.provider !== f.providerId) return false;
  if (f.receiverId && e.receiver !== f.receiverId) return false;
  if (f.action && e.action !== safeAction(f.action)?.id) return false;
  if (
    f.resourceClassifiedAs?.length &&
    !f.resourceClassifiedAs.some((c) => e.resourceClassifiedAs?.includes(c))
  ) {
    return false;
  }
  const at = Date.parse(e.hasPointInTime ?? e.hasBeginning ?? e.hasEnd ?? '');
  if (f.startDate && !(at >= Date.parse(f.startDate))) return false;
  if (f.endDate && !(at <= Date.parse(f.endDate))) return false;
  return true;
}

/**
 * Builds the resolver map for {@link createVfSchema}.
 *
 * @param store - the records to serve
 * @returns resolvers in the graphql-tools format
 */
export function createResolvers(store: VfStore) {
  const view = createStoreView(store);
  const byId =
    <T>(map: ReadonlyMap<string, T>) =>
    (_: unknown, { id }: { id: string }) =>
      map.get(id) ?? null;
  const agentOfType =
    (type: string) =>
    (_: unknown, { id }: { id: string }) =>
      store.agents.get(id)?.type === type ? store.agents.get(id) : null;
  const agentsOfType = (type: string) => (_: unknown, args: Page) =>
    page(
      [...store.agents.values()].filter((a) => a.type === type),
      args,
    );
  const listing =
    <T extends { id: string }>(items: () => Iterable<T>) =>
    (_: unknown, args: Page) =>
      page(items(), args);

  const Query = {
    myAgent: () => (store.myAgent === undefined ? null : (store.agents.get(store.myAgent) ?? null)),
    agent: byId(store.agents),
    agents: listing(() => store.agents.values()),
    organization: agentOfType('Organization'),
    organizations: agentsOfType('Organization'),
    person: agentOfType('Person'),
    people: agentsOfType('Person'),
    agentRelationship: byId(store.agentRelationships),
    agentRelationships: listing(() => store.agentRelationships.values()),
    agentRelationshipRole: byId(store.agentRelationshipRoles),
    agentRelationshipRoles: listing(() => store.agentRelationshipRoles.values()),
    agreement: byId(store.agreements),
    agreements: listing(() => store.agreements.values()),
    spatialThing: (_: unknown, { id }: { id: string }) => view.places().find((p) => p.id === id) ?? null,
    spatialThings: listing(view.places),
    action: (_: unknown, { id }: { id: string }) =>
      isActionId(id) || id.includes('-') ? safeAction(id) : null,
    actions: () => ACTION_IDS.map((id) => actionRecord(ACTIONS[id])),
    resourceSpecification: byId(store.resourceSpecifications),
    resourceSpecifications: listing(() => store.resourceSpecifications.values()),
    processSpecification: byId(store.processSpecifications),
    processSpecifications: listing(() => store.processSpecifications.values()),
    unit: (_: unknown, { id }: { id: string }) => (store.units.has(id) || getUnit(id) ? view.unit(id) : null),
    units: listing(() => [...listUnits().map((u) => view.unit(u.id)), ...store.units.values()]),
    economicEvent: (_: unknown, { id }: { id: string }) => view.event(id),
    economicEvents: listing(view.events),
    economicEventsFiltered: (_: unknown, f: EventFilter) => view.events().filter((e) => matchesFilter(e, f)),
    economicResource: (_: unknown, { id }: { id: string }) => view.resource(id),
    economicResources: listing(() => store.ledger.resources.values()),
    productBatch: byId(store.productBatches),
    productBatches: listing(() => store.productBatches.values()),
    process: (_: unknown, { id }: { id: string }) => store.ledger.processes.get(id) ?? null,
    processes: listing(() => store.ledger.processes.values()),
    commitment: byId(store.commitments),
    commitments: listing(() => store.commitments.values()),
    intent: (_: unknown, { id }: { id: string }) => view.intent(id),
    intents: listing(view.intents),
    fulfillment: (_: unknown, { id }: { id: string }) => view.fulfillments().find((f) => f.id === id) ?? null,
    fulfillments: listing(view.fulfillments),
    satisfaction: (_: unknown, { id }: { id: string }) =>
      view.satisfactions().find((s) => s.id === id) ?? null,
    satisfactions: listing(view.satisfactions),
    proposal: byId(store.proposals),
    proposals: listing(() => store.proposals.values()),
  };

  type Id = { id: string };
  const Mutation = {
    createPerson: (_: unknown, { person }: { person: Input }) => agents.createAgent(store, 'Person', person),
    updatePerson: (_: unknown, { person }: { person: Input }) => agents.updateAgent(store, 'Person', person),
    deletePerson: (_: unknown, { id }: Id) => agents.deleteAgent(store, 'Person', id),
    createOrganization: (_: unknown, { organization }: { organization: Input }) =>
      agents.createAgent(store, 'Organization', organization),
    updateOrganization: (_: unknown, { organization }: { organization: Input }) =>
      agents.updateAgent(store, 'Organization', organization),
    deleteOrganization: (_: unknown, { id }: Id) => agents.deleteAgent(store, 'Organization', id),
    createAgentRelationship: (_: unknown, { relationship }: { relationship: Input }) =>
      agents.createAgentRelationship(store, relationship),
    updateAgentRelationship: (_: unknown, { relationship }: { relationship: Input }) =>
      agents.updateAgentRelationship(store, relationship),
    deleteAgentRelationship: (_: unknown, { id }: Id) => agents.deleteAgentRelationship(store, id),
    createAgentRelationshipRole: (_: unknown, { agentRelationshipRole }: { agentRelationshipRole: Input }) =>
      agents.createAgentRelationshipRole(store, agentRelationshipRole),
    updateAgentRelationshipRole: (_: unknown, { agentRelationshipRole }: { agentRelationshipRole: Input }) =>
      agents.updateAgentRelationshipRole(store, agentRelationshipRole),
    deleteAgentRelationshipRole: (_: unknown, { id }: Id) => agents.deleteAgentRelationshipRole(store, id),
    createAgreement: (_: unknown, { agreement }: { agreement: Input }) =>
      agreements.createAgreement(store, agreement),
    updateAgreement: (_: unknown, { agreement }: { agreement: Input }) =>
      agreements.updateAgreement(store, agreement),
    deleteAgreement: (_: unknown, { id }: Id) => agreements.deleteAgreement(store, view, id),
    createSpatialThing: (_: unknown, { spatialThing }: { spatialThing: Input }) =>
      geolocation.createSpatialThing(store, spatialThing),
    updateSpatialThing: (_: unknown, { spatialThing }: { spatialThing: Input }) =>
      geolocation.updateSpatialThing(store, spatialThing),
    deleteSpatialThing: (_: unknown, { id }: Id) => geolocation.deleteSpatialThing(store, view, id),
    createResourceSpecification: (_: unknown, { resourceSpecification }: { resourceSpecification: Input }) =>
      knowledge.createResourceSpecification(store, resourceSpecification),
    updateResourceSpecification: (_: unknown, { resourceSpecification }: { resourceSpecification: Input }) =>
      knowledge.updateResourceSpecification(store, resourceSpecification),
    deleteResourceSpecification: (_: unknown, { id }: Id) =>
      knowledge.deleteResourceSpecification(store, view, id),
    createProcessSpecification: (_: unknown, { processSpecification }: { processSpecification: Input }) =>
      knowledge.createProcessSpecification(store, processSpecification),
    updateProcessSpecification: (_: unknown, { processSpecification }: { processSpecification: Input }) =>
      knowledge.updateProcessSpecification(store, processSpecification),
    deleteProcessSpecification: (_: unknown, { id }: Id) => knowledge.deleteProcessSpecification(store, id),
    createUnit: (_: unknown, { unit }: { unit: Input }) => measurement.createUnit(store, unit),
    updateUnit: (_: unknown, { unit }: { unit: Input }) => measurement.updateUnit(store, unit),
    deleteUnit: (_: unknown, { id }: Id) => measurement.deleteUnit(store, view, id),
    createEconomicEvent: (_: unknown, args: { event: Input; newInventoriedResource?: Input | null }) =>
      observation.createEconomicEvent(store, args),
    updateEconomicEvent: (_: unknown, { event }: { event: Input }) =>
      observation.updateEconomicEvent(store, event),
    deleteEconomicEvent: (_: unknown, { id }: Id) => observation.deleteEconomicEvent(store, id),
    updateEconomicResource: (_: unknown, { resource }: { resource: Input }) =>
      observation.updateEconomicResource(store, resource),
    deleteEconomicResource: (_: unknown, { id }: Id) => observation.deleteEconomicResource(store, view, id),
    createProductBatch: (_: unknown, { productBatch }: { productBatch: Input }) =>
      observation.createProductBatch(store, productBatch),
    updateProductBatch: (_: unknown, { productBatch }: { productBatch: Input }) =>
      observation.updateProductBatch(store, productBatch),
    deleteProductBatch: (_: unknown, { id }: Id) => observation.deleteProductBatch(store, view, id),
    createProcess: (_: unknown, { process }: { process: Input }) => observation.createProcess(store, process),
    updateProcess: (_: unknown, { process }: { process: Input }) => observation.updateProcess(store, process),
    deleteProcess: (_: unknown, { id }: Id) => observation.deleteProcess(store, view, id),
    createCommitment: (_: unknown, { commitment }: { commitment: Input }) =>
      planning.createCommitment(store, commitment),
    updateCommitment: (_: unknown, { commitment }: { commitment: Input }) =>
      planning.updateCommitment(store, commitment),
    deleteCommitment: (_: unknown, { id }: Id) => planning.deleteCommitment(store, id),
    createIntent: (_: unknown, { intent }: { intent: Input }) => planning.createIntent(store, intent),
    updateIntent: (_: unknown, { intent }: { intent: Input }) => planning.updateIntent(store, intent),
    deleteIntent: (_: unknown, { id }: Id) => planning.deleteIntent(store, id),
    createFulfillment: (_: unknown, { fulfillment }: { fulfillment: Input }) =>
      fulfilment.createFulfillment(store, fulfillment),
    updateFulfillment: (_: unknown, { fulfillment }: { fulfillment: Input }) =>
      fulfilment.updateFulfillment(store, view, fulfillment),
    deleteFulfillment: (_: unknown, { id }: Id) => fulfilment.deleteFulfillment(store, view, id),
    createSatisfaction: (_: unknown, { satisfaction }: { satisfaction: Input }) =>
      fulfilment.createSatisfaction(store, view, satisfaction),
    updateSatisfaction: (_: unknown, { satisfaction }: { satisfaction: Input }) =>
      fulfilment.updateSatisfaction(store, view, satisfaction),
    deleteSatisfaction: (_: unknown, { id }: Id) => fulfilment.deleteSatisfaction(store, view, id),
    createProposal: (_: unknown, { proposal }: { proposal: Input }) =>
      planning.createProposal(store, proposal),
    updateProposal: (_: unknown, { proposal }: { proposal: Input }) =>
      planning.updateProposal(store, proposal),
    deleteProposal: (_: unknown, { id }: Id) => planning.deleteProposal(store, id),
    proposeIntent: (
      _: unknown,
      args: { publishedIn: string; publishes: string; reciprocal?: boolean | null },
    ) => planning.proposeIntent(store, args),
    deleteProposedIntent: (_: unknown, { id }: Id) => planning.deleteProposedIntent(store, id),
    proposeTo: (_: unknown, args: { proposed: string; proposedTo: string }) =>
      planning.proposeTo(store, args),
    deleteProposedTo: (_: unknown, { id }: Id) => planning.deleteProposedTo(store, id),
    acceptProposal: (
      _: unknown,
      args: { proposal: string; counterparty: string; quantity?: unknown; created?: string; due?: string },
    ) => planning.acceptProposalMutation(store, args),
  };

  return withTypedErrors({ Query, Mutation, ...createTypeResolvers(store, view) });
}
