/**
 * The field resolvers of agents (`Agent`, `Person`, `Organization`, the agent bridging fields of
 * vf-graphql), their relationships and places.
 *
 * @module
 */
import type { Agent } from '../model/agent';
import type { SpatialThing } from '../model/spatial-thing';
import { agentsById } from './flow-fields';
import { type SearchParams, searchFilter } from './search-filters';
import type { AgentRelationship } from './store-records';
import type { StoreView } from './store-view';
import type { Place, VfStore } from './vf-store';

/**
 * Builds the resolvers of the agent types, `AgentRelationship` and `SpatialThing`.
 *
 * @param store - the records
 * @param view - read helpers over them
 * @returns resolvers in the graphql-tools format
 */
export function createAgentTypeResolvers(store: VfStore, view: StoreView) {
  const agents = agentsById(view);
  const atPlace = (place: Place) => (p: SpatialThing | undefined) => p?.id === place.id;
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

  return {
    Agent: { __resolveType: (a: Agent) => (a.type === 'Person' ? 'Person' : 'Organization') },
    AccountingScope: { __resolveType: (a: Agent) => (a.type === 'Person' ? 'Person' : 'Organization') },
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
  };
}
