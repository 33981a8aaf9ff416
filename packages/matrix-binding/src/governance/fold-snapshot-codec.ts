/**
 * @module
 * The bytes of a {@link DecisionsFoldSnapshot}, and their SHA-256: what a checkpoint carries and
 * what a member who replays the whole room compares it with. JSON, with governance's persistent
 * maps, `Map`s, `Set`s and non-finite numbers written as tagged objects (`{"$pmap": [...]}`); a
 * plain object that has a key starting with `$` is wrapped (`{"$object": {...}}`) so that content
 * taken from events can never pass for a tag. Object keys are sorted; map and set entries keep
 * their iteration order, which a fold makes deterministic (and decoding restores). So equal folds
 * give equal bytes, and decoding then encoding gives the same bytes back. Decoding is a trust boundary: it returns a result, never throws.
 */
import { PersistentMap } from '@imago/governance';
import type { DecisionsFoldSnapshot } from './decisions-fold-snapshot';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TAGS = ['$pmap', '$map', '$set', '$number', '$object'] as const;

function isPersistentMap(value: object): value is PersistentMap<unknown> {
  return value instanceof PersistentMap;
}

function encodeValue(value: unknown): Json | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (typeof value !== 'object') return undefined; // undefined, functions: absent, as in JSON
  if (Array.isArray(value)) return value.map((item) => encodeValue(item) ?? null);
  if (isPersistentMap(value) || value instanceof Map) {
    const entries: Json[] = [];
    for (const [key, item] of value as Iterable<[unknown, unknown]>)
      entries.push([encodeValue(key) ?? null, encodeValue(item) ?? null]);
    return isPersistentMap(value) ? { $pmap: entries } : { $map: entries };
  }
  if (value instanceof Set) return { $set: [...value].map((item) => encodeValue(item) ?? null) };
  const object: { [key: string]: Json } = {};
  let escaped = false;
  for (const key of Object.keys(value).sort()) {
    const encoded = encodeValue((value as Record<string, unknown>)[key]);
    if (encoded === undefined) continue;
    if (key.startsWith('$')) escaped = true;
    object[key] = encoded;
  }
  return escaped ? { $object: object } : object;
}

class SnapshotProblem extends Error {
  constructor(readonly path: string) {
    super(`malformed snapshot at ${path}`);
  }
}

function decodeValue(value: unknown, path: string, depth: number): unknown {
  if (depth > 64) throw new SnapshotProblem(path);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => decodeValue(item, `${path}[${i}]`, depth + 1));
  const keys = Object.keys(value);
  const tag = keys.length === 1 ? TAGS.find((t) => t === keys[0]) : undefined;
  const inner = tag === undefined ? undefined : (value as Record<string, unknown>)[tag];
  const pairs = (what: unknown): [unknown, unknown][] => {
    if (!Array.isArray(what)) throw new SnapshotProblem(`${path}.${tag}`);
    return what.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new SnapshotProblem(`${path}.${tag}[${i}]`);
      return [
        decodeValue(pair[0], `${path}.${tag}[${i}][0]`, depth + 1),
        decodeValue(pair[1], `${path}.${tag}[${i}][1]`, depth + 1),
      ];
    });
  };
  switch (tag) {
    case '$pmap':
      return PersistentMap.from(
        pairs(inner).map(([key, item], i): [string, unknown] => {
          if (typeof key !== 'string') throw new SnapshotProblem(`${path}.$pmap[${i}][0]`);
          return [key, item];
        }),
      );
    case '$map':
      return new Map(pairs(inner));
    case '$set':
      if (!Array.isArray(inner)) throw new SnapshotProblem(`${path}.$set`);
      return new Set(inner.map((item, i) => decodeValue(item, `${path}.$set[${i}]`, depth + 1)));
    case '$number': {
      const number = Number(inner);
      if (typeof inner !== 'string' || Number.isFinite(number)) throw new SnapshotProblem(`${path}.$number`);
      return number;
    }
    case '$object':
      if (typeof inner !== 'object' || inner === null || Array.isArray(inner))
        throw new SnapshotProblem(`${path}.$object`);
      return decodeFields(inner as Record<string, unknown>, path, depth);
    default:
      return decodeFields(value as Record<string, unknown>, path, depth);
  }
}

