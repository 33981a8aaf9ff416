/**
 * @module
 * The Schulze method (strongest paths), as belenios-tool 2.0 counts it (`schulze.ml`, itself
 * following CIVS's `beatpath2.pm`).
 *
 * Link strength: the strength of the direct beat of `A` over `B` is the pair `(W, L)` where `W`
 * ballots rank `A` above `B` and `L < W` rank `B` above `A` ("winning votes", with losing votes
 * as a secondary key): `(W1, L1) > (W2, L2)` iff `W1 > W2`, or `W1 = W2` and `L1 < L2`.
 * When `W = L` there is no link either way. A path is as strong as its weakest link; the
 * strongest paths are computed with Floyd–Warshall over the (max, min) semiring.
 *
 * Ranking: the first group is every choice that no other choice beats (the strongest path from
 * `B` to `A` never beats the one from `A` to `B`); those are set aside and the next group is
 * computed among the rest, and so on. Groups list choices in increasing index.
 */
import type { Ballots } from './ballots';
import { type CondorcetOptions, condorcetMatrix, matrixRows } from './condorcet-matrix';

/** Options of {@link schulze}. */
export type SchulzeOptions = CondorcetOptions;

/** A beat strength: `[winning votes, losing votes]`; `[0, 0]` for no beat. */
export type BeatStrength = readonly [winning: number, losing: number];

/** The result of {@link schulze}, shaped exactly as `belenios-tool method schulze` prints it. */
export interface SchulzeResult {
  /** Ballots counted. */
  readonly valid: number;
  /** Blank ballots (only present when blank ballots are allowed). */
  readonly blank?: number;
  /** `raw[i][j]`: ballots ranking choice `i` above choice `j`. */
  readonly raw: readonly (readonly number[])[];
  /** `beatpaths[i][j]`: strength of the strongest path from `i` to `j`. */
  readonly beatpaths: readonly (readonly BeatStrength[])[];
  /** The ranking: groups of tied choices (0-based indices), best group first. */
  readonly winners: readonly (readonly number[])[];
}

/** `(w1, l1)` stronger than `(w2, l2)`. */
function stronger(w1: number, l1: number, w2: number, l2: number): boolean {
  return w1 > w2 || (w1 === w2 && l1 < l2);
}

/**
 * Counts Condorcet ballots with the Schulze method.
 *
 * A ballot gives each choice a rank: 1 is first, equal ranks are ties, 0 is unranked (below all
 * ranked choices). With `blankAllowed`, a ballot of only zeros is blank; otherwise it is counted
 * as valid and expresses no preference.
 *
 * @param ballots - One ranking per ballot, each of `nchoices` integers.
 * @param options - `nchoices` (default: length of the first ballot) and `blankAllowed`.
 * @returns Counts, pairwise matrix, strongest paths and the ranking.
 * @throws {@link MalformedBallotsError} if a ballot does not have `nchoices` entries.
 * @throws {@link InvalidMethodOptionsError} if `nchoices` is not positive and cannot be inferred.
 * @example
 * ```ts
 * schulze([[1, 2, 3], [2, 1, 3], [1, 3, 2]], { blankAllowed: false }).winners; // [[0], [1], [2]]
 * ```
 */
export function schulze(ballots: Ballots, options: SchulzeOptions): SchulzeResult {
  const { nchoices: n, valid, blank, raw } = condorcetMatrix(ballots, options);
  const wins = new Float64Array(n * n);
  const losses = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = raw[i * n + j]!;
      const y = raw[j * n + i]!;
      if (x > y) {
        wins[i * n + j] = x;
        losses[i * n + j] = y;
      }
    }
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const wik = wins[i * n + k]!;
      const lik = losses[i * n + k]!;
      for (let j = 0; j < n; j++) {
        // the weaker of i→k and k→j
        let w = wik;
        let l = lik;
        const wkj = wins[k * n + j]!;
        const lkj = losses[k * n + j]!;
        if (stronger(w, l, wkj, lkj)) {
          w = wkj;
          l = lkj;
        }
        if (stronger(w, l, wins[i * n + j]!, losses[i * n + j]!)) {
          wins[i * n + j] = w;
          losses[i * n + j] = l;
        }
      }
    }
  }
  const winners: number[][] = [];
  const ranked = new Uint8Array(n);
  let rankedCount = 0;
  while (rankedCount < n) {
    const group: number[] = [];
    for (let i = 0; i < n; i++) {
      if (ranked[i]) continue;
      let beaten = false;
      for (let j = 0; j < n && !beaten; j++) {
        if (ranked[j]) continue;
        beaten = stronger(wins[j * n + i]!, losses[j * n + i]!, wins[i * n + j]!, losses[i * n + j]!);
      }
      if (!beaten) group.push(i);
    }
    // The beatpath relation is transitive, so some choice is always unbeaten; guard anyway.
    if (group.length === 0) for (let i = 0; i < n; i++) if (!ranked[i]) group.push(i);
    for (const i of group) ranked[i] = 1;
    rankedCount += group.length;
    winners.push(group);
  }
  const beatpaths: BeatStrength[][] = [];
  for (let i = 0; i < n; i++) {
    const row: BeatStrength[] = [];
    for (let j = 0; j < n; j++) row.push([wins[i * n + j]!, losses[i * n + j]!]);
    beatpaths.push(row);
  }
  return {
    valid,
    ...(blank === undefined ? {} : { blank }),
    raw: matrixRows(raw, n),
    beatpaths,
    winners,
  };
}
