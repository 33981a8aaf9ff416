/**
 * Fast subgroup membership for shuffle verification. In a safe-prime group (`p = 2q + 1`, such as
 * RFC-3526-2048), the order-`q` subgroup is the set of quadratic residues, so membership is a
 * Jacobi symbol (Euclid-like, about ten times cheaper than the `x^q = 1` test of the
 * specification's `check` with a 2047-bit `q`). A verifier checks `7N + 5` elements per shuffle
 * of `N` ciphertexts, which makes this the dominant cost otherwise.
 *
 * @module
 */
import type { Group } from '../groups/group';
import { jacobi } from '../groups/jacobi-symbol';

/** Jacobi symbol `(a/n)` for odd positive `n` (re-exported as part of the public API). */
export const jacobiSymbol = jacobi;

/**
 * The fastest correct membership test for `group`: the Jacobi symbol for safe-prime finite-field
 * groups, `group.isMember` otherwise.
 * @param group - the election group
 * @returns a predicate equivalent to `group.isMember`
 */
export function membershipTest<E>(group: Group<E>): (x: E) => boolean {
  const p = (group as unknown as { p?: unknown }).p;
  if (typeof p === 'bigint' && p === 2n * group.q + 1n) {
    return (x) => {
      const value = x as unknown;
      return typeof value === 'bigint' && value >= 1n && value < p && jacobiSymbol(value, p) === 1;
    };
  }
  return (x) => group.isMember(x);
}
