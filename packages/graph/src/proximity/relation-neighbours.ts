/**
 * @module
 * Neighbours through accepted group–group relations, in either direction.
 */
import type { ReadableGraph } from '../model/attributes';
import { isAcceptedRelation } from '../model/read-attributes';

/**
 * Call `callback` for every group related to `group` by an accepted relation, whichever way the
 * edge points. A neighbour reached by several edges is reported once per edge.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param group - Key of the group.
 * @param callback - Receives each neighbour's key.
 */
export function forEachRelatedGroup(
  graph: ReadableGraph,
  group: string,
  callback: (neighbour: string) => void,
): void {
  graph.forEachEdge(group, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (isAcceptedRelation(attributes, sourceAttributes, targetAttributes, source, target)) {
      callback(source === group ? target : source);
    }
  });
}
