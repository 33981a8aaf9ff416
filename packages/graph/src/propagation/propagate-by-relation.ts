/**
 * @module
 * Relational propagation: the groups fewest hops away over accepted group–group relations,
 * found by a breadth-first search that stops as soon as the k best are known.
 */
import type { ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { forEachRelatedGroup } from '../proximity/relation-neighbours';
import { type PropagateOptions, resolvePropagateOptions } from './propagate-options';
import type { PropagationTarget } from './propagation-target';
import { sourceNode } from './source-node';
import { targetEligibility } from './target-eligibility';

/**
 * The `k` groups closest through accepted relations (either direction), fewest hops first,
 * ties by key. `score` and `hops` are the hop count. Only group–group edges whose `status` is
 * `"accepted"` are walked; `located-in`/`interested-in` links, proposed relations and relations
 * without a status are not. Groups that do not receive the announcement are still walked
 * through. The search ends with the level where the k-th target is found, or at `maxHops`.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param from - Key of the announcing node.
 * @param options - See {@link PropagateOptions} (`by` is ignored).
 * @returns The targets, best first.
 * @throws {NodeNotFoundError} if `from` is not in the graph.
 * @throws {InvalidOptionsError} on bad options.
 * @example
 * propagateByRelation(graph, 'paris-food-bank', { k: 10, maxHops: 2 });
 */
export function propagateByRelation(
  graph: ReadableGraph,
  from: string,
  options: PropagateOptions = {},
): PropagationTarget[] {
  from = sourceNode(graph, from);
  const resolved = resolvePropagateOptions({ ...options, by: 'relation' });
  const { k } = resolved;
  const maxHops = resolved.maxHops ?? Number.POSITIVE_INFINITY;
  const eligible = targetEligibility(graph, from, resolved);
  const found: PropagationTarget[] = [];
  const seen = new Set<string>([from]);
  let frontier = [from];
  for (let hops = 1; hops <= maxHops && frontier.length > 0 && found.length < k; hops++) {
    const level: string[] = [];
    for (const node of frontier) {
      forEachRelatedGroup(graph, node, (neighbour) => {
        if (seen.has(neighbour)) return;
        seen.add(neighbour);
        level.push(neighbour);
      });
    }
    level.sort(compareKeys);
    for (const key of level) {
      if (found.length < k && eligible(key)) found.push({ key, score: hops, hops });
    }
    frontier = level;
  }
  return found;
}
