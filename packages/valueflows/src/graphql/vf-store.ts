/**
 * The records the GraphQL API serves. The ledger part is the pure ledger state; a mutation
 * replaces it with the state {@link applyEvent} returns.
 *
 * @module
 */
import { createLedger, type LedgerState } from '../ledger/ledger-state';
import type { Agent } from '../model/agent';
import type { Agreement } from '../model/agreement';
import type { Commitment } from '../model/commitment';
import type { Intent } from '../model/intent';
import type { ProcessSpecification } from '../model/process-specification';
import type { Proposal } from '../model/proposal';
import type { ResourceSpecification } from '../model/resource-specification';
import type { SpatialThing } from '../model/spatial-thing';
import type {
  AgentRelationship,
  AgentRelationshipRole,
  Fulfillment,
  ProductBatch,
  Satisfaction,
  UnitRecord,
} from './store-records';

/** A place registered with the store (`createSpatialThing`): a spatial thing with an id and a name. */
export type Place = SpatialThing & { readonly id: string; readonly name: string };

/** What the GraphQL resolvers read and write. */
export interface VfStore {
  /** The current ledger state (economic resources and events, processes). */
  ledger: LedgerState;
  /** The agent the API is served for (`myAgent`), if any. */
  myAgent: string | undefined;
  readonly agents: Map<string, Agent>;
  readonly agentRelationships: Map<string, AgentRelationship>;
  readonly agentRelationshipRoles: Map<string, AgentRelationshipRole>;
  readonly spatialThings: Map<string, Place>;
  readonly resourceSpecifications: Map<string, ResourceSpecification>;
  readonly processSpecifications: Map<string, ProcessSpecification>;
  /** Units created through the API; OM2 units are always there. */
  readonly units: Map<string, UnitRecord>;
  readonly productBatches: Map<string, ProductBatch>;
  /** Proposals, with the intents they publish embedded (an intent is published in one proposal at most). */
  readonly proposals: Map<string, Proposal>;
  /** Intents published in no proposal (yet). */
  readonly intents: Map<string, Intent>;
  readonly commitments: Map<string, Commitment>;
  readonly agreements: Map<string, Agreement>;
  /** Fulfilments created through the API (those an event's `fulfills` names are read from the ledger). */
  readonly fulfillments: Map<string, Fulfillment>;
  /** Satisfactions created through the API (those a `satisfies` names are read from the records). */
  readonly satisfactions: Map<string, Satisfaction>;
  /** A fresh identifier for a record created through the API, e.g. `event-3`. */
  nextId(kind: string): string;
}

/** Initial content of a {@link VfStore}. */
export interface VfStoreInit {
  readonly ledger?: LedgerState;
  /** The agent the API is served for (`myAgent`). */
  readonly myAgent?: string;
  readonly agents?: Iterable<Agent>;
  readonly agentRelationships?: Iterable<AgentRelationship>;
  readonly agentRelationshipRoles?: Iterable<AgentRelationshipRole>;
  readonly spatialThings?: Iterable<Place>;
  readonly resourceSpecifications?: Iterable<ResourceSpecification>;
  readonly processSpecifications?: Iterable<ProcessSpecification>;
  readonly units?: Iterable<UnitRecord>;
  readonly productBatches?: Iterable<ProductBatch>;
  readonly proposals?: Iterable<Proposal>;
  /** Intents published in no proposal. */
  readonly intents?: Iterable<Intent>;
  readonly commitments?: Iterable<Commitment>;
  readonly agreements?: Iterable<Agreement>;
  readonly fulfillments?: Iterable<Fulfillment>;
  readonly satisfactions?: Iterable<Satisfaction>;
}

const byId = <T extends { id: string }>(items: Iterable<T> | undefined) =>
  new Map([...(items ?? [])].map((x) => [x.id, x] as const));

/**
 * Creates a store for {@link createVfSchema}.
 *
 * @param init - initial records
 * @returns the store
 */
export function createVfStore(init: VfStoreInit = {}): VfStore {
  const counters = new Map<string, number>();
  const store: VfStore = {
    ledger: init.ledger ?? createLedger(),
    myAgent: init.myAgent,
    agents: byId(init.agents),
    agentRelationships: byId(init.agentRelationships),
    agentRelationshipRoles: byId(init.agentRelationshipRoles),
    spatialThings: byId(init.spatialThings),
    resourceSpecifications: byId(init.resourceSpecifications),
    processSpecifications: byId(init.processSpecifications),
    units: byId(init.units),
    productBatches: byId(init.productBatches),
    proposals: byId(init.proposals),
    intents: byId(init.intents),
    commitments: byId(init.commitments),
    agreements: byId(init.agreements),
    fulfillments: byId(init.fulfillments),
    satisfactions: byId(init.satisfactions),
    nextId(kind) {
      for (;;) {
        const n = (counters.get(kind) ?? 0) + 1;
        counters.set(kind, n);
        const id = `${kind}-${n}`;
        if (!isTaken(store, id)) return id;
      }
    },
  };
  return store;
}

function isTaken(store: VfStore, id: string): boolean {
  const { ledger } = store;
  return (
    ledger.events.has(id) ||
    ledger.resources.has(id) ||
    ledger.processes.has(id) ||
    [
      store.agents,
      store.agentRelationships,
      store.agentRelationshipRoles,
      store.spatialThings,
      store.resourceSpecifications,
      store.processSpecifications,
      store.units,
      store.productBatches,
      store.proposals,
      store.intents,
      store.commitments,
      store.agreements,
      store.fulfillments,
      store.satisfactions,
    ].some((map: Map<string, unknown>) => map.has(id)) ||
    [...store.proposals.values()].some((p) => [...p.publishes, ...p.reciprocal].some((i) => i.id === id))
  );
}
