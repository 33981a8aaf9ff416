/**
 * @module
 * An inverted index from themes to the groups that hold them, for thematic propagation on large
 * graphs, and the exact top-k search over it.
 *
 * For each `themeDepth` asked for, the index holds every group's comparable theme set T (its
 * `interested-in` themes, widened by that many `subclass-of` steps) as posting lists: theme →
 * groups holding it, sorted by |T|. The Jaccard similarity of a source set S and T is
 * c / (|S| + |T| − c) with c = |S ∩ T|, and c ≤ min(|S|, |T|), so a group of set size t can reach
 * at most min(|S|, t) / max(|S|, t) — the size bound of set-similarity joins. The search visits
 * size classes by decreasing bound, counts c for the groups of each class in the source themes'
 * posting lists (so the similarity is exact, without building T), and stops when the bound
 * falls below the k-th best similarity found (strictly: a group tying with the k-th can still
 * enter by key). Size classes past that point are never read.
 */
import { INTERESTED_IN, type ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { isGroupAttributes } from '../model/read-attributes';
import type { PropagationTarget } from '../propagation/propagation-target';
import { GraphSubscription, touches } from './graph-subscription';
import { widenThemes } from './theme-set';

/** The posting lists of one theme depth. */
interface ThemePostings {
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

/** First position in `sizes[from..to)` (sorted) whose value is ≥ `size`. */
function lowerBound(sizes: Uint32Array, from: number, to: number, size: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sizes[mid]! < size) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merge two rankings (similarity descending, then id ascending) into one of at most `k`
 * entries.
 */
function merge(
  ids: number[],
  similarities: number[],
  otherIds: number[],
  otherSimilarities: number[],
  k: number,
): [number[], number[]] {
  const mergedIds: number[] = [];
  const mergedSimilarities: number[] = [];
  let i = 0;
  let j = 0;
  while (mergedIds.length < k && (i < ids.length || j < otherIds.length)) {
    const takeFirst =
      j >= otherIds.length ||
      (i < ids.length &&
        (similarities[i]! > otherSimilarities[j]! ||
          (similarities[i] === otherSimilarities[j] && ids[i]! < otherIds[j]!)));
    if (takeFirst) {
      mergedIds.push(ids[i]!);
      mergedSimilarities.push(similarities[i++]!);
    } else {
      mergedIds.push(otherIds[j]!);
      mergedSimilarities.push(otherSimilarities[j++]!);
    }
  }
  return [mergedIds, mergedSimilarities];
}

function buildPostings(graph: ReadableGraph, depth: number): ThemePostings {
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

/**
 * Thematic index of a graph: for each theme, the groups that hold it, by set size. Create it
 * with {@link createThemeIndex} and pass it to `propagate` as `themeIndex`; call
 * {@link ThemeIndex.dispose} when the graph is no longer watched. The lists of a `themeDepth`
 * are built at the first search with that depth; any change to the graph's themes, links or
 * node kinds drops them, to be rebuilt at the next search.
 */
export class ThemeIndex {
  /** The indexed graph. */
  readonly graph: ReadableGraph;
  private readonly byDepth = new Map<number, ThemePostings>();
  private readonly subscription: GraphSubscription;

  /** @param graph - The graph to index; its events keep the index current. */
  constructor(graph: ReadableGraph) {
    this.graph = graph;
    this.subscription = new GraphSubscription(graph);
    const stale = () => this.rebuild();
    for (const event of [
      'nodeAdded',
      'nodeDropped',
      'edgeAdded',
      'edgeDropped',
      'cleared',
      'edgesCleared',
      'eachNodeAttributesUpdated',
      'eachEdgeAttributesUpdated',
    ]) {
      this.subscription.on(event, stale);
    }
    // Only a group becoming an entity (or back) changes who holds themes; an edge's type
    // decides whether it is an interest or a subclass link.
    this.subscription.on('nodeAttributesUpdated', (p) => {
      if (touches(p, ['kind'])) stale();
    });
    this.subscription.on('edgeAttributesUpdated', (p) => {
      if (touches(p, ['type'])) stale();
    });
  }

  /** Stop listening to the graph. The index keeps answering from its last state. */
  dispose(): void {
    this.subscription.dispose();
  }

  /** Drop every posting list; each is rebuilt at the next search that needs it. */
  rebuild(): void {
    this.byDepth.clear();
  }

  /**
   * Build the posting lists of `themeDepth` now rather than at the first search with it.
   *
   * @param themeDepth - `subclass-of` steps of widening (default 0).
   */
  prepare(themeDepth = 0): void {
    this.postings(themeDepth);
  }

  private postings(depth: number): ThemePostings {
    let postings = this.byDepth.get(depth);
    if (postings === undefined) {
      postings = buildPostings(this.graph, depth);
      this.byDepth.set(depth, postings);
    }
    return postings;
  }

  /**
   * The `k` groups whose comparable theme sets (at `depth`) are most similar to `sourceThemes`,
   * highest Jaccard similarity first, ties by key; only similarities > 0 and ≥ `minSimilarity`,
   * only groups that `accept` takes. Targets carry `score` and `similarity`, not `sharedThemes`.
   *
   * @param sourceThemes - The source's comparable themes at `depth`.
   * @param depth - `subclass-of` steps of widening.
   * @param k - How many targets at most (`Infinity` for all).
   * @param minSimilarity - Smallest similarity kept.
   * @param accept - Whether a group may be a target.
   */
  closest(
    sourceThemes: ReadonlySet<string>,
    depth: number,
    k: number,
    minSimilarity: number,
    accept: (key: string) => boolean,
  ): PropagationTarget[] {
    const s = sourceThemes.size;
    if (s === 0 || k <= 0) return [];
    const { groups, themeIds, start, members, memberSizes, maxSize, counts } = this.postings(depth);
    const lists: number[] = [];
    for (const theme of sourceThemes) {
      const id = themeIds.get(theme);
      if (id !== undefined) lists.push(id);
    }
    // The best so far, by similarity descending then id (= key) ascending, at most k.
    let foundIds: number[] = [];
    let foundSimilarities: number[] = [];
    const touched: number[] = [];
    const byShared: number[][] = Array.from({ length: s + 1 }, () => []);
    // Size classes by decreasing bound: t = s, then t < s (bound t/s) and t > s (bound s/t)
    // merged, whichever bound is larger first.
    let below = Math.min(s, maxSize);
    let above = s + 1;
    while (below >= 1 || above <= maxSize) {
      let t: number;
      if (above > maxSize || (below >= 1 && below * above >= s * s)) t = below--;
      else t = above++;
      const full = foundIds.length >= k;
      const kthSimilarity = full ? foundSimilarities[k - 1]! : 0;
      const kthId = full ? foundIds[k - 1]! : 0;
      const bound = Math.min(s, t) / Math.max(s, t);
      if (bound < minSimilarity || (full && bound < kthSimilarity)) break;
      for (const theme of lists) {
        const end = lowerBound(memberSizes, start[theme]!, start[theme + 1]!, t + 1);
        for (let i = lowerBound(memberSizes, start[theme]!, end, t); i < end; i++) {
          const group = members[i]!;
          const count = counts[group]!;
          if (count === 0) touched.push(group);
          counts[group] = count + 1;
        }
      }
      for (const group of touched) {
        byShared[counts[group]!]!.push(group);
        counts[group] = 0;
      }
      touched.length = 0;
      // Within a class the similarity c / (s + t − c) grows with the shared count c: visit
      // counts downwards and, at equal count, ids upwards; the first k acceptable groups are
      // the class's best, and no other group of the class can enter the top k.
      const enteringIds: number[] = [];
      const enteringSimilarities: number[] = [];
      let closed = false;
      for (let c = Math.min(s, t); c >= 1; c--) {
        const bucket = byShared[c]!;
        if (closed || bucket.length === 0) {
          bucket.length = 0;
          continue;
        }
        const similarity = c / (s + t - c);
        if (similarity < minSimilarity || (full && similarity < kthSimilarity)) {
          closed = true;
          bucket.length = 0;
          continue;
        }
        bucket.sort((a, b) => a - b);
        for (const id of bucket) {
          if (enteringIds.length >= k || (full && similarity === kthSimilarity && id > kthId)) {
            closed = true;
            break;
          }
          if (!accept(groups[id]!)) continue;
          enteringIds.push(id);
          enteringSimilarities.push(similarity);
        }
        bucket.length = 0;
      }
      if (enteringIds.length > 0) {
        [foundIds, foundSimilarities] = merge(
          foundIds,
          foundSimilarities,
          enteringIds,
          enteringSimilarities,
          k,
        );
      }
    }
    return foundIds.map((id, i) => ({
      key: groups[id]!,
      score: foundSimilarities[i]!,
      similarity: foundSimilarities[i]!,
    }));
  }
}

/**
 * Build a thematic index of a graph (posting lists for `themeDepth` 0 at once, other depths at
 * their first search). It follows later changes of the graph through its events.
 *
 * @param graph - Any graph following the Imago attribute contract.
 * @returns The index; pass it to `propagate(graph, from, { by: 'theme', themeIndex })`.
 * @example
 * const themeIndex = createThemeIndex(graph);
 * propagate(graph, 'lyon-repair-cafe', { by: 'theme', k: 5, themeIndex });
 */
export function createThemeIndex(graph: ReadableGraph): ThemeIndex {
  const index = new ThemeIndex(graph);
  index.prepare(0);
  return index;
}