function decodeFields(object: Record<string, unknown>, path: string, depth: number): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(object)) {
    Object.defineProperty(decoded, key, {
      value: decodeValue(item, `${path}.${key}`, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return decoded;
}

/**
 * The bytes of a fold snapshot.
 *
 * @param snapshot - from {@link DecisionsFold.snapshot}.
 * @returns its UTF-8 JSON encoding.
 */
export function encodeFoldSnapshot(snapshot: DecisionsFoldSnapshot): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(encodeValue(snapshot)));
}

/** What {@link decodeFoldSnapshot} returns. */
export type DecodedFoldSnapshot =
  | { readonly ok: true; readonly value: DecisionsFoldSnapshot }
  | { readonly ok: false; readonly path: string };

/**
 * Reads the bytes of a fold snapshot (untrusted: e.g. downloaded for a checkpoint).
 *
 * @param bytes - the encoding.
 * @returns the snapshot, or the path of the first problem.
 */
export function decodeFoldSnapshot(bytes: Uint8Array): DecodedFoldSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, path: '$' };
  }
  try {
    const value = decodeValue(json, '$', 0) as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) throw new SnapshotProblem('$');
    if (!Number.isSafeInteger(value.entries) || (value.entries as number) < 0)
      throw new SnapshotProblem('$.entries');
    const state = value.state as Record<string, unknown> | undefined;
    if (typeof state !== 'object' || state === null) throw new SnapshotProblem('$.state');
    // A snapshot written before the evidence record (counted closes), the provisional withdrawals
    // and challenges, or the record's index by decision (what is dropped once settled) is refused:
    // replay instead.
    for (const key of [
      'decisions',
      'delegations',
      'seen',
      'delegationIds',
      'evidence',
      'evidenceOf',
      'awaiting',
      'countParts',
      'provisional',
    ])
      if (!(state[key] instanceof PersistentMap)) throw new SnapshotProblem(`$.state.${key}`);
    for (const key of ['authority', 'pending'])
      if (!Array.isArray(state[key]) || (state[key] as unknown[]).some((v) => typeof v !== 'string'))
        throw new SnapshotProblem(`$.state.${key}`);
    for (const key of ['tableVersion', 'clock', 'authorityClock', 'nextDue'])
      if (typeof state[key] !== 'number') throw new SnapshotProblem(`$.state.${key}`);
    const roll = value.roll as Record<string, unknown> | undefined;
    if (typeof roll !== 'object' || roll === null || Array.isArray(roll)) throw new SnapshotProblem('$.roll');
    for (const key of ['creators', 'joined', 'invited', 'founders'])
      if (!Array.isArray(roll[key]) || (roll[key] as unknown[]).some((v) => typeof v !== 'string'))
        throw new SnapshotProblem(`$.roll.${key}`);
    for (const key of ['initialised', 'open'])
      if (typeof roll[key] !== 'boolean') throw new SnapshotProblem(`$.roll.${key}`);
    if (typeof roll.joinRule !== 'string') throw new SnapshotProblem('$.roll.joinRule');
    const decided = roll.decided as Record<string, unknown> | undefined;
    if (typeof decided !== 'object' || decided === null || Array.isArray(decided))
      throw new SnapshotProblem('$.roll.decided');
    for (const [user, status] of Object.entries(decided))
      if (status !== 'admitted' && status !== 'excluded')
        throw new SnapshotProblem(`$.roll.decided[${JSON.stringify(user)}]`);
    for (const key of ['delegations', 'proposals', 'mirrors', 'settledAt', 'redacted']) {
      const list = value[key];
      if (!Array.isArray(list)) throw new SnapshotProblem(`$.${key}`);
      list.forEach((pair, i) => {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string')
          throw new SnapshotProblem(`$.${key}[${i}]`);
      });
    }
    return { ok: true, value: value as unknown as DecisionsFoldSnapshot };
  } catch (problem) {
    return { ok: false, path: problem instanceof SnapshotProblem ? problem.path : '$' };
  }
}

/**
 * Where two fold snapshots differ: the top-level fields, the state's fields, and each decision by
 * id, as paths (`state.decisions["$abc"]`, `roll`), in a stable order.
 *
 * @param a - a snapshot.
 * @param b - another.
 * @returns the paths of the parts that differ (empty when the snapshots are equal).
 */
export function foldDifferences(a: DecisionsFoldSnapshot, b: DecisionsFoldSnapshot): string[] {
  const same = (x: unknown, y: unknown) => JSON.stringify(encodeValue(x)) === JSON.stringify(encodeValue(y));
  const differences: string[] = [];
  for (const key of Object.keys(a) as (keyof DecisionsFoldSnapshot)[]) {
    if (key === 'state') continue;
    if (!same(a[key], b[key])) differences.push(key);
  }
  for (const key of Object.keys(a.state) as (keyof DecisionsFoldSnapshot['state'])[]) {
    if (key === 'decisions') continue;
    if (!same(a.state[key], b.state[key])) differences.push(`state.${key}`);
  }
  const ids = new Set([...a.state.decisions.keys(), ...b.state.decisions.keys()]);
  for (const id of [...ids].sort()) {
    if (!same(a.state.decisions.get(id), b.state.decisions.get(id)))
      differences.push(`state.decisions[${JSON.stringify(id)}]`);
  }
  return differences;
}

/**
 * The SHA-256 of some bytes, as lowercase hex (Web Crypto).
 *
 * @param bytes - the bytes.
 * @returns the digest.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
