/**
 * A persistent (immutable, structurally shared) map from string keys to values.
 *
 * The decision engine is a pure reducer: every event returns a new state and never touches the
 * old one. With 100k members and a million delegation events, copying a plain `Map` on every
 * event would cost O(members) per event; this hash trie copies only the path to one leaf
 * (four 32-slot nodes and one small bucket), so an update is O(1) in practice.
 *
 * Iteration order is deterministic (by key hash, then insertion within a bucket) but not
 * meaningful: sort where order matters.
 *
 * @module
 */

type Entry<V> = readonly [string, V];
type Bucket<V> = readonly Entry<V>[];
type Node<V> = readonly (Node<V> | Bucket<V> | undefined)[];

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;
const DEPTH = 4;

/** FNV-1a over UTF-16 code units: cheap, deterministic, good enough spread for a 20-bit trie. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function slotAt(hash: number, level: number): number {
  return (hash >>> (level * BITS)) & MASK;
}

/**
 * Immutable string-keyed map with O(1)-ish `set`/`delete` returning a new map that shares
 * structure with the old one.
 *
 * @example
 * ```ts
 * const empty = PersistentMap.empty<number>();
 * const one = empty.set('alice', 1);
 * empty.size; // 0
 * one.get('alice'); // 1
 * ```
 */
export class PersistentMap<V> implements Iterable<[string, V]> {
  /** Number of entries. */
  readonly size: number;
  readonly #root: Node<V> | undefined;

  private constructor(root: Node<V> | undefined, size: number) {
    this.#root = root;
    this.size = size;
  }

  /**
   * The empty map.
   * @returns a map with no entries
   */
  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(undefined, 0);
  }

  /**
   * Builds a map from entries (later duplicates win).
   * @param entries - key/value pairs
   * @returns the map holding them
   */
  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  #bucket(key: string): Bucket<V> | undefined {
    const hash = hashKey(key);
    let node: Node<V> | Bucket<V> | undefined = this.#root;
    for (let level = 0; level < DEPTH && node !== undefined; level++) {
      node = (node as Node<V>)[slotAt(hash, level)];
    }
    return node as Bucket<V> | undefined;
  }

  /**
   * @param key - the key to look up
   * @returns the value stored under `key`, or `undefined`
   */
  get(key: string): V | undefined {
    const bucket = this.#bucket(key);
    if (bucket === undefined) return undefined;
    for (const entry of bucket) if (entry[0] === key) return entry[1];
    return undefined;
  }

  /**
   * @param key - the key to look up
   * @returns whether `key` is present
   */
  has(key: string): boolean {
    const bucket = this.#bucket(key);
    return bucket?.some((entry) => entry[0] === key) ?? false;
  }

  /**
   * @param key - the key to write
   * @param value - the value to store
   * @returns a new map with `key` bound to `value` (this map is unchanged; returned as is if
   *   `key` already holds this very value)
   */
  set(key: string, value: V): PersistentMap<V> {
    const hash = hashKey(key);
    const path = new Array<Node<V> | undefined>(DEPTH);
    let node: Node<V> | Bucket<V> | undefined = this.#root;
    for (let level = 0; level < DEPTH; level++) {
      path[level] = node as Node<V> | undefined;
      node = (node as Node<V> | undefined)?.[slotAt(hash, level)];
    }
    const bucket = node as Bucket<V> | undefined;
    let added = 0;
    let child: Node<V> | Bucket<V>;
    const at = bucket === undefined ? -1 : bucket.findIndex((entry) => entry[0] === key);
    if (at === -1) {
      added = 1;
      child = bucket === undefined ? [[key, value]] : [...bucket, [key, value]];
    } else {
      if (bucket![at]![1] === value) return this;
      const copy = bucket!.slice();
      copy[at] = [key, value];
      child = copy;
    }
    // copy the path bottom-up: only these DEPTH nodes are new, everything else is shared
    for (let level = DEPTH - 1; level >= 0; level--) {
      const parent = path[level];
      const copy = parent === undefined ? new Array<Node<V> | Bucket<V> | undefined>(WIDTH) : parent.slice();
      copy[slotAt(hash, level)] = child;
      child = copy as Node<V>;
    }
    return new PersistentMap<V>(child as Node<V>, this.size + added);
  }

  /**
   * @param key - the key to remove
   * @returns a new map without `key` (this map if `key` was absent)
   */
  delete(key: string): PersistentMap<V> {
    if (!this.has(key)) return this;
    const hash = hashKey(key);
    const remove = (node: Node<V> | Bucket<V>, level: number): Node<V> | Bucket<V> | undefined => {
      if (level === DEPTH) {
        const bucket = (node as Bucket<V>).filter((entry) => entry[0] !== key);
        return bucket.length === 0 ? undefined : bucket;
      }
      const copy = (node as Node<V>).slice();
      const slot = slotAt(hash, level);
      copy[slot] = remove((node as Node<V>)[slot]!, level + 1);
      return copy.some((child) => child !== undefined) ? copy : undefined;
    };
    const root = remove(this.#root!, 0) as Node<V> | undefined;
    return new PersistentMap<V>(root, this.size - 1);
  }

  /**
   * Iterates over entries in a deterministic order (by key hash).
   * @returns an iterator of `[key, value]`
   */
  [Symbol.iterator](): Iterator<[string, V]> {
    return this.#collect((key, value): [string, V] => [key, value])[Symbol.iterator]();
  }

  /** @returns the keys, in iteration order */
  keys(): string[] {
    return this.#collect((key) => key);
  }

  /** @returns the values, in iteration order */
  values(): V[] {
    return this.#collect((_key, value) => value);
  }

  /** Each entry mapped by `pick`, in iteration order (a plain walk: no generator per node). */
  #collect<T>(pick: (key: string, value: V) => T): T[] {
    const out: T[] = [];
    const walk = (node: Node<V> | Bucket<V>, level: number): void => {
      if (level === DEPTH) {
        for (const entry of node as Bucket<V>) out.push(pick(entry[0], entry[1]));
        return;
      }
      for (const child of node as Node<V>) if (child !== undefined) walk(child, level + 1);
    };
    if (this.#root !== undefined) walk(this.#root, 0);
    return out;
  }
}
