/**
 * @module
 * A crypto store for Node that survives restarts. matrix-js-sdk's Rust crypto keeps its keys (the
 * device's identity keys, one-time keys, Olm and Megolm sessions) in IndexedDB, or in memory where
 * there is none — and then a restarted process has lost them: the device can no longer decrypt what
 * was sent to it, nor upload new keys under the same device id. Node has no IndexedDB, so this
 * gives the Rust crypto fake-indexeddb's (an in-memory implementation of the standard API) and
 * writes its databases to a file after every write transaction (a temporary file renamed over
 * the last one), reading them back at start. With a passphrase the Rust crypto encrypts what it
 * stores, so the file holds no key in clear. What a crash loses is at most the write transactions
 * of the last few milliseconds.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';

/** A crypto store kept in a file: give its `prefix` to `createImagoClient({ cryptoStore })`. */
export interface PersistentCryptoStore {
  /** The IndexedDB database prefix of this store (matrix-js-sdk's `cryptoDatabasePrefix`). */
  readonly prefix: string;
  /** Writes the databases to the file now (done after every write transaction anyway). */
  save(): Promise<void>;
  /** Writes a last time and stops watching: call it after `client.stopClient()`. */
  close(): Promise<void>;
}

interface StoredIndex {
  readonly name: string;
  readonly keyPath: string | string[];
  readonly unique: boolean;
  readonly multiEntry: boolean;
}

interface StoredObjectStore {
  readonly name: string;
  readonly keyPath: string | string[] | null;
  readonly autoIncrement: boolean;
  readonly indexes: readonly StoredIndex[];
  readonly keys: readonly IDBValidKey[];
  readonly values: readonly unknown[];
}

interface StoredDatabase {
  readonly name: string;
  readonly version: number;
  readonly stores: readonly StoredObjectStore[];
}

/**
 * The process's IndexedDB: fake-indexeddb's, installed with its classes as globals (the Rust
 * crypto checks what it is given against `IDBFactory`, `IDBDatabase`…) unless one is there.
 */
async function processIndexedDB(): Promise<IDBFactory> {
  if ((globalThis as { indexedDB?: IDBFactory }).indexedDB === undefined) {
    // @ts-expect-error fake-indexeddb's `auto` entry ships no types its `exports` lets TypeScript find
    await import('fake-indexeddb/auto');
  }
  return globalThis.indexedDB;
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const done = (transaction: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });

async function dumpDatabase(factory: IDBFactory, name: string): Promise<StoredDatabase> {
  const db = await request(factory.open(name));
  try {
    const names = [...db.objectStoreNames];
    if (names.length === 0) return { name, version: db.version, stores: [] };
    const transaction = db.transaction(names, 'readonly');
    const stores = await Promise.all(
      names.map(async (storeName) => {
        const store = transaction.objectStore(storeName);
        const indexes = [...store.indexNames].map((indexName) => {
          const index = store.index(indexName);
          return {
            name: indexName,
            keyPath: index.keyPath,
            unique: index.unique,
            multiEntry: index.multiEntry,
          };
        });
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        return {
          name: storeName,
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes,
          keys,
          values,
        };
      }),
    );
    await done(transaction);
    return { name, version: db.version, stores };
  } finally {
    db.close();
  }
}

async function restoreDatabase(factory: IDBFactory, stored: StoredDatabase): Promise<void> {
  const opening = factory.open(stored.name, stored.version);
  opening.onupgradeneeded = () => {
    const db = opening.result;
    for (const spec of stored.stores) {
      const store = db.createObjectStore(spec.name, {
        ...(spec.keyPath === null ? {} : { keyPath: spec.keyPath }),
        autoIncrement: spec.autoIncrement,
      });
      for (const index of spec.indexes)
        store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  const db = await request(opening);
  try {
    const names = stored.stores.map((s) => s.name);
    if (names.length === 0) return;
    const transaction = db.transaction(names, 'readwrite');
    for (const spec of stored.stores) {
      const store = transaction.objectStore(spec.name);
      spec.values.forEach((value, i) => {
        if (spec.keyPath === null) store.put(value, spec.keys[i]);
        else store.put(value);
      });
    }
    await done(transaction);
  } finally {
    db.close();
  }
}

const watchers = new Set<(db: IDBDatabase) => void>();
let hooked = false;

/**
 * Makes every completed write transaction of the process's IndexedDB call the watchers (by
 * wrapping `IDBDatabase.prototype.transaction`, once).
 */
function hookWriteTransactions(): void {
  if (hooked) return;
  hooked = true;
  const proto = globalThis.IDBDatabase.prototype;
  const transaction = proto.transaction;
  proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const created = transaction.apply(this, args);
    if (args[1] === 'readwrite') {
      created.addEventListener('complete', () => {
        for (const watch of watchers) watch(this);
      });
    }
    return created;
  };
}

/**
 * Opens (or creates) a crypto store kept in `file`.
 *
 * @param file - where the databases are written (created at the first write).
 * @param options - the database prefix (default: `imago-crypto`), distinct per account in one process.
 * @returns the store; give its prefix to `createImagoClient`.
 * @throws Error when the file exists and is not a store written by this function.
 * @example
 * ```ts
 * const store = await openPersistentCryptoStore('/var/lib/imago/crypto.bin');
 * const client = await createImagoClient({ ...session, encryption: true, cryptoStore: { prefix: store.prefix, passphrase } });
 * ```
 */
export async function openPersistentCryptoStore(
  file: string,
  options: { prefix?: string } = {},
): Promise<PersistentCryptoStore> {
  const prefix = options.prefix ?? 'imago-crypto';
  const factory = await processIndexedDB();
  hookWriteTransactions();
  const ours = (name: string) => name.startsWith(`${prefix}::`);
  if (existsSync(file)) {
    const stored = deserialize(await readFile(file)) as { prefix?: unknown; databases?: StoredDatabase[] };
    if (stored?.prefix !== prefix || !Array.isArray(stored.databases))
      throw new Error(`${file} is not a crypto store of prefix ${prefix}`);
    for (const database of stored.databases) await restoreDatabase(factory, database);
  }
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;
  let closed = false;
  const save = (): Promise<void> => {
    writing = writing.then(async () => {
      const names = (await factory.databases()).map((d) => d.name ?? '').filter(ours);
      const databases = [];
      for (const name of names.sort()) databases.push(await dumpDatabase(factory, name));
      await writeFile(`${file}.tmp`, serialize({ prefix, databases }), { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    });
    return writing;
  };
  const watch = (db: IDBDatabase) => {
    if (closed || !ours(db.name) || scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      save().catch(() => undefined);
    });
  };
  watchers.add(watch);
  return {
    prefix,
    save,
    async close() {
      closed = true;
      watchers.delete(watch);
      await save();
    },
  };
}
