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
  const table = new Map<string, bigint>();
  let baby = group.one;
  for (let j = 0n; j < m; j++) {
    const key = group.toString(baby);
    if (!table.has(key)) table.set(key, j);
    baby = group.mul(baby, group.g);
  }
  const giantStep = group.invert(group.powG(m));
  let gamma = target;
  for (let i = 0n; i <= m; i++) {
    const j = table.get(group.toString(gamma));
    if (j !== undefined) {
      const result = i * m + j;
      return result <= max ? result : undefined;
    }
    gamma = group.mul(gamma, giantStep);
  }
  return undefined;
}

function sqrtCeil(n: bigint): bigint {
  if (n < 2n) return 1n;
  let x = BigInt(Math.ceil(Math.sqrt(Number(n))));
  while (x * x < n) x++;
  while ((x - 1n) * (x - 1n) >= n) x--;
  return x;
}
