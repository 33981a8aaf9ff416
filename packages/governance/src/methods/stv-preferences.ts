/**
 * @module
 * The preference lists of single transferable vote (see `stv.ts`), as belenios-tool 2.0 builds
 * them (`stv.ml`): each valid ballot's choices in rank order, then the lists sorted as OCaml
 * compares lists and identical ones grouped, so the count handles each distinct list once.
 */
import type { PackedBallots } from './ballots';

/** The valid ballots' preference lists, packed, and the invalid ballots. */
export interface PreferenceLists {
  /** The v-th valid ballot's list is `prefs[prefStart[v]] … prefs[prefStart[v + 1] - 1]`. */
  readonly prefs: Float64Array;
  readonly prefStart: Uint32Array;
  /** How many ballots are valid. */
  readonly validCount: number;
  /** How many entries of `prefs` are used. */
  readonly prefLength: number;
  /** The highest choice ranked on a valid ballot (-1 if none). */
  readonly highest: number;
  /** Indices of the invalid ballots, in ballot order. */
  readonly invalidIndices: number[];
}

/**
 * The preference lists of ranked ballots. A ballot is valid when its ranks are exactly 1…k
 * for some k ≥ 0 (each once), the other entries being 0.
 *
 * @param packed - the ballots.
 * @returns the valid ballots' lists and the invalid ballots' indices.
 */
export function preferenceLists(packed: PackedBallots): PreferenceLists {
  const { cells, offsets, count } = packed;
  let width = 0;
  for (let b = 0; b < count; b++) width = Math.max(width, offsets[b + 1]! - offsets[b]!);
  const firstAt = new Int32Array(width + 2);
  const prefs = new Float64Array(cells.length);
  const prefStart = new Uint32Array(count + 1);
  const invalidIndices: number[] = [];
  let validCount = 0;
  let prefLength = 0;
  let highest = -1;
  for (let b = 0; b < count; b++) {
    const start = offsets[b]!;
    const m = offsets[b + 1]! - start;
    firstAt.fill(-1, 0, m + 2);
    for (let i = 0; i < m; i++) {
      const rank = cells[start + i]!;
      if (rank >= 1 && rank <= m && firstAt[rank]! < 0) firstAt[rank] = i;
    }
    let k = 0;
    while (firstAt[k + 1]! >= 0) k++;
    let ok = true;
    for (let i = 0; i < m && ok; i++) {
      const rank = cells[start + i]!;
      ok = rank === 0 || (rank >= 1 && rank <= k && firstAt[rank] === i);
    }
    if (!ok) {
      invalidIndices.push(b);
      continue;
    }
    for (let r = 1; r <= k; r++) {
      const choice = firstAt[r]!;
      prefs[prefLength++] = choice;
      if (choice > highest) highest = choice;
    }
    prefStart[++validCount] = prefLength;
  }
  return { prefs, prefStart, validCount, prefLength, highest, invalidIndices };
}

/** Lexicographic comparison of two runs of a Float64Array (a shorter prefix comes first). */
export function compareRuns(cells: Float64Array, a0: number, a1: number, b0: number, b1: number): number {
  const la = a1 - a0;
  const lb = b1 - b0;
  const l = Math.min(la, lb);
  for (let k = 0; k < l; k++) {
    const d = cells[a0 + k]! - cells[b0 + k]!;
    if (d !== 0) return d;
  }
  return la - lb;
}

/** Identical preference lists, grouped, in sorted order. */
export interface Kinds {
  /** Kind `k`'s list is `kindPrefs[kindStart[k]] … kindPrefs[kindStart[k + 1] - 1]`. */
  readonly kindPrefs: Float64Array;
  readonly kindStart: Uint32Array;
  /** How many ballots have kind `k`'s list. */
  readonly kindCount: Uint32Array;
}

/**
 * Sorts preference lists as OCaml compares lists (lexicographically, a prefix first) and groups
 * identical ones. When every list fits in a base-(choices + 1) number below 2^53, lists are
 * sorted as numbers (a typed-array sort, no comparator); otherwise with a comparator.
 */
export function sortKinds(
  prefs: Float64Array,
  prefStart: Uint32Array,
  count: number,
  choices: number,
): Kinds {
  let longest = 0;
  for (let v = 0; v < count; v++) longest = Math.max(longest, prefStart[v + 1]! - prefStart[v]!);
  const base = choices + 1;
  const kindCount: number[] = [];
  const kindStartList: number[] = [0];
  const out: number[] = [];
  if (longest * Math.log2(Math.max(base, 2)) < 52) {
    // Digit d + 1 for choice d, 0 past the end: numeric order is list order.
    const keys = new Float64Array(count);
    for (let v = 0; v < count; v++) {
      let key = 0;
      const end = prefStart[v + 1]!;
      let at = prefStart[v]!;
      for (let position = 0; position < longest; position++)
        key = key * base + (at < end ? prefs[at++]! + 1 : 0);
      keys[v] = key;
    }
    keys.sort();
    const digits = new Float64Array(longest);
    for (let s = 0; s < count; s++) {
      const key = keys[s]!;
      if (s > 0 && keys[s - 1] === key) {
        kindCount[kindCount.length - 1]!++;
        continue;
      }
      let rest = key;
      for (let position = longest - 1; position >= 0; position--) {
        const digit = rest % base;
        digits[position] = digit;
        rest = (rest - digit) / base;
      }
      for (let position = 0; position < longest && digits[position]! > 0; position++)
        out.push(digits[position]! - 1);
      kindStartList.push(out.length);
      kindCount.push(1);
    }
  } else {
    const order = Array.from({ length: count }, (_, v) => v);
    const compare = (a: number, b: number): number =>
      compareRuns(prefs, prefStart[a]!, prefStart[a + 1]!, prefStart[b]!, prefStart[b + 1]!);
    order.sort(compare);
    for (let s = 0; s < count; s++) {
      const v = order[s]!;
      if (s > 0 && compare(order[s - 1]!, v) === 0) {
        kindCount[kindCount.length - 1]!++;
        continue;
      }
      for (let at = prefStart[v]!; at < prefStart[v + 1]!; at++) out.push(prefs[at]!);
      kindStartList.push(out.length);
      kindCount.push(1);
    }
  }
  return {
    kindPrefs: Float64Array.from(out),
    kindStart: Uint32Array.from(kindStartList),
    kindCount: Uint32Array.from(kindCount),
  };
}
