/**
 * @module
 * Geographic propagation: the closest located groups by great-circle distance.
 */
import { InvalidOptionsError } from '../errors/invalid-options-error';
import type { ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { isGroupAttributes } from '../model/read-attributes';
import { haversineKm } from '../proximity/haversine';
import { resolveLocation } from '../proximity/resolve-location';
import { type PropagateOptions, resolvePropagateOptions } from './propagate-options';
import type { PropagationTarget } from './propagation-target';
import { sourceNode } from './source-node';
import { targetEligibility } from './target-eligibility';

/**
 * The `k` located groups closest to the source's location, nearest first (ties by key).
 * `score` and `distanceKm` are the haversine distance in km (mean Earth radius 6371.0088 km).
 * Locations follow `located-in` chains; groups without a location are skipped, and a source
 * without one reaches nobody. With `options.geoIndex` the search is a nearest-first walk of a
 * k-d tree; without it every group is scanned.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param from - Key of the announcing node.
 * @param options - See {@link PropagateOptions} (`by` is ignored).
 * @returns The targets, best first.
 * @throws {NodeNotFoundError} if `from` is not in the graph.
 * @throws {InvalidOptionsError} on bad options, or a `geoIndex` of another graph.
 * @example
 * propagateByGeo(graph, 'paris-food-bank', { k: 5, radiusKm: 50 });
 */
export function propagateByGeo(
  graph: ReadableGraph,
  from: string,
  options: PropagateOptions = {},
): PropagationTarget[] {
  from = sourceNode(graph, from);
  const resolved = resolvePropagateOptions({ ...options, by: 'geo' });
  const origin = resolveLocation(graph, from);
  if (!origin || resolved.k === 0) return [];
  const eligible = targetEligibility(graph, from, resolved);
  const { k, radiusKm } = resolved;
  if (resolved.geoIndex) {
    if (resolved.geoIndex.graph !== graph) {
      throw new InvalidOptionsError('geoIndex: built for another graph', 'geoIndex');
    }
    return resolved.geoIndex
      .nearest(origin, { k, radiusKm, accept: eligible })
      .map(({ key, distanceKm }) => ({ key, score: distanceKm, distanceKm }));
  }
  const found: PropagationTarget[] = [];
  graph.forEachNode((key, attributes) => {
    if (!isGroupAttributes(attributes) || !eligible(key)) return;
    const location = resolveLocation(graph, key);
    if (!location) return;
    const distanceKm = haversineKm(origin, location);
    if (radiusKm === undefined || distanceKm <= radiusKm) found.push({ key, score: distanceKm, distanceKm });
  });
  return found.sort((a, b) => a.score - b.score || compareKeys(a.key, b.key)).slice(0, k);
}
