/**
 * @module
 * Where a participant of an election keeps what must outlive its process and never enters the
 * room: the authority's own trustee key, the voters' private credentials until they are delivered
 * and voting ends, the ballots waiting to be relayed; a member trustee's key or seed; a voter's
 * credentials and ballot receipts. A small asynchronous key–value interface, so that a browser
 * keeps it in `localStorage`, a Node service in a folder (`fileElectionStore` of
 * `@imago/matrix-binding/node`), a test in memory.
 */

/** A key–value store of text values. Keys are `/`-separated paths. */
export interface ElectionStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** The keys that start with `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
}

/**
 * A store in memory (lost with the process: for tests and short-lived clients).
 *
 * @returns an empty store.
 */
export function memoryElectionStore(): ElectionStore {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
    list: async (prefix) => [...values.keys()].filter((key) => key.startsWith(prefix)).sort(),
  };
}

/** Reads a JSON value from the store, or `undefined` when absent or unreadable. */
export async function readStored<T>(store: ElectionStore, key: string): Promise<T | undefined> {
  const text = await store.get(key);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** Writes a JSON value to the store. */
export function writeStored(store: ElectionStore, key: string, value: unknown): Promise<void> {
  return store.set(key, JSON.stringify(value));
}
