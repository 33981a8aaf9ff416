/**
 * @module
 * Ranked pairs (Tideman, "Independence of clones as a criterion for voting rules", Social Choice
 * and Welfare 4, 1987) on the same Condorcet ballots as {@link schulze}.
 *
 * Majorities are taken from the strongest down — the same link strength as Schulze: more winning
 * votes first, then fewer losing votes; equally strong majorities in order of winner index, then
 * loser index — and each is locked in unless it would close a cycle with those already locked.
 * The ranking takes, group after group, the choices that no locked majority of a remaining choice
 * points at.
 */
import type { Ballots } from './ballots';
import { type CondorcetOptions, condorcetMatrix, matrixRows } from './condorcet-matrix';

/** Options of {@link rankedPairs}. */
export type RankedPairsOptions = CondorcetOptions;

/** The result of {@link rankedPairs}. */
export interface RankedPairsResult {
  /** Ballots counted. */
  readonly valid: number;
  /** Blank ballots (only present when blank ballots are allowed). */
  readonly blank?: number;
  /** `raw[i][j]`: ballots ranking choice `i` above choice `j`. */
  readonly raw: readonly (readonly number[])[];
  /** Locked majorities `[winner, loser]`, in the order they were locked. */
  readonly locked: readonly (readonly [number, number])[];
  /** The ranking: groups of tied choices (0-based indices), best group first. */
  readonly winners: readonly (readonly number[])[];
}

/**
 * Counts Condorcet ballots with ranked pairs.
 *
 * @param ballots - One ranking per ballot (1 = first, 0 = unranked), each of `nchoices` integers.
 * @param options - `nchoices` (default: length of the first ballot) and `blankAllowed`.
 * @returns Counts, pairwise matrix, locked majorities and the ranking.
 * @throws {@link MalformedBallotsError} if a ballot does not have `nchoices` entries.
 * @throws {@link InvalidMethodOptionsError} if `nchoices` is not positive and cannot be inferred.
 * @example
 * ```ts
 * rankedPairs([[1, 2, 3], [2, 3, 1], [3, 1, 2], [1, 2, 3]], { blankAllowed: false }).winners; // [[0], [1], [2]]
 * ```
 */
export function rankedPairs(ballots: Ballots, options: RankedPairsOptions): RankedPairsResult {
  const { nchoices: n, valid, blank, raw } = condorcetMatrix(ballots, options);
  const majorities: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (raw[i * n + j]! > raw[j * n + i]!) majorities.push([i, j]);
  }
  majorities.sort(
    ([a, b], [c, d]) =>
      raw[c * n + d]! - raw[a * n + b]! || raw[b * n + a]! - raw[d * n + c]! || a - c || b - d,
  );
  // reach[a * n + b]: a path of locked majorities leads from a to b.
  const reach = new Uint8Array(n * n);
  const locked: [number, number][] = [];
  for (const [i, j] of majorities) {
    if (reach[j * n + i]) continue;
    locked.push([i, j]);
    for (let a = 0; a < n; a++) {
      if (a !== i && !reach[a * n + i]) continue;
      for (let b = 0; b < n; b++) if (b === j || reach[j * n + b]) reach[a * n + b] = 1;
    }
  }
  const beaten = new Uint32Array(n);
  for (const [, j] of locked) beaten[j]!++;
  const ranked = new Uint8Array(n);
  const winners: number[][] = [];
  let rankedCount = 0;
  while (rankedCount < n) {
    const group: number[] = [];
    for (let c = 0; c < n; c++) if (!ranked[c] && beaten[c] === 0) group.push(c);
    for (const c of group) ranked[c] = 1;
    for (const [i, j] of locked) if (group.includes(i)) beaten[j]!--;
    rankedCount += group.length;
    winners.push(group);
  }
  return {
    valid,
    ...(blank === undefined ? {} : { blank }),
    raw: matrixRows(raw, n),
    locked,
    winners,
  };
}
