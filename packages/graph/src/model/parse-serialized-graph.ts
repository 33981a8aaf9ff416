/**
 * @module
 * The boundary where a serialised graph (graphology's JSON format,
 * https://graphology.github.io/serialization.html) becomes an Imago graph. Directed, undirected
 * and mixed serialisations are accepted, simple or multi; the result is always a mixed
 * multigraph, so nothing in the input is lost.
 */
import { MultiGraph } from 'graphology';
import type { EdgeAttributes, NodeAttributes } from './attributes';
import { walkSerializedGraph } from './walk-serialized-graph';

/** The graph type every parsed Imago graph has: mixed, multi, self-loops allowed. */
export type ImagoGraph = MultiGraph<NodeAttributes, EdgeAttributes>;

/** Create an empty Imago graph (mixed multigraph). */
export function createImagoGraph(): ImagoGraph {
  return new MultiGraph<NodeAttributes, EdgeAttributes>({ type: 'mixed', allowSelfLoops: true });
}

/**
 * Parse a serialised graph into an Imago graph, checking the node and edge contract.
 *
 * Rules: `nodes` is an array of `{key, attributes}` with unique keys, `attributes.kind` is
 * `"group"` or `"entity"`, `lat`/`lon` come together and are in range; `edges` (optional) is an
 * array of `{key?, source, target, attributes, undirected?}` between existing nodes, with a
 * non-empty `attributes.type`. An edge is undirected when it says `undirected: true` or when
 * `options.type` is `"undirected"`. Unknown attributes are kept. `status` may be any string;
 * only `"accepted"` makes a relation count.
 *
 * @param input - A parsed JSON value, or JSON text.
 * @returns A new mixed multigraph.
 * @throws {MalformedGraphError} naming the offending path (`$` for the whole input).
 * @example
 * const graph = readSerializedGraph({ nodes: [{ key: 'a', attributes: { kind: 'group', name: 'A' } }], edges: [] });
 */
export function readSerializedGraph(input: unknown): ImagoGraph {
  const graph = createImagoGraph();
  walkSerializedGraph(input, {
    graphAttributes: (attributes) => graph.replaceAttributes(attributes),
    nodeRef: (key) => (graph.hasNode(key) ? 0 : -1),
    addNode: (key, attributes) => graph.addNode(key, attributes),
    hasEdgeKey: (key) => graph.hasEdge(key),
    addEdge: (key, source, target, _sourceRef, _targetRef, undirected, attributes) => {
      const copy = { ...attributes };
      if (key === undefined) {
        if (undirected) graph.addUndirectedEdge(source, target, copy);
        else graph.addDirectedEdge(source, target, copy);
      } else if (undirected) graph.addUndirectedEdgeWithKey(key, source, target, copy);
      else graph.addDirectedEdgeWithKey(key, source, target, copy);
    },
  });
  return graph;
}

/**
 * The former name of {@link readSerializedGraph}.
 *
 * @deprecated Use {@link readSerializedGraph}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseSerializedGraph: typeof readSerializedGraph = readSerializedGraph;
