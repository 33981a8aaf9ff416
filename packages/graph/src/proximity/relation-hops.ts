/**
 * @module
 * Breadth-first search over accepted group–group relations, in either direction.
 */
import type { ReadableGraph } from '../model/attributes';
import { forEachRelatedGroup } from './relation-neighbours';

/**
 * Fewest hops from `from` to every group reachable over accepted relations.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param from - Key of the starting node (hop 0).
 * @param maxHops - Stop after this many hops (default: no limit).
 * @returns A map from group key to hops, `from` included at 0.
 */
export function relationHops(
  graph: ReadableGraph,
  from: string,
  maxHops = Number.POSITIVE_INFINITY,
): Map<string, number> {
  const hops = new Map<string, number>([[from, 0]]);
  let frontier = [from];
  for (let depth = 1; depth <= maxHops && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      forEachRelatedGroup(graph, node, (neighbour) => {
        if (hops.has(neighbour)) return;
        hops.set(neighbour, depth);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  return hops;
}
