/**
 * @module
 * A persistent Fedify `KvStore` on Node's built-in SQLite (`node:sqlite`): one table of JSON
 * values keyed by the JSON of the key, with an optional expiry. Fedify keeps its caches,
 * idempotence records and keys there, the bridge its followers and proposals.
 */
import { DatabaseSync } from 'node:sqlite';
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from '@fedify/fedify';

const encode = (key: KvKey): string => JSON.stringify(key);

/** A `KvStore` in a SQLite file (or `:memory:`). */
export class SqliteKvStore implements KvStore {
  readonly #db: DatabaseSync;

  /**
   * Opens (or creates) the store.
   *
   * @param path - the SQLite file; `:memory:` for a store that ends with the process.
   */
  constructor(path: string) {
    this.#db = new DatabaseSync(path);
    this.#db.exec(`PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires INTEGER)`);
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const row = this.#db.prepare('SELECT value, expires FROM kv WHERE key = ?').get(encode(key)) as
      | { value: string; expires: number | null }
      | undefined;
    if (row === undefined) return undefined;
    if (row.expires !== null && row.expires <= Date.now()) {
      this.#db.prepare('DELETE FROM kv WHERE key = ?').run(encode(key));
      return undefined;
    }
    return JSON.parse(row.value) as T;
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    const ttl = options?.ttl ? options.ttl.total({ unit: 'millisecond' }) : undefined;
    this.#db
      .prepare(
        'INSERT INTO kv (key, value, expires) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires',
      )
      .run(encode(key), JSON.stringify(value), ttl === undefined ? null : Date.now() + ttl);
  }

  async delete(key: KvKey): Promise<void> {
    this.#db.prepare('DELETE FROM kv WHERE key = ?').run(encode(key));
  }

  async cas(
    key: KvKey,
    expectedValue: unknown,
    newValue: unknown,
    options?: KvStoreSetOptions,
  ): Promise<boolean> {
    const current = await this.get(key);
    if (JSON.stringify(current) !== JSON.stringify(expectedValue)) return false;
    if (newValue === undefined) await this.delete(key);
    else await this.set(key, newValue, options);
    return true;
  }

  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    // Keys are JSON arrays: a prefix [a, b] matches '["a","b",' … or exactly '["a","b"]'.
    const exact = prefix === undefined ? '' : encode(prefix);
    const start = prefix === undefined ? '[' : `${exact.slice(0, -1)},`;
    const rows = this.#db
      .prepare('SELECT key, value, expires FROM kv WHERE key = ? OR (key >= ? AND key < ?) ORDER BY key')
      .all(exact, start, `${start}\uffff`) as { key: string; value: string; expires: number | null }[];
    const now = Date.now();
    for (const row of rows) {
      if (row.expires !== null && row.expires <= now) continue;
      yield { key: JSON.parse(row.key) as KvKey, value: JSON.parse(row.value) };
    }
  }

  /** Closes the database. */
  close(): void {
    this.#db.close();
  }
}
