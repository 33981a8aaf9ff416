/**
 * @module
 * The inverted index behind `ThemeIndex`: for one theme depth, theme → the groups whose
 * comparable theme set holds it, each list sorted by set size so a search reads one size class
 * at a time.
 */
import { INTERESTED_IN, type ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { isGroupAttributes } from '../model/read-attributes';
import { widenThemes } from './theme-set';

/** The posting lists of one theme depth. */
export interface ThemePostings {
  /** Group keys by group id, in key order. */
  groups: string[];
  /** Theme node key → theme id. */
  themeIds: Map<string, number>;
  /** Posting list of theme i: `members[start[i]..start[i+1]]`. */
  start: Uint32Array;
  /** Group ids, each posting list sorted by set size, then id. */
  members: Uint32Array;
  /** The set size of each entry of `members`. */
  memberSizes: Uint32Array;
  /** The largest set size. */
  maxSize: number;
  /** Scratch counters, one per group, all zero between searches. */
  counts: Uint32Array;
}

/**
 * The posting lists of a graph at one theme depth: every group's theme set (its `interested-in`
 * themes widened by `depth` `subclass-of` steps), inverted.
 *
 * @param graph - the graph.
 * @param depth - `subclass-of` steps of widening.
 * @returns the posting lists, each sorted by set size, then group id.
 */
export function buildThemePostings(graph: ReadableGraph, depth: number): ThemePostings {
  const groups: string[] = [];
  const candidates: string[] = [];
  graph.forEachNode((key, attributes) => {
    if (isGroupAttributes(attributes)) groups.push(key);
    else candidates.push(key);
  });
  // Group ids in key order: ties of similarity are then broken by comparing ids.
  groups.sort(compareKeys);
  const groupIds = new Map<string, number>(groups.map((key, id) => [key, id]));
  const themeIds = new Map<string, number>();
  const themeKeys: string[] = [];
  const themeId = (key: string) => {
    let id = themeIds.get(key);
    if (id === undefined) {
      id = themeKeys.length;
      themeIds.set(key, id);
      themeKeys.push(key);
    }
    return id;
  };
  // A group's themes are the non-group ends of its interested-in edges (see themesOf); walking
  // them from the theme side touches only the themes' edges, not every edge of every group.
  const pairGroup: number[] = [];
  const pairTheme: number[] = [];
  for (const theme of candidates) {
    let id = -1;
    graph.forEachEdge(theme, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
      if (attributes?.type !== INTERESTED_IN || source === target) return;
      const other = source === theme ? target : source;
      if (!isGroupAttributes(source === theme ? targetAttributes : sourceAttributes)) return;
      if (id < 0) id = themeId(theme);
      // A parallel edge repeats the pair; the sets below are built without repeats.
      pairGroup.push(groupIds.get(other)!);
      pairTheme.push(id);
    });
  }
  // Direct themes per group, then widened: the union of each theme's widening, which is the
  // widening of the union (themes within `depth` steps of any of them).
  const direct = new Uint32Array(groups.length + 1);
  for (const group of pairGroup) direct[group + 1]!++;
  for (let g = 0; g < groups.length; g++) direct[g + 1]! += direct[g]!;
  const directThemes = new Uint32Array(pairGroup.length);
  const fill = direct.slice(0, groups.length);
  for (let i = 0; i < pairGroup.length; i++) directThemes[fill[pairGroup[i]!]!++] = pairTheme[i]!;
  const wider = new Map<number, number[]>();
  const widened = (theme: number): number[] => {
    let all = wider.get(theme);
    if (all === undefined) {
      all = [...widenThemes(graph, [themeKeys[theme]!], depth, 'broader')].map(themeId);
      wider.set(theme, all);
    }
    return all;
  };
  const setStart = new Uint32Array(groups.length + 1);
  const setThemes: number[] = [];
  const mark: number[] = []; // theme id → 1 + the last group whose set took it
  for (let g = 0; g < groups.length; g++) {
    for (let i = direct[g]!; i < direct[g + 1]!; i++) {
      const themes = depth > 0 ? widened(directThemes[i]!) : [directThemes[i]!];
      for (const theme of themes) {
        if (mark[theme] === g + 1) continue;
        mark[theme] = g + 1;
        setThemes.push(theme);
      }
    }
    setStart[g + 1] = setThemes.length;
  }
  // Posting lists, filled group by group in order of set size (then id), so each is sorted.
  let maxSize = 0;
  for (let g = 0; g < groups.length; g++) maxSize = Math.max(maxSize, setStart[g + 1]! - setStart[g]!);
  const bySize = new Uint32Array(maxSize + 2);
  for (let g = 0; g < groups.length; g++) bySize[setStart[g + 1]! - setStart[g]! + 1]!++;
  for (let t = 0; t <= maxSize; t++) bySize[t + 1]! += bySize[t]!;
  const order = new Uint32Array(groups.length);
  for (let g = 0; g < groups.length; g++) order[bySize[setStart[g + 1]! - setStart[g]!]!++] = g;
  const start = new Uint32Array(themeKeys.length + 1);
  for (const theme of setThemes) start[theme + 1]!++;
  for (let i = 0; i < themeKeys.length; i++) start[i + 1]! += start[i]!;
  const next = start.slice(0, themeKeys.length);
  const members = new Uint32Array(setThemes.length);
  const memberSizes = new Uint32Array(setThemes.length);
  for (const g of order) {
    const size = setStart[g + 1]! - setStart[g]!;
    for (let i = setStart[g]!; i < setStart[g + 1]!; i++) {
      const at = next[setThemes[i]!]!++;
      members[at] = g;
      memberSizes[at] = size;
    }
  }
  return { groups, themeIds, start, members, memberSizes, maxSize, counts: new Uint32Array(groups.length) };
}
