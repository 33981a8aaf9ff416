/**
 * @module
 * A `CompactGraph` back in graphology's serialisation format.
 */
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, NodeAttributes } from '../model/attributes';
import { type CompactGraphParts, KEYED_FLAG, UNDIRECTED_FLAG } from './compact-graph-parts';

/**
 * The graph in graphology's serialisation format, as `graph.export()` gives it: a mixed
 * multigraph, edges in input order, keys only on the edges that had one. Attribute objects are
 * shallow copies.
 *
 * @param parts - the graph's arrays (`CompactGraph.parts()`).
 * @returns graphology's serialisation.
 * @internal
 */
export function exportCompactGraph(
  parts: CompactGraphParts,
): SerializedGraph<NodeAttributes, EdgeAttributes> {
  const { nodeKeys, nodeAttributes, edgeSource, edgeTarget, edgeFlags, edgeAttributeIds } = parts;
  const nodes = nodeKeys.map((key, i) => ({ key, attributes: { ...nodeAttributes[i]! } }));
  const size = edgeSource.length;
  const edges: SerializedGraph<NodeAttributes, EdgeAttributes>['edges'] = new Array(size);
  let nextKey = 0;
  for (let e = 0; e < size; e++) {
    const key = edgeFlags[e]! & KEYED_FLAG ? parts.edgeKeys[nextKey++] : undefined;
    const edge: SerializedGraph<NodeAttributes, EdgeAttributes>['edges'][number] = {
      ...(key === undefined ? {} : { key }),
      source: nodeKeys[edgeSource[e]!]!,
      target: nodeKeys[edgeTarget[e]!]!,
      attributes: { ...parts.edgeAttributeTable[edgeAttributeIds[e]!]! },
    };
    if (edgeFlags[e]! & UNDIRECTED_FLAG) edge.undirected = true;
    edges[e] = edge;
  }
  return {
    options: { type: 'mixed', multi: true, allowSelfLoops: true },
    attributes: { ...parts.attributes },
    nodes,
    edges,
  };
}
