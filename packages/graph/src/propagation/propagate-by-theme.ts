/**
 * @module
 * Thematic propagation: the groups whose themes are most similar (Jaccard), found through the
 * graph's own inverted index — each theme entity's `interested-in` edges list the groups
 * interested in it — so only groups sharing a theme are ever compared, the most promising first.
 * With a {@link ThemeIndex} (`options.themeIndex`) the search runs over the index's posting
 * lists instead, pruned by set sizes, and never builds a candidate's theme set.
 */
import { InvalidOptionsError } from '../errors/invalid-options-error';
import { INTERESTED_IN, type ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { isGroupAttributes } from '../model/read-attributes';
import { jaccard, widenThemes } from '../proximity/theme-set';
import { type PropagateOptions, resolvePropagateOptions } from './propagate-options';
import type { PropagationTarget } from './propagation-target';
import { sourceNode } from './source-node';
import { comparableThemes, targetEligibility } from './target-eligibility';

/** Groups interested in `theme` (the posting list of the theme). */
function forEachInterestedGroup(
  graph: ReadableGraph,
  theme: string,
  callback: (group: string) => void,
): void {
  graph.forEachEdge(theme, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (attributes?.type !== INTERESTED_IN || source === target) return;
    const group = source === theme ? target : source;
    if (isGroupAttributes(source === theme ? targetAttributes : sourceAttributes)) callback(group);
  });
}

/** The themes `group` shares with the source, sorted. */
function sharedThemes(graph: ReadableGraph, sourceThemes: Set<string>, group: string, themeDepth: number) {
  return jaccard(sourceThemes, comparableThemes(graph, group, themeDepth)).shared.sort(compareKeys);
}

/**
 * The `k` groups with the most similar themes, highest similarity first, ties by key. `score`
 * and `similarity` are the Jaccard similarity |A ∩ B| / |A ∪ B| of the two groups' theme sets;
 * only similarities > 0 (and ≥ `minSimilarity`) count. With `themeDepth` n > 0 each set also
 * holds the broader themes up to n `subclass-of` steps above its themes. With
 * `options.themeIndex` the same targets come from the index (see {@link createThemeIndex}).
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param from - Key of the announcing node.
 * @param options - See {@link PropagateOptions} (`by` is ignored).
 * @returns The targets, best first, with `sharedThemes`.
 * @throws {NodeNotFoundError} if `from` is not in the graph.
 * @throws {InvalidOptionsError} on bad options, or a `themeIndex` of another graph.
 * @example
 * propagateByTheme(graph, 'paris-food-bank', { k: 10, themeDepth: 1 });
 */
export function propagateByTheme(
  graph: ReadableGraph,
  from: string,
  options: PropagateOptions = {},
): PropagationTarget[] {
  from = sourceNode(graph, from);
  const resolved = resolvePropagateOptions({ ...options, by: 'theme' });
  const { k, themeDepth } = resolved;
  const minSimilarity = resolved.minSimilarity ?? 0;
  const sourceThemes = comparableThemes(graph, from, themeDepth);
  if (sourceThemes.size === 0 || k === 0) return [];
  const eligible = targetEligibility(graph, from, resolved);
  if (resolved.themeIndex) {
    if (resolved.themeIndex.graph !== graph) {
      throw new InvalidOptionsError('themeIndex: built for another graph', 'themeIndex');
    }
    return resolved.themeIndex
      .closest(sourceThemes, themeDepth, k, minSimilarity, eligible)
      .map((target) => ({
        ...target,
        sharedThemes: sharedThemes(graph, sourceThemes, target.key, themeDepth),
      }));
  }
  // Count, for every group, how many of the source's themes it holds: a group's widened set
  // holds theme t iff it is interested in t or in a narrower theme at most themeDepth steps below.
  const counts = new Map<string, number>();
  for (const theme of sourceThemes) {
    if (!graph.hasNode(theme)) continue;
    const reach = themeDepth > 0 ? widenThemes(graph, [theme], themeDepth, 'narrower') : [theme];
    const holders = new Set<string>();
    for (const narrower of reach) forEachInterestedGroup(graph, narrower, (group) => holders.add(group));
    for (const group of holders) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const buckets: string[][] = Array.from({ length: sourceThemes.size + 1 }, () => []);
  for (const [group, count] of counts) if (group !== from) buckets[count]!.push(group);
  // similarity = c / (|S| + |T| − c) ≤ c / |S|: visit groups by decreasing shared count and stop
  // once that bound falls below both the k-th best similarity and the minimum.
  let found: PropagationTarget[] = [];
  for (let shared = sourceThemes.size; shared >= 1; shared--) {
    const bound = shared / sourceThemes.size;
    if (bound < minSimilarity || (found.length >= k && bound < found[k - 1]!.score)) break;
    for (const key of buckets[shared]!) {
      if (!eligible(key)) continue;
      const match = jaccard(sourceThemes, comparableThemes(graph, key, themeDepth));
      if (match.similarity > 0 && match.similarity >= minSimilarity) {
        found.push({
          key,
          score: match.similarity,
          similarity: match.similarity,
          sharedThemes: match.shared.sort(compareKeys),
        });
      }
    }
    found = found.sort((a, b) => b.score - a.score || compareKeys(a.key, b.key)).slice(0, k);
  }
  return found;
}
