/**
 * @module
 * Single transferable vote, as belenios-tool 2.0 counts it (`stv.ml`).
 *
 * A ballot ranks choices from 1 (first) upwards; 0 leaves a choice unranked. It is valid when its
 * ranks are exactly 1…k for some k ≥ 0 (each once), the other entries being 0; its preference list
 * is the choices in rank order. The Droop quota is ⌊valid / (nseats + 1)⌋ + 1 (empty preference
 * lists count as valid ballots).
 *
 * Each round assigns every ballot to its first remaining choice and totals the ballots' weights
 * (floating point, summed in belenios-tool's order so ties and totals are bit-for-bit identical).
 * If the best total reaches the quota, that single choice wins and its ballots continue with weight
 * multiplied by (total − quota) / total; otherwise the worst choice is eliminated and its ballots
 * continue with their weight. Ties are broken by index: the lowest index wins, the highest
 * index is eliminated; each such tie is logged (`TieWin`, `TieLose`). Only choices that appear
 * on some valid ballot take part; when no more of them are left than seats remain, they all win.
 */
import { type Ballots, ballotAt, toPackedBallots } from './ballots';
import { InvalidMethodOptionsError } from './errors/invalid-method-options-error';
import { compareRuns, preferenceLists, sortKinds } from './stv-preferences';

/** Options of {@link stv}. */
export interface StvOptions {
  /** Number of seats to fill (positive). */
  readonly nseats: number;
}

/**
 * One step of an STV count, as belenios-tool logs it: `['Win', [c…]]` elects choices,
 * `['Lose', c]` eliminates one, `['TieWin', [c, d]]` / `['TieLose', [c, d]]` record that `c` was
 * elected / eliminated while `d` had the same total.
 */
export type StvEvent =
  | readonly ['Win', readonly number[]]
  | readonly ['Lose', number]
  | readonly ['TieWin', readonly [number, number]]
  | readonly ['TieLose', readonly [number, number]];

/** The result of {@link stv}, shaped exactly as `belenios-tool method stv` prints it. */
export interface StvResult {
  /** Valid ballots as preference lists (choice indices, best first), sorted. */
  readonly ballots: readonly (readonly number[])[];
  /** Invalid ballots, as given, sorted (shorter first, then lexicographically). */
  readonly invalid: readonly (readonly number[])[];
  /** What happened, in order. */
  readonly events: readonly StvEvent[];
  /** Elected choices, in order of election. */
  readonly winners: readonly number[];
}

/**
 * Counts ranked ballots with single transferable vote.
 *
 * @param ballots - One ranking per ballot (1 = first, 0 = unranked); lengths may differ.
 * @param options - `nseats`.
 * @returns The sorted valid and invalid ballots, the events of the count and the elected choices.
 * @throws {@link InvalidMethodOptionsError} if `nseats` is not a positive integer.
 * @example
 * ```ts
 * stv([[1, 2, 0], [1, 0, 2], [0, 1, 2]], { nseats: 1 }).winners; // [0]
 * ```
 */
