/**
 * @module
 * Thematic propagation: the groups whose themes are most similar (Jaccard), found through the
 * graph's own inverted index — each theme entity's `interested-in` edges list the groups
 * interested in it — so only groups sharing a theme are ever compared.
 */
import { type GraphLike, INTERESTED_IN } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { isGroupAttributes } from '../model/read-attributes';
import { jaccard, widenThemes } from '../proximity/theme-set';
import { type PropagateOptions, resolvePropagateOptions } from './propagate-options';
import type { PropagationTarget } from './propagation-target';
import { sourceNode } from './source-node';
import { comparableThemes, targetEligibility } from './target-eligibility';

/** Groups interested in `theme` (the posting list of the theme). */
function forEachInterestedGroup(graph: GraphLike, theme: string, callback: (group: string) => void): void {
  graph.forEachEdge(theme, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (attributes?.type !== INTERESTED_IN || source === target) return;
    const group = source === theme ? target : source;
    if (isGroupAttributes(source === theme ? targetAttributes : sourceAttributes)) callback(group);
  });
}

/**
 * The `k` groups with the most similar themes, highest similarity first, ties by key. `score`
 * and `similarity` are the Jaccard similarity |A ∩ B| / |A ∪ B| of the two groups' theme sets;
 * only similarities > 0 (and ≥ `minSimilarity`) count. With `themeDepth` n > 0 each set also
 * holds the broader themes up to n `subclass-of` steps above its themes.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param from - Key of the announcing node.
 * @param options - See {@link PropagateOptions} (`by` is ignored).
 * @returns The targets, best first, with `sharedThemes`.
 * @throws {NodeNotFoundError} if `from` is not in the graph.
 * @throws {InvalidOptionsError} on bad options.
 * @example
 * propagateByTheme(graph, 'paris-food-bank', { k: 10, themeDepth: 1 });
 */
export function propagateByTheme(graph: GraphLike, from: string, options: PropagateOptions = {}): PropagationTarget[] {
  from = sourceNode(graph, from);
  const resolved = resolvePropagateOptions({ ...options, by: 'theme' });
  const { k, themeDepth } = resolved;
  const minSimilarity = resolved.minSimilarity ?? 0;
  const sourceThemes = comparableThemes(graph, from, themeDepth);
  if (sourceThemes.size === 0 || k === 0) return [];
  const eligible = targetEligibility(graph, from, resolved);
  // A group's widened set holds theme t iff it is interested in t or in a narrower theme at most
  // themeDepth steps below t.
  const postings = themeDepth > 0 ? widenThemes(graph, sourceThemes, themeDepth, 'narrower') : sourceThemes;
  const candidates = new Set<string>();
  for (const theme of postings) {
    if (graph.hasNode(theme)) forEachInterestedGroup(graph, theme, (group) => candidates.add(group));
  }
  const found: PropagationTarget[] = [];
  for (const key of candidates) {
    if (!eligible(key)) continue;
    const { similarity, shared } = jaccard(sourceThemes, comparableThemes(graph, key, themeDepth));
    if (similarity > 0 && similarity >= minSimilarity) {
      found.push({ key, score: similarity, similarity, sharedThemes: shared.sort(compareKeys) });
    }
  }
  return found.sort((a, b) => b.score - a.score || compareKeys(a.key, b.key)).slice(0, k);
}
