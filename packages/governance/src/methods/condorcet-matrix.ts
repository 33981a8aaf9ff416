/**
 * @module
 * The pairwise preference matrix of Condorcet ballots, shared by {@link schulze} and
 * {@link rankedPairs}. A ballot ranks choice `i` above choice `j` when its integer for `i` is
 * smaller; 0 means unranked, below every ranked choice (as in belenios-tool's `schulze.ml`).
 */
import { type Ballots, choiceCount, requireBallotWidth, toPackedBallots } from './ballots';

/** Options shared by the methods that read Condorcet rankings. */
export interface CondorcetOptions {
  /** Number of choices; 0 or absent: the length of the first ballot. */
  readonly nchoices?: number;
  /** Whether a ballot of only zeros counts as blank (otherwise it is a valid ballot with no preference). */
  readonly blankAllowed: boolean;
}

/** The pairwise counts of a set of Condorcet ballots. */
export interface CondorcetMatrix {
  readonly nchoices: number;
  /** Ballots that were counted. */
  readonly valid: number;
  /** Blank ballots, when blank ballots are allowed. */
  readonly blank: number | undefined;
  /** `raw[i * nchoices + j]`: ballots that rank `i` above `j`. */
  readonly raw: Int32Array;
}

/** Counts, for every pair of choices, the ballots that rank one above the other. */
export function condorcetMatrix(ballots: Ballots, options: CondorcetOptions): CondorcetMatrix {
  const packed = toPackedBallots(ballots);
  const n = choiceCount(packed, options.nchoices);
  const { cells, offsets, count } = packed;
  const blankAllowed = options.blankAllowed;
  const raw = new Int32Array(n * n);
  const ranks = new Float64Array(n);
  let blank = 0;
  for (let b = 0; b < count; b++) {
    const base = offsets[b]!;
    if (offsets[b + 1]! - base !== n) requireBallotWidth(packed, n, 'rankings');
    let empty = true;
    for (let i = 0; i < n; i++) {
      const rank = cells[base + i]!;
      if (rank === 0) {
        ranks[i] = Number.POSITIVE_INFINITY;
      } else {
        ranks[i] = rank;
        empty = false;
      }
    }
    if (empty && blankAllowed) {
      blank++;
      continue;
    }
    if (empty) continue;
    for (let i = 0; i < n - 1; i++) {
      const x = ranks[i]!;
      const row = i * n;
      for (let j = i + 1; j < n; j++) {
        const y = ranks[j]!;
        // branch-free: ranked ballots make these comparisons unpredictable
        raw[row + j]! += +(x < y);
        raw[j * n + i]! += +(y < x);
      }
    }
  }
  return {
    nchoices: n,
    valid: blankAllowed ? count - blank : count,
    blank: blankAllowed ? blank : undefined,
    raw,
  };
}

/** The matrix as rows of plain numbers. */
export function matrixRows(values: Int32Array, n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(values.subarray(i * n, i * n + n)));
  return rows;
}