export function stv(ballots: Ballots, options: StvOptions): StvResult {
  const nseats = options.nseats;
  if (!Number.isSafeInteger(nseats) || nseats <= 0) {
    throw new InvalidMethodOptionsError('nseats', 'must be a positive integer');
  }
  const packed = toPackedBallots(ballots);
  const { cells, offsets } = packed;

  // 1. Preference lists of the valid ballots, and the invalid ones.
  const { prefs, prefStart, validCount, prefLength, highest, invalidIndices } = preferenceLists(packed);

  // 2. Sort valid preference lists (OCaml's `compare` on lists) and group identical ones into kinds.
  const { kindPrefs, kindStart, kindCount } = sortKinds(prefs, prefStart, validCount, highest + 1);
  const kinds = kindCount.length;
  const sortedBallots: number[][] = [];
  for (let k = 0; k < kinds; k++) {
    const list = Array.from(kindPrefs.subarray(kindStart[k]!, kindStart[k + 1]!));
    for (let copies = kindCount[k]!; copies > 0; copies--) sortedBallots.push(list);
  }

  // 3. Count rounds over kinds of ballots, in belenios-tool's list order.
  const choiceCount = highest + 1;
  const weight = new Float64Array(kinds).fill(1);
  const cursor = new Uint32Array(kinds); // position of the first remaining choice in the kind's list
  for (let k = 0; k < kinds; k++) cursor[k] = kindStart[k]!;
  const removed = new Uint8Array(choiceCount);
  const present = new Uint8Array(choiceCount);
  for (let p = 0; p < prefLength; p++) present[prefs[p]!] = 1;
  let list = Int32Array.from({ length: kinds }, (_, k) => k);
  let next = new Int32Array(kinds);
  const firstChoice = new Int32Array(kinds);
  const totals = new Float64Array(choiceCount);
  const bucketCounts = new Uint32Array(choiceCount);
  const bucketStart = new Uint32Array(choiceCount);
  const quota = Math.floor(validCount / (nseats + 1)) + 1;
  const events: StvEvent[] = [];
  let seats = nseats;
  let listLength = kinds;
  while (seats > 0) {
    const remaining: number[] = [];
    for (let c = 0; c < choiceCount; c++) if (present[c] && !removed[c]) remaining.push(c);
    if (remaining.length <= seats) {
      events.push(['Win', remaining]);
      break;
    }
    // First remaining choice of each kind still in the list.
    let kept = 0;
    for (let t = 0; t < listLength; t++) {
      const k = list[t]!;
      const end = kindStart[k + 1]!;
      let at = cursor[k]!;
      while (at < end && removed[kindPrefs[at]!]) at++;
      cursor[k] = at;
      if (at < end) {
        firstChoice[k] = kindPrefs[at]!;
        list[kept++] = k;
      }
    }
    listLength = kept;
    bucketCounts.fill(0);
    for (let t = 0; t < listLength; t++) bucketCounts[firstChoice[list[t]!]!]!++;
    // Totals: belenios-tool sums each choice's ballots in reverse list order.
    totals.fill(0);
    for (let t = listLength - 1; t >= 0; t--) {
      const k = list[t]!;
      const c = firstChoice[k]!;
      const w = weight[k]!;
      let total = totals[c]!;
      for (let copies = kindCount[k]!; copies > 0; copies--) total += w;
      totals[c] = total;
    }
    // Greater total first, then lower index.
    remaining.sort((a, b) => (totals[a] === totals[b] ? a - b : totals[b]! - totals[a]!));
    const best = remaining[0]!;
    let chosen: number;
    let factor = 1;
    if (totals[best]! >= quota) {
      chosen = best;
      const second = remaining[1];
      if (second !== undefined && totals[second] === totals[best]) events.push(['TieWin', [best, second]]);
      factor = (totals[best]! - quota) / totals[best]!;
      events.push(['Win', [best]]);
      seats--;
    } else {
      const worst = remaining[remaining.length - 1]!;
      chosen = worst;
      const before = remaining[remaining.length - 2];
      if (before !== undefined && totals[before] === totals[worst]) events.push(['TieLose', [worst, before]]);
      events.push(['Lose', worst]);
    }
    // The next list: choices from last to first in the sorted order, each with its ballots in list order.
    let filled = 0;
    for (let r = remaining.length - 1; r >= 0; r--) {
      const c = remaining[r]!;
      bucketStart[c] = filled;
      filled += bucketCounts[c]!;
    }
    for (let t = 0; t < listLength; t++) {
      const k = list[t]!;
      next[bucketStart[firstChoice[k]!]!++] = k;
    }
    if (factor !== 1) {
      for (let t = 0; t < listLength; t++) {
        const k = list[t]!;
        if (firstChoice[k] === chosen) weight[k] = weight[k]! * factor;
      }
    }
    removed[chosen] = 1;
    [list, next] = [next, list];
    listLength = filled;
  }

  const winners: number[] = [];
  for (const event of events) if (event[0] === 'Win') winners.push(...event[1]);

  // OCaml's `compare` on arrays: shorter first, then element by element.
  const invalidSorted = invalidIndices.sort(
    (a, b) =>
      offsets[a + 1]! - offsets[a]! - (offsets[b + 1]! - offsets[b]!) ||
      compareRuns(cells, offsets[a]!, offsets[a + 1]!, offsets[b]!, offsets[b + 1]!),
  );
  return {
    ballots: sortedBallots,
    invalid: invalidSorted.map((b) => ballotAt(packed, b)),
    events,
    winners,
  };
}
