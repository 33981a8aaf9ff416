/**
 * @module
 * Composite propagation: a weighted combination of the three proximities, chosen by the
 * announcing group.
 *
 * Formula. For a target t, each component is normalised to [0, 1], 1 being closest:
 * - geo: g = 1 / (1 + d / s), d the distance in km, s = `geoScaleKm` (default 10 km, where g = ½);
 * - relation: r = 1 / h, h the fewest hops over accepted relations;
 * - theme: j, the Jaccard similarity of the theme sets.
 * A component that does not apply (no location on either side, unreachable, no shared theme)
 * is 0. score = (w_geo·g + w_relation·r + w_theme·j) / (w_geo + w_relation + w_theme), weights
 * default to 1 each (an omitted weight is 0 once `weights` is given). Only targets with
 * score > 0 are kept; `radiusKm`, `maxHops` and `minSimilarity`, when given, are hard limits.
 */
import type { ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { isGroupAttributes } from '../model/read-attributes';
import { haversineKm } from '../proximity/haversine';
import { relationHops } from '../proximity/relation-hops';
import { resolveLocation } from '../proximity/resolve-location';
import { jaccard } from '../proximity/theme-set';
import { type PropagateOptions, resolvePropagateOptions } from './propagate-options';
import type { PropagationTarget } from './propagation-target';
import { sourceNode } from './source-node';
import { comparableThemes, targetEligibility } from './target-eligibility';

/**
 * The `k` groups with the highest composite score (see the module comment for the formula),
 * ties by key. Each target also reports the components that were computed: `distanceKm`
 * (when geo weighs or a radius is set), `hops`, `similarity` and `sharedThemes` likewise.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param from - Key of the announcing node.
 * @param options - See {@link PropagateOptions} (`by` is ignored).
 * @returns The targets, best first.
 * @throws {NodeNotFoundError} if `from` is not in the graph.
 * @throws {InvalidOptionsError} on bad options.
 * @example
 * propagateByComposite(graph, 'paris-food-bank', { weights: { geo: 2, theme: 1 } });
 */
export function propagateByComposite(
  graph: ReadableGraph,
  from: string,
  options: PropagateOptions = {},
): PropagationTarget[] {
  from = sourceNode(graph, from);
  const resolved = resolvePropagateOptions({ ...options, by: 'composite' });
  const { k, weights, radiusKm, maxHops, minSimilarity, geoScaleKm, themeDepth } = resolved;
  if (k === 0) return [];
  const total = weights.geo + weights.relation + weights.theme;
  const useGeo = weights.geo > 0 || radiusKm !== undefined;
  const useRelation = weights.relation > 0 || maxHops !== undefined;
  const useTheme = weights.theme > 0 || minSimilarity !== undefined;
  const origin = useGeo ? resolveLocation(graph, from) : undefined;
  const hopsOf = useRelation ? relationHops(graph, from, maxHops) : undefined;
  const sourceThemes = useTheme ? comparableThemes(graph, from, themeDepth) : undefined;
  const eligible = targetEligibility(graph, from, resolved);
  const found: PropagationTarget[] = [];
  graph.forEachNode((key, attributes) => {
    if (!isGroupAttributes(attributes) || !eligible(key)) return;
    const target: PropagationTarget = { key, score: 0 };
    let g = 0;
    let r = 0;
    let j = 0;
    if (useGeo) {
      const location = origin && resolveLocation(graph, key);
      if (location) {
        target.distanceKm = haversineKm(origin!, location);
        g = 1 / (1 + target.distanceKm / geoScaleKm);
      }
      if (radiusKm !== undefined && !(location && target.distanceKm! <= radiusKm)) return;
    }
    if (hopsOf) {
      const hops = hopsOf.get(key);
      if (hops !== undefined) {
        target.hops = hops;
        r = 1 / hops;
      } else if (maxHops !== undefined) return;
    }
    if (sourceThemes) {
      const { similarity, shared } = jaccard(sourceThemes, comparableThemes(graph, key, themeDepth));
      if (minSimilarity !== undefined && similarity < minSimilarity) return;
      if (similarity > 0) {
        target.similarity = similarity;
        target.sharedThemes = shared.sort(compareKeys);
        j = similarity;
      }
    }
    target.score = (weights.geo * g + weights.relation * r + weights.theme * j) / total;
    if (target.score > 0) found.push(target);
  });
  return found.sort((a, b) => b.score - a.score || compareKeys(a.key, b.key)).slice(0, k);
}
