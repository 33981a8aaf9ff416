/**
 * Independent generators for the shuffle proof (Belenios 2.0 specification §6, tables 6–8):
 * `GetGenerator(i)` derives a group element from `SHA256("ggen|i")` whose discrete logarithm
 * nobody knows; `GetSecondaryGenerator() = GetGenerator(−1)`; `GetGenerators(N)` takes indices
 * `0…N−1`, aborting if two indices give the same element.
 *
 * - Finite fields: `h = SHA256("ggen|i")^((p−1)/q) mod p`, rejected if `h ∈ {0, 1, g}`.
 * - Ed25519 (later Belenios specifications): the first compressed point at or after
 *   `SHA256("ggen|i") >> 2` that decompresses, multiplied by the cofactor 8.
 *
 * @module
 */
import { sha256BigInt } from '../encoding/sha256';
import { ShuffleError } from '../errors/shuffle-error';
import type { Group } from '../groups/group';
import { modPow } from '../groups/modular-exponentiation';

/**
 * `GetGenerator(i)` (table 8): an element of `group` derived from `i` alone.
 * @param group - a finite-field group (with a public `p`) or the Ed25519 group
 * @param index - the generator number (`−1` for the secondary generator)
 * @returns the generator
 * @throws {@link ShuffleError} if the group kind is unknown or the derived element is degenerate
 * @example
 * const h = getGenerator(groupByName('RFC-3526-2048')!, -1);
 */
export function getGenerator<E>(group: Group<E>, index: number): E {
  const seed = sha256BigInt(`ggen|${index}`);
  let h: E | undefined;
  if (group.name === 'Ed25519') {
    for (let accumulator = seed >> 2n; h === undefined; accumulator++) {
      const point = group.parse(accumulator.toString(16).padStart(64, '0'));
      if (point !== undefined) h = group.pow(point, 8n);
    }
  } else {
    const p = (group as unknown as { p?: unknown }).p;
    if (typeof p !== 'bigint') throw new ShuffleError(`no generator derivation for group ${group.name}`);
    const value = modPow(seed % p, (p - 1n) / group.q, p);
    if (value !== 0n) h = group.parse(value.toString(10));
  }
  if (h === undefined || group.equals(h, group.one) || group.equals(h, group.g)) {
    throw new ShuffleError(`generator #${index} is degenerate`);
  }
  return h;
}

/** The generators a shuffle proof of `N` ciphertexts uses. */
export interface IndependentGenerators<E> {
  /** `h = GetSecondaryGenerator()`. */
  readonly h: E;
  /** `h₀,…,h_{N−1} = GetGenerators(N)`. */
  readonly hs: readonly E[];
}

const cache = new WeakMap<object, { h: unknown; hs: unknown[]; seen: Map<string, number> }>();

/**
 * `GetSecondaryGenerator()` and `GetGenerators(count)` (tables 6 and 7), checking that no two are
 * equal. Generators are cached per group object, so verifying many shuffles derives them once.
 * @param group - the election group
 * @param count - `N`, the number of ciphertexts shuffled
 * @returns the secondary generator and `count` independent generators
 * @throws {@link ShuffleError} if two generators collide (astronomically unlikely)
 */
export function independentGenerators<E>(group: Group<E>, count: number): IndependentGenerators<E> {
  let entry = cache.get(group);
  if (!entry) {
    const h = getGenerator(group, -1);
    entry = { h, hs: [], seen: new Map([[group.toString(h), -1]]) };
    cache.set(group, entry);
  }
  for (let i = entry.hs.length; i < count; i++) {
    const hi = getGenerator(group, i);
    const key = group.toString(hi);
    const other = entry.seen.get(key);
    if (other !== undefined) throw new ShuffleError(`generator #${i} collides with #${other}`);
    entry.seen.set(key, i);
    entry.hs.push(hi);
  }
  return { h: entry.h as E, hs: (entry.hs as E[]).slice(0, count) };
}
