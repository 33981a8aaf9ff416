/**
 * @module
 * An inverted index from themes to the groups that hold them, for thematic propagation on large
 * graphs, and the exact top-k search over it.
 *
 * For each `themeDepth` asked for, the index holds every group's comparable theme set T (its
 * `interested-in` themes, widened by that many `subclass-of` steps) as posting lists: theme →
 * groups holding it, sorted by |T| (`theme-postings.ts`); the search over them is exact and
 * stops as soon as no unread size class can enter the top k (`theme-search.ts`). The index
 * follows the graph's events and drops stale lists.
 */
import type { ReadableGraph } from '../model/attributes';
import type { PropagationTarget } from '../propagation/propagation-target';
import { GraphSubscription, touches } from './graph-subscription';
import { buildThemePostings, type ThemePostings } from './theme-postings';
import { closestInPostings } from './theme-search';

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
      postings = buildThemePostings(this.graph, depth);
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
    if (sourceThemes.size === 0 || k <= 0) return [];
    return closestInPostings(this.postings(depth), sourceThemes, k, minSimilarity, accept);
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
