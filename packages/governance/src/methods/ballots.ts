/**
 * @module
 * Ballots as the counting methods read them: one row of integers per voter, in the format of
 * `belenios-tool method` (Belenios 2.0 specification, non-homomorphic questions): a ranking
 * (1 = first, 0 = unranked), a grade (1 = best) or a 0/1 mark per choice.
 *
 * Rows are stored packed — one `Float64Array` of cells and one `Uint32Array` of row offsets — so
 * that large ballot sets are counted without one allocation per ballot.
 */
import { InvalidMethodOptionsError } from './errors/invalid-method-options-error';
import { MalformedBallotsError } from './errors/malformed-ballots-error';

/**
 * Ballots packed in two typed arrays: ballot `i` is `cells[offsets[i]] … cells[offsets[i + 1] - 1]`.
 * Build one with {@link packBallots} or {@link readBallots}.
 */
export interface PackedBallots {
  /** Number of ballots. */
  readonly count: number;
  /** `count + 1` offsets into {@link PackedBallots.cells}. */
  readonly offsets: Uint32Array;
  /** Every ballot's integers, one ballot after the other. */
  readonly cells: Float64Array;
}

/** What every counting method accepts: plain arrays of integers, or {@link PackedBallots}. */
export type Ballots = readonly (readonly number[])[] | PackedBallots;

/** Whether `ballots` is already packed. */
export function isPackedBallots(ballots: Ballots): ballots is PackedBallots {
  return !Array.isArray(ballots);
}

/**
 * Packs plain ballots into typed arrays.
 *
 * @param ballots - One array of integers per ballot.
 * @returns The same ballots, packed.
 * @throws {@link MalformedBallotsError} if a ballot is not an array or holds something other than a safe integer.
 * @example
 * ```ts
 * const packed = packBallots([[1, 2], [2, 1]]);
 * packed.count; // 2
 * ```
 */
export function packBallots(ballots: readonly (readonly number[])[]): PackedBallots {
  if (!Array.isArray(ballots)) throw new MalformedBallotsError('ballots', 'expected an array of ballots');
  let total = 0;
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i];
    if (!Array.isArray(ballot))
      throw new MalformedBallotsError(`ballots[${i}]`, 'expected an array of integers');
    total += ballot.length;
  }
  const offsets = new Uint32Array(ballots.length + 1);
  const cells = new Float64Array(total);
  let at = 0;
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i]!;
    for (let j = 0; j < ballot.length; j++) {
      const value = ballot[j];
      if (!Number.isSafeInteger(value)) {
        throw new MalformedBallotsError(`ballots[${i}][${j}]`, 'expected an integer');
      }
      cells[at++] = value as number;
    }
    offsets[i + 1] = at;
  }
  return { count: ballots.length, offsets, cells };
}

/** Packs `ballots` unless they already are. */
export function toPackedBallots(ballots: Ballots): PackedBallots {
  return isPackedBallots(ballots) ? ballots : packBallots(ballots);
}

/**
 * The number of choices to count: `nchoices` when given and non-zero, otherwise the length of the
 * first ballot (as belenios-tool infers it).
 *
 * @throws {@link InvalidMethodOptionsError} when neither gives a positive integer.
 */
export function choiceCount(ballots: PackedBallots, nchoices: number | undefined): number {
  const n =
    nchoices !== undefined && nchoices !== 0
      ? nchoices
      : ballots.count === 0
        ? undefined
        : ballots.offsets[1]! - ballots.offsets[0]!;
  if (n === undefined || !Number.isSafeInteger(n) || n <= 0) {
    throw new InvalidMethodOptionsError(
      'nchoices',
      'must be a positive integer (or inferable from a first ballot)',
    );
  }
  return n;
}

/** Throws unless every ballot has exactly `width` cells. */
export function requireBallotWidth(ballots: PackedBallots, width: number, what: string): void {
  const { offsets, count } = ballots;
  for (let i = 0; i < count; i++) {
    const length = offsets[i + 1]! - offsets[i]!;
    if (length !== width) {
      throw new MalformedBallotsError(`ballots[${i}]`, `has ${length} ${what}, expected ${width}`);
    }
  }
}

/** Ballot `index` as a fresh plain array. */
export function ballotAt(ballots: PackedBallots, index: number): number[] {
  return Array.from(ballots.cells.subarray(ballots.offsets[index]!, ballots.offsets[index + 1]!));
}
