/**
 * Bounded discrete logarithms for results (Belenios 2.0 specification §4.19: the logarithm is
 * bounded by the total weight), by baby-step giant-step.
 *
 * @module
 */
import type { Group } from '../groups/group';

/**
 * Finds `m ∈ [0, max]` with `g^m = target`.
 * @param group - the group
 * @param target - the element
 * @param max - the largest possible logarithm
 * @returns `m`, or `undefined` if there is none in range
 * @example
 * discreteLog(group, group.powG(42n), 100n); // 42n
 */
export function discreteLog<E>(group: Group<E>, target: E, max: bigint): bigint | undefined {
  if (max < 0n) return undefined;
  const m = sqrtCeil(max + 1n);
  // Keys are short fingerprints of elements (a collision is only a false candidate, checked below),
  // so the table stays small even for large total weights.
  const table = new Map<string | number, bigint>();
  let baby = group.one;
  for (let j = 0n; j < m; j++) {
    const key = fingerprint(group, baby);
    if (!table.has(key)) table.set(key, j);
    baby = group.mul(baby, group.g);
  }
  const giantStep = group.invert(group.powG(m));
  let gamma = target;
  for (let i = 0n; i <= m; i++) {
    const j = table.get(fingerprint(group, gamma));
    if (j !== undefined) {
      const result = i * m + j;
      if (result <= max && group.equals(group.powG(result), target)) return result;
    }
    gamma = group.mul(gamma, giantStep);
  }
  return undefined;
}

function fingerprint<E>(group: Group<E>, element: E): string | number {
  return typeof element === 'bigint'
    ? Number(element & 0xffffffffffffn)
    : group.toString(element).slice(0, 16);
}

function sqrtCeil(n: bigint): bigint {
  if (n < 2n) return 1n;
  let x = BigInt(Math.ceil(Math.sqrt(Number(n))));
  while (x * x < n) x++;
  while ((x - 1n) * (x - 1n) >= n) x--;
  return x;
}
