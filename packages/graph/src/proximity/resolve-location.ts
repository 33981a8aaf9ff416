/**
 * @module
 * Where a node is: its own `lat`/`lon`, or those of the place it is located in, following
 * `located-in` chains (group → district → city) up to the first place with coordinates.
 */
import { LOCATED_IN, type ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { type Coordinates, isGroupAttributes, ownCoordinates } from '../model/read-attributes';

/** A resolved location and the node whose coordinates it is. */
export interface ResolvedLocation extends Coordinates {
  /** Key of the node that carries the coordinates (the node itself, or a place up its chain). */
  via: string;
}

/**
 * The places a node is directly located in. A `located-in` edge reads source → target; an edge
 * between a group and an entity reads group → entity whichever way it was stored. Groups are
 * never places.
 */
function containersOf(graph: ReadableGraph, node: string, nodeIsGroup: boolean, into: Set<string>): void {
  graph.forEachEdge(node, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (attributes?.type !== LOCATED_IN || source === target) return;
    if (source === node) {
      if (!isGroupAttributes(targetAttributes)) into.add(target);
    } else if (nodeIsGroup && !isGroupAttributes(sourceAttributes)) {
      into.add(source);
    }
  });
}

/**
 * Resolve the location of a node.
 *
 * The node's own coordinates win. Otherwise the `located-in` places are searched breadth first,
 * level by level; within a level the place with the smallest key (string order) that has
 * coordinates wins. Cycles are harmless.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param node - Key of the node (group or entity).
 * @returns The coordinates and the key of the node carrying them, or `undefined` when no place
 *   up the chain has coordinates (or the node does not exist).
 * @example
 * resolveLocation(graph, 'paris-food-bank'); // { lat: 48.86, lon: 2.35, via: 'Q90' }
 */
export function resolveLocation(graph: ReadableGraph, node: string): ResolvedLocation | undefined {
  if (!graph.hasNode(node)) return undefined;
  const own = ownCoordinates(graph.getNodeAttributes(node));
  if (own) return { ...own, via: node };
  const seen = new Set<string>([node]);
  let frontier = [node];
  while (frontier.length > 0) {
    const next = new Set<string>();
    for (const current of frontier) {
      containersOf(graph, current, isGroupAttributes(graph.getNodeAttributes(current)), next);
    }
    const level = [...next].filter((key) => !seen.has(key)).sort(compareKeys);
    for (const key of level) {
      seen.add(key);
      const coordinates = ownCoordinates(graph.getNodeAttributes(key));
      if (coordinates) return { ...coordinates, via: key };
    }
    frontier = level;
  }
  return undefined;
}
