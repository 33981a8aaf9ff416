/**
 * The root queries of the vf-graphql 0.8.5 modules the package implements, read from a
 * {@link VfStore} and its {@link StoreView}.
 *
 * @module
 */
import { ACTION_IDS, ACTIONS, isActionId, normalizeActionId } from '../actions/action-table';
import { getUnit, listUnits } from '../measures/om2-units';
import type { EconomicEvent } from '../model/economic-event';
import { actionRecord } from './action-records';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

/** The paging arguments of a listing query. */
export type Page = { start?: string | null; limit?: number | null };

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

/** The arguments of `economicEventsFiltered`. */
export interface EventFilter {
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
 * The `Query` resolvers.
 *
 * @param store - the records to serve
 * @param view - the store's derived records
 * @returns the root query resolvers
 */
export function createQueryResolvers(store: VfStore, view: StoreView) {
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

  return {
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
}
