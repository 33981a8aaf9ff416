/**
 * @module
 * The checks of a serialised graph (graphology's JSON format,
 * https://graphology.github.io/serialization.html) against the Imago contract, shared by every
 * builder: the graphology multigraph of `readSerializedGraph` and the array-backed
 * `CompactGraph`. Both therefore accept and refuse exactly the same inputs, with the same paths.
 */

import { isJsonObject, type JsonObject, type JsonReader } from '@imago/kit/json-reader';
import { MalformedGraphError } from '../errors/malformed-graph-error';
import type { EdgeAttributes, NodeAttributes } from './attributes';
import { graphJsonReader } from './graph-json-reader';

/** What a builder does with the checked parts, called in input order. */
export interface SerializedGraphSink {
  /** The graph's own attributes (a fresh copy), when the input has some. */
  graphAttributes(attributes: Record<string, unknown>): void;
  /** A reference (≥ 0) to the node with this key, or −1 when there is none yet. */
  nodeRef(key: string): number;
  /** Add a node; `attributes` is a fresh, checked copy. */
  addNode(key: string, attributes: NodeAttributes): void;
  /** Whether an edge with this explicit key was added already. */
  hasEdgeKey(key: string): boolean;
  /**
   * Add an edge between existing nodes. `attributes` is the checked input object itself, not a
   * copy: a builder that keeps it must copy it (or share an equal copy).
   */
  addEdge(
    key: string | undefined,
    source: string,
    target: string,
    sourceRef: number,
    targetRef: number,
    undirected: boolean,
    attributes: EdgeAttributes,
  ): void;
}

const GRAPH_TYPES = new Set(['directed', 'undirected', 'mixed']);

/** Whether a value is a plain JSON object (not null, not an array). */
export const isObject: (value: unknown) => value is JsonObject = isJsonObject;

const fail: JsonReader['fail'] = graphJsonReader(
  (message, path) => new MalformedGraphError(message, path),
).fail;

/** A node or edge key: strings as they are, finite numbers as their string form. */
export function parseKey(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fail(path, 'expected a string or number key');
}

function checkStringArray(value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail(path, 'expected an array of strings');
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') fail(`${path}[${i}]`, 'expected a string');
  }
}

/**
 * Check node attributes and return a copy, without `lat`/`lon` when both are absent or null.
 *
 * @throws {MalformedGraphError} naming `path` or one of its fields.
 */
export function parseNodeAttributes(value: unknown, path: string): NodeAttributes {
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
  checkStringArray(value.accepts, `${path}.accepts`);
  checkStringArray(value.blocks, `${path}.blocks`);
  const attributes = { ...value };
  if (!hasLat) {
    delete attributes.lat;
    delete attributes.lon;
  }
  return attributes as NodeAttributes;
}

/** Whether edge attributes meet the contract: an object with a non-empty `type`, a string `status` if any. */
export function isEdgeAttributes(value: unknown): value is EdgeAttributes {
  return (
    isObject(value) &&
    typeof value.type === 'string' &&
    value.type !== '' &&
    (value.status === undefined || typeof value.status === 'string')
  );
}

/**
 * Check edge attributes (see {@link isEdgeAttributes}). Returns the input object itself, typed.
 *
 * @throws {MalformedGraphError} naming `path` or one of its fields.
 */
export function checkEdgeAttributes(value: unknown, path: string): EdgeAttributes {
  if (isEdgeAttributes(value)) return value;
  if (!isObject(value)) return fail(path, 'expected an object with at least "type"');
  if (typeof value.type !== 'string' || value.type === '')
    return fail(`${path}.type`, 'expected a non-empty string');
  if (value.status !== undefined && typeof value.status !== 'string')
    fail(`${path}.status`, 'expected a string');
  return value as EdgeAttributes;
}

/**
 * Parse the JSON text of a serialised graph.
 *
 * @throws {MalformedGraphError} at `$` when the text is not JSON.
 */
export function parseGraphJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MalformedGraphError('$: not valid JSON', '$', { cause });
  }
}

/**
 * Walk a serialised graph, checking the Imago contract, and hand each part to `sink`.
 *
 * Rules: `nodes` is an array of `{key, attributes}` with unique keys, `attributes.kind` is
 * `"group"` or `"entity"`, `lat`/`lon` come together and are in range; `edges` (optional) is an
 * array of `{key?, source, target, attributes, undirected?}` between existing nodes, with a
 * non-empty `attributes.type`. An edge is undirected when it says `undirected: true` or when
 * `options.type` is `"undirected"`.
 *
 * @param input - A parsed JSON value, or JSON text.
 * @param sink - Receives the graph attributes, nodes and edges.
 * @throws {MalformedGraphError} naming the offending path (`$` for the whole input).
 */
