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
import type { Proposal } from '../model/proposal';
import type { ResourceSpecification } from '../model/resource-specification';

/** What the GraphQL resolvers read and write. */
export interface VfStore {
  /** The current ledger state (economic resources and events, processes). */
  ledger: LedgerState;
  readonly agents: Map<string, Agent>;
  readonly resourceSpecifications: Map<string, ResourceSpecification>;
  /** Proposals, with the intents they publish embedded (an intent is published in one proposal at most). */
  readonly proposals: Map<string, Proposal>;
  /** Intents published in no proposal (yet). */
  readonly intents: Map<string, Intent>;
  readonly commitments: Map<string, Commitment>;
  readonly agreements: Map<string, Agreement>;
  /** A fresh identifier for a record created through the API, e.g. `event-3`. */
  nextId(kind: string): string;
}

/** Initial content of a {@link VfStore}. */
export interface VfStoreInit {
  readonly ledger?: LedgerState;
  readonly agents?: Iterable<Agent>;
  readonly resourceSpecifications?: Iterable<ResourceSpecification>;
  readonly proposals?: Iterable<Proposal>;
  /** Intents published in no proposal. */
  readonly intents?: Iterable<Intent>;
  readonly commitments?: Iterable<Commitment>;
  readonly agreements?: Iterable<Agreement>;
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
    agents: byId(init.agents),
    resourceSpecifications: byId(init.resourceSpecifications),
    proposals: byId(init.proposals),
    intents: byId(init.intents),
    commitments: byId(init.commitments),
    agreements: byId(init.agreements),
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
  return (
    store.ledger.events.has(id) ||
    store.ledger.resources.has(id) ||
    store.agents.has(id) ||
    store.proposals.has(id) ||
    store.intents.has(id) ||
    store.commitments.has(id) ||
    store.agreements.has(id) ||
    [...store.proposals.values()].some((p) => [...p.publishes, ...p.reciprocal].some((i) => i.id === id))
  );
}
