/**
 * @module
 * Propagation of an announcement (a need, an offer, an event, a call for help) to the groups
 * closest to the announcing one.
 */
import type { ReadableGraph } from '../model/attributes';
import { propagateByComposite } from './propagate-by-composite';
import { propagateByGeo } from './propagate-by-geo';
import { propagateByRelation } from './propagate-by-relation';
import { propagateByTheme } from './propagate-by-theme';
import { type PropagateOptions, resolvePropagateOptions } from './propagate-options';
import type { PropagationTarget } from './propagation-target';

/**
 * The `k` groups closest to `from` by the chosen proximity, best first, ties broken by key
 * ascending, the source excluded, entities never. Each target's own filters are respected: a
 * group that blocks `from`, or whose `accepts` list lacks `options.kind`, is not a target.
 * Limits (`radiusKm`, `maxHops`, `minSimilarity`) apply whatever the mode.
 *
 * | `by` | `score` | order |
 * |---|---|---|
 * | `geo` | distance in km (haversine, R = 6371.0088 km) | ascending |
 * | `relation` | hops over accepted relations | ascending |
 * | `theme` | Jaccard similarity of theme sets (> 0) | descending |
 * | `composite` | weighted mean of normalised components in [0, 1] | descending |
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param from - Key of the announcing node.
 * @param options - See {@link PropagateOptions}; `by` defaults to `composite`, `k` to 10.
 * @returns The targets, best first.
 * @throws {NodeNotFoundError} if `from` is not in the graph.
 * @throws {InvalidOptionsError} on bad options.
 * @example
 * const targets = propagate(graph, 'paris-food-bank', { by: 'geo', k: 5, radiusKm: 30, kind: 'need' });
 */
export function propagate(
  graph: ReadableGraph,
  from: string,
  options: PropagateOptions = {},
): PropagationTarget[] {
  const { by } = resolvePropagateOptions(options);
  switch (by) {
    case 'geo':
      return propagateByGeo(graph, from, options);
    case 'relation':
      return propagateByRelation(graph, from, options);
    case 'theme':
      return propagateByTheme(graph, from, options);
    default:
      return propagateByComposite(graph, from, options);
  }
}