export function walkSerializedGraph(input: unknown, sink: SerializedGraphSink): void {
  const data = typeof input === 'string' ? parseGraphJson(input) : input;
  const { undirectedByDefault, nodes, edges } = walkGraphHeader(data, sink);
  for (let i = 0; i < nodes.length; i++) walkNode(nodes[i], i, sink);
  for (let i = 0; i < edges.length; i++) walkEdge(edges[i], i, undirectedByDefault, sink);
}

/** What the rest of the walk needs from the top of a serialised graph. */
export interface SerializedGraphHeader {
  /** Whether edges without `undirected` are undirected (`options.type` is `"undirected"`). */
  undirectedByDefault: boolean;
  /** The `nodes` array. */
  nodes: unknown[];
  /** The `edges` array (empty when absent). */
  edges: unknown[];
}

/**
 * First step of {@link walkSerializedGraph}: check the top of a serialised graph (`options`,
 * `attributes`, that `nodes` and `edges` are arrays) and hand the graph attributes to `sink`.
 *
 * @throws {MalformedGraphError} naming the offending path.
 */
export function walkGraphHeader(data: unknown, sink: SerializedGraphSink): SerializedGraphHeader {
  if (!isObject(data)) fail('$', 'expected a serialised graph object');
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
  const nodes = data.nodes;
  if (!Array.isArray(nodes)) fail('nodes', 'expected an array');
  const edges = data.edges ?? [];
  if (!Array.isArray(edges)) fail('edges', 'expected an array');
  if (isObject(data.attributes)) sink.graphAttributes({ ...data.attributes });
  return { undirectedByDefault, nodes, edges };
}

/**
 * Check `nodes[i]` and hand it to `sink`.
 *
 * @throws {MalformedGraphError} naming the offending path.
 */
export function walkNode(node: unknown, i: number, sink: SerializedGraphSink): void {
  if (!isObject(node)) fail(`nodes[${i}]`, 'expected an object');
  const key = parseKey(node.key, `nodes[${i}].key`);
  if (sink.nodeRef(key) >= 0) fail(`nodes[${i}].key`, `duplicate node key ${JSON.stringify(key)}`);
  sink.addNode(key, parseNodeAttributes(node.attributes, `nodes[${i}].attributes`));
}

/**
 * Check `edges[i]` and hand it to `sink`. Paths are built only on failure: this runs once per
 * edge of graphs with millions.
 *
 * @throws {MalformedGraphError} naming the offending path.
 */
export function walkEdge(
  edge: unknown,
  i: number,
  undirectedByDefault: boolean,
  sink: SerializedGraphSink,
): void {
  if (!isObject(edge)) fail(`edges[${i}]`, 'expected an object');
  const source = typeof edge.source === 'string' ? edge.source : parseKey(edge.source, `edges[${i}].source`);
  const target = typeof edge.target === 'string' ? edge.target : parseKey(edge.target, `edges[${i}].target`);
  const sourceRef = sink.nodeRef(source);
  if (sourceRef < 0) fail(`edges[${i}].source`, `unknown node ${JSON.stringify(source)}`);
  const targetRef = sink.nodeRef(target);
  if (targetRef < 0) fail(`edges[${i}].target`, `unknown node ${JSON.stringify(target)}`);
  if (edge.undirected !== undefined && typeof edge.undirected !== 'boolean') {
    fail(`edges[${i}].undirected`, 'expected a boolean');
  }
  const undirected = edge.undirected === undefined ? undirectedByDefault : edge.undirected;
  const attributes = isEdgeAttributes(edge.attributes)
    ? edge.attributes
    : checkEdgeAttributes(edge.attributes, `edges[${i}].attributes`);
  let key: string | undefined;
  if (edge.key !== undefined && edge.key !== null) {
    key = parseKey(edge.key, `edges[${i}].key`);
    if (sink.hasEdgeKey(key)) fail(`edges[${i}].key`, `duplicate edge key ${JSON.stringify(key)}`);
  }
  sink.addEdge(key, source, target, sourceRef, targetRef, undirected, attributes);
}
