/**
 * @module
 * The boundary where a serialised graph (graphology's JSON format,
 * https://graphology.github.io/serialization.html) becomes an Imago graph. Directed, undirected
 * and mixed serialisations are accepted, simple or multi; the result is always a mixed
 * multigraph, so nothing in the input is lost.
 */
import { MultiGraph } from 'graphology';
import { MalformedGraphError } from '../errors/malformed-graph-error';
import type { EdgeAttributes, NodeAttributes } from './attributes';

/** The graph type every parsed Imago graph has: mixed, multi, self-loops allowed. */
export type ImagoGraph = MultiGraph<NodeAttributes, EdgeAttributes>;

/** Create an empty Imago graph (mixed multigraph). */
export function createImagoGraph(): ImagoGraph {
  return new MultiGraph<NodeAttributes, EdgeAttributes>({ type: 'mixed', allowSelfLoops: true });
}

const GRAPH_TYPES = new Set(['directed', 'undirected', 'mixed']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string): never {
  throw new MalformedGraphError(`${path}: ${message}`, path);
}

function parseKey(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fail(path, 'expected a string or number key');
}

function optionalStringArray(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return fail(path, 'expected an array of strings');
  value.forEach((item, i) => {
    if (typeof item !== 'string') fail(`${path}[${i}]`, 'expected a string');
  });
  return value as string[];
}

function parseNodeAttributes(value: unknown, path: string): NodeAttributes {
  if (!isObject(value)) return fail(path, 'expected an object with at least "kind"');
  const kind = value.kind;
  if (kind !== 'group' && kind !== 'entity') return fail(`${path}.kind`, 'expected "group" or "entity"');
  if (value.name !== undefined && typeof value.name !== 'string') fail(`${path}.name`, 'expected a string');
  const hasLat = value.lat !== undefined && value.lat !== null;
  const hasLon = value.lon !== undefined && value.lon !== null;
  if (hasLat !== hasLon) fail(hasLat ? `${path}.lon` : `${path}.lat`, 'lat and lon go together');
  if (hasLat) {
    const { lat, lon } = value;
    if (typeof lat !== 'number' || !(Math.abs(lat) <= 90))
      fail(`${path}.lat`, 'expected degrees in [-90, 90]');
    if (typeof lon !== 'number' || !(Math.abs(lon) <= 180))
      fail(`${path}.lon`, 'expected degrees in [-180, 180]');
  }
  if (value.wikidata !== undefined && typeof value.wikidata !== 'string') {
    fail(`${path}.wikidata`, 'expected a QID string');
  }
  optionalStringArray(value.accepts, `${path}.accepts`);
  optionalStringArray(value.blocks, `${path}.blocks`);
  const attributes = { ...value };
  if (!hasLat) {
    delete attributes.lat;
    delete attributes.lon;
  }
  return attributes as NodeAttributes;
}

function parseEdgeAttributes(value: unknown, path: string): EdgeAttributes {
  if (!isObject(value)) return fail(path, 'expected an object with at least "type"');
  if (typeof value.type !== 'string' || value.type === '')
    return fail(`${path}.type`, 'expected a non-empty string');
  if (value.status !== undefined && typeof value.status !== 'string')
    fail(`${path}.status`, 'expected a string');
  return { ...value } as EdgeAttributes;
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
 * const graph = parseSerializedGraph({ nodes: [{ key: 'a', attributes: { kind: 'group', name: 'A' } }], edges: [] });
 */
export function parseSerializedGraph(input: unknown): ImagoGraph {
  let data = input;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (cause) {
      throw new MalformedGraphError('$: not valid JSON', '$', { cause });
    }
  }
  if (!isObject(data)) return fail('$', 'expected a serialised graph object');
  let undirectedByDefault = false;
  if (data.options !== undefined) {
    if (!isObject(data.options)) fail('options', 'expected an object');
    const type = data.options.type;
    if (type !== undefined && (typeof type !== 'string' || !GRAPH_TYPES.has(type))) {
      fail('options.type', 'expected "directed", "undirected" or "mixed"');
    }
    undirectedByDefault = type === 'undirected';
  }
  if (data.attributes !== undefined && !isObject(data.attributes)) fail('attributes', 'expected an object');
  if (!Array.isArray(data.nodes)) return fail('nodes', 'expected an array');
  const edges = data.edges ?? [];
  if (!Array.isArray(edges)) return fail('edges', 'expected an array');

  const graph = createImagoGraph();
  if (isObject(data.attributes)) graph.replaceAttributes({ ...data.attributes });
  data.nodes.forEach((node: unknown, i: number) => {
    const path = `nodes[${i}]`;
    if (!isObject(node)) fail(path, 'expected an object');
    const key = parseKey(node.key, `${path}.key`);
    if (graph.hasNode(key)) fail(`${path}.key`, `duplicate node key ${JSON.stringify(key)}`);
    graph.addNode(key, parseNodeAttributes(node.attributes, `${path}.attributes`));
  });
  edges.forEach((edge: unknown, i: number) => {
    const path = `edges[${i}]`;
    if (!isObject(edge)) fail(path, 'expected an object');
    const source = parseKey(edge.source, `${path}.source`);
    const target = parseKey(edge.target, `${path}.target`);
    if (!graph.hasNode(source)) fail(`${path}.source`, `unknown node ${JSON.stringify(source)}`);
    if (!graph.hasNode(target)) fail(`${path}.target`, `unknown node ${JSON.stringify(target)}`);
    if (edge.undirected !== undefined && typeof edge.undirected !== 'boolean') {
      fail(`${path}.undirected`, 'expected a boolean');
    }
    const undirected = edge.undirected === undefined ? undirectedByDefault : edge.undirected;
    const attributes = parseEdgeAttributes(edge.attributes, `${path}.attributes`);
    if (edge.key === undefined || edge.key === null) {
      if (undirected) graph.addUndirectedEdge(source, target, attributes);
      else graph.addDirectedEdge(source, target, attributes);
    } else {
      const key = parseKey(edge.key, `${path}.key`);
      if (graph.hasEdge(key)) fail(`${path}.key`, `duplicate edge key ${JSON.stringify(key)}`);
      if (undirected) graph.addUndirectedEdgeWithKey(key, source, target, attributes);
      else graph.addDirectedEdgeWithKey(key, source, target, attributes);
    }
  });
  return graph;
}
