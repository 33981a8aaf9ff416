/**
 * @module
 * Majority judgment (Balinski & Laraki, *Majority Judgment*, MIT Press 2010), as belenios-tool 2.0
 * counts it (`majority_judgment.ml`).
 *
 * Grades are integers from 1 (best) to `ngrades` (worst). A choice's *majority value* is the
 * sequence of its successive median grades: take the median, remove one copy of it, take the
 * median of what is left, and so on until no grade is left. Choices are ranked by comparing their
 * majority values lexicographically (smaller grade numbers first); equal majority values are tied.
 *
 * Median convention: with an even number of grades left, the median is the *lower* of the two
 * middle grade numbers, i.e. the better of the two middle grades — this is belenios-tool's rule.
 * Balinski and Laraki's book takes the worse of the two; pass `median: 'worse'` for that.
 */
import { type Ballots, ballotAt, choiceCount, requireBallotWidth, toPackedBallots } from './ballots';
import { InvalidMethodOptionsError } from './errors/invalid-method-options-error';
import { ocamlHeapSort } from './ocaml-heap-sort';

/** Options of {@link majorityJudgment}. */
export interface MajorityJudgmentOptions {
  /** Number of choices; 0 or absent: the length of the first ballot. */
  readonly nchoices?: number;
  /** Number of grades: valid grades are 1 (best) … `ngrades` (worst). */
  readonly ngrades: number;
  /** Whether a ballot of only zeros counts as blank (otherwise it is invalid). */
  readonly blankAllowed: boolean;
  /**
   * Which middle grade is the median when an even number of grades is left: `'better'` (the lower
   * grade number; belenios-tool, the default) or `'worse'` (Balinski–Laraki's lower median).
   */
  readonly median?: 'better' | 'worse';
}

/** The result of {@link majorityJudgment}, shaped exactly as `belenios-tool method majority-judgment` prints it. */
export interface MajorityJudgmentResult {
  /** `raw[c][g]`: valid ballots giving choice `c` the grade `g + 1`. */
  readonly raw: readonly (readonly number[])[];
  /** Valid ballots. */
  readonly valid: number;
  /** Blank ballots (only present when blank ballots are allowed). */
  readonly blank?: number;
  /** Invalid ballots, as given, in reverse order of input (as belenios-tool lists them). */
  readonly invalid: readonly (readonly number[])[];
  /** The ranking: groups of tied choices (0-based indices), best group first. */
  readonly winners: readonly (readonly number[])[];
}

/**
 * The order in which positions of a sorted vector of `n` grades are taken as successive medians.
 */
function medianOrder(n: number, median: 'better' | 'worse'): Int32Array {
  const order = new Int32Array(n);
  if (n === 0) return order;
  let k = 0;
  let lo: number;
  let hi: number;
  if (n % 2 === 1) {
    const middle = (n - 1) >> 1;
    order[k++] = middle;
    lo = middle - 1;
    hi = middle + 1;
  } else {
    lo = n / 2 - 1;
    hi = n / 2;
  }
  // After the odd middle, an even number is left: take one side then the other.
  while (k < n) {
    if (median === 'better') {
      order[k++] = lo--;
      order[k++] = hi++;
    } else {
      order[k++] = hi++;
      order[k++] = lo--;
    }
  }
  return order;
}

/**
 * Counts graded ballots with majority judgment.
 *
 * A ballot is valid when it grades every choice from 1 to `ngrades`; with `blankAllowed`, a
 * ballot of only zeros is blank; every other ballot is invalid (listed, not counted).
 *
 * @param ballots - One array of `nchoices` grades per ballot.
 * @param options - `ngrades`, `blankAllowed`, `nchoices` (default: length of the first ballot), `median`.
 * @returns Grade counts, ballot counts and the ranking.
 * @throws {@link MalformedBallotsError} if a ballot does not have `nchoices` entries.
 * @throws {@link InvalidMethodOptionsError} if `ngrades` is not positive, or `nchoices` is not positive and cannot be inferred.
 * @example
 * ```ts
 * majorityJudgment([[1, 2], [2, 3], [1, 3]], { ngrades: 3, blankAllowed: false }).winners; // [[0], [1]]
 * ```
 */
export function majorityJudgment(ballots: Ballots, options: MajorityJudgmentOptions): MajorityJudgmentResult {
  const packed = toPackedBallots(ballots);
  const n = choiceCount(packed, options.nchoices);
  const grades = options.ngrades;
  if (!Number.isSafeInteger(grades) || grades <= 0) {
    throw new InvalidMethodOptionsError('ngrades', 'must be a positive integer');
  }
  const { cells, offsets, count } = packed;
  const raw = new Float64Array(n * grades);
  const invalidIndices: number[] = [];
  let blank = 0;
  let valid = 0;
  for (let b = 0; b < count; b++) {
    const base = offsets[b]!;
    if (offsets[b + 1]! - base !== n) requireBallotWidth(packed, n, 'grades');
    let ok = true;
    let zeros = true;
    for (let c = 0; c < n; c++) {
      const grade = cells[base + c]!;
      if (!(grade > 0 && grade <= grades)) ok = false;
      if (grade !== 0) zeros = false;
    }
    if (ok) {
      for (let c = 0; c < n; c++) raw[c * grades + cells[base + c]! - 1]!++;
      valid++;
    } else if (zeros && options.blankAllowed) {
      blank++;
    } else {
      invalidIndices.push(b);
    }
  }
  const invalid: number[][] = [];
  for (let k = invalidIndices.length - 1; k >= 0; k--) invalid.push(ballotAt(packed, invalidIndices[k]!));

  // Majority values, compared lazily: the k-th median of a choice is the grade at position
  // order[k] of its sorted grades, read from cumulative counts (no per-voter arrays).
  const order = medianOrder(valid, options.median ?? 'better');
  const cumulative = new Float64Array(n * grades);
  for (let c = 0; c < n; c++) {
    let total = 0;
    for (let g = 0; g < grades; g++) {
      total += raw[c * grades + g]!;
      cumulative[c * grades + g] = total;
    }
  }
  /** 0-based grade at `position` of choice `c`'s sorted grades. */
  const gradeAt = (c: number, position: number): number => {
    let lo = c * grades;
    let hi = lo + grades - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > position) hi = mid;
      else lo = mid + 1;
    }
    return lo - c * grades;
  };
  const compareValues = (a: number, b: number): number => {
    for (let k = 0; k < valid; k++) {
      const position = order[k]!;
      const d = gradeAt(a, position) - gradeAt(b, position);
      if (d !== 0) return d;
    }
    return 0;
  };
  const choices = Array.from({ length: n }, (_, c) => c);
  ocamlHeapSort(choices, compareValues);
  // Ties gather after their first member, most recent first (belenios-tool's `exaequos`).
  const winners: number[][] = [];
  for (let i = 0; i < n; ) {
    const first = choices[i]!;
    const group = [first];
    let j = i + 1;
    while (j < n && compareValues(first, choices[j]!) === 0) group.unshift(choices[j++]!);
    winners.push(group);
    i = j;
  }
  const rawRows: number[][] = [];
  for (let c = 0; c < n; c++) rawRows.push(Array.from(raw.subarray(c * grades, c * grades + grades)));
  return {
    raw: rawRows,
    valid,
    ...(options.blankAllowed ? { blank } : {}),
    invalid,
    winners,
  };
}
