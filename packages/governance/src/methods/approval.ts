/**
 * @module
 * Approval and plurality voting on ballots in the form of Belenios homomorphic answers
 * (Belenios 2.0 specification, homomorphic questions): one mark per choice, 1 = selected, 0 = not.
 * A ballot selecting between `min` and `max` choices is valid; with `blankAllowed`, a ballot of only
 * zeros is a blank vote; anything else is invalid. Plurality is approval with `min = max = 1`.
 */
import { type Ballots, ballotAt, choiceCount, requireBallotWidth, toPackedBallots } from './ballots';
import { InvalidMethodOptionsError } from './errors/invalid-method-options-error';

/** Options of {@link approval}. */
export interface ApprovalOptions {
  /** Number of choices; 0 or absent: the length of the first ballot. */
  readonly nchoices?: number;
  /** Whether a ballot of only zeros is a blank vote (it takes precedence over `min = 0`). */
  readonly blankAllowed: boolean;
  /** Fewest choices a valid ballot selects (default 0). */
  readonly min?: number;
  /** Most choices a valid ballot selects (default: every choice). */
  readonly max?: number;
}

/** Options of {@link plurality}. */
export interface PluralityOptions {
  /** Number of choices; 0 or absent: the length of the first ballot. */
  readonly nchoices?: number;
  /** Whether a ballot of only zeros is a blank vote. */
  readonly blankAllowed: boolean;
}

/** The result of {@link approval} and {@link plurality}. */
export interface ApprovalResult {
  /** Valid ballots. */
  readonly valid: number;
  /** Blank ballots (only present when blank ballots are allowed). */
  readonly blank?: number;
  /** Invalid ballots, as given, in input order. */
  readonly invalid: readonly (readonly number[])[];
  /** `counts[c]`: valid ballots selecting choice `c`. */
  readonly counts: readonly number[];
  /** The ranking: groups of choices with equal counts (increasing index), most selected first. */
  readonly winners: readonly (readonly number[])[];
}

/** Groups choices by decreasing score; equal scores share a group, in increasing index. */
export function rankByScore(scores: ArrayLike<number>): number[][] {
  const order = Array.from({ length: scores.length }, (_, c) => c);
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const groups: number[][] = [];
  for (const c of order) {
    const last = groups[groups.length - 1];
    if (last !== undefined && scores[last[0]!] === scores[c]) last.push(c);
    else groups.push([c]);
  }
  return groups;
}

/**
 * Counts approval ballots.
 *
 * @param ballots - One array of `nchoices` marks (0 or 1) per ballot.
 * @param options - `blankAllowed`, `nchoices` (default: length of the first ballot), `min`, `max`.
 * @returns Counts per choice, ballot counts and the ranking.
 * @throws {@link MalformedBallotsError} if a ballot does not have `nchoices` entries.
 * @throws {@link InvalidMethodOptionsError} if `nchoices`, `min` or `max` are out of range.
 * @example
 * ```ts
 * approval([[1, 1, 0], [0, 1, 0]], { blankAllowed: false }).winners; // [[1], [0], [2]]
 * ```
 */
export function approval(ballots: Ballots, options: ApprovalOptions): ApprovalResult {
  const packed = toPackedBallots(ballots);
  const n = choiceCount(packed, options.nchoices);
  const min = options.min ?? 0;
  const max = options.max ?? n;
  if (!Number.isSafeInteger(min) || min < 0 || min > n) {
    throw new InvalidMethodOptionsError('min', `must be an integer from 0 to ${n}`);
  }
  if (!Number.isSafeInteger(max) || max < min || max > n) {
    throw new InvalidMethodOptionsError('max', `must be an integer from min (${min}) to ${n}`);
  }
  requireBallotWidth(packed, n, 'marks');
  const { cells, offsets, count } = packed;
  const counts = new Float64Array(n);
  const invalid: number[][] = [];
  let valid = 0;
  let blank = 0;
  for (let b = 0; b < count; b++) {
    const base = offsets[b]!;
    let selected = 0;
    let marksOk = true;
    for (let c = 0; c < n; c++) {
      const mark = cells[base + c]!;
      if (mark === 1) selected++;
      else if (mark !== 0) marksOk = false;
    }
    if (marksOk && selected === 0 && options.blankAllowed) {
      blank++;
    } else if (marksOk && selected >= min && selected <= max) {
      valid++;
      for (let c = 0; c < n; c++) counts[c]! += cells[base + c]!;
    } else {
      invalid.push(ballotAt(packed, b));
    }
  }
  return {
    valid,
    ...(options.blankAllowed ? { blank } : {}),
    invalid,
    counts: Array.from(counts),
    winners: rankByScore(counts),
  };
}

/**
 * Counts plurality ballots: each valid ballot selects exactly one choice.
 *
 * @param ballots - One array of `nchoices` marks (a single 1, the rest 0) per ballot.
 * @param options - `blankAllowed` and `nchoices` (default: length of the first ballot).
 * @returns Counts per choice, ballot counts and the ranking.
 * @throws {@link MalformedBallotsError} if a ballot does not have `nchoices` entries.
 * @throws {@link InvalidMethodOptionsError} if `nchoices` is not positive and cannot be inferred.
 * @example
 * ```ts
 * plurality([[0, 1], [0, 1], [1, 0]], { blankAllowed: false }).winners; // [[1], [0]]
 * ```
 */
export function plurality(ballots: Ballots, options: PluralityOptions): ApprovalResult {
  return approval(ballots, { ...options, min: 1, max: 1 });
}
