/**
 * @module
 * From graphology's JSON serialisation to a {@link CompactGraph}, through the very checks of
 * `readSerializedGraph`: the same inputs are accepted, the same are refused with the same path.
 */
import type { EdgeAttributes, NodeAttributes } from '../model/attributes';
import {
  type SerializedGraphSink,
  walkEdge,
  walkGraphHeader,
  walkNode,
  walkSerializedGraph,
} from '../model/walk-serialized-graph';
import { CompactGraph, KEYED_FLAG, UNDIRECTED_FLAG } from './compact-graph';
import { type MemberValue, scanGraphJson } from './scan-graph-json';

const OPEN_ARRAY = 0x5b;

/** Growable column of unsigned integers. */
class Column<T extends Uint8Array | Uint32Array> {
  length = 0;
  values: T;
  private readonly make: (capacity: number) => T;
  constructor(make: (capacity: number) => T) {
    this.make = make;
    this.values = make(1024);
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = this.make(Math.max(16, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  done(): T {
    return this.values.slice(0, this.length) as T;
  }
}

/**
 * Shares one frozen copy among equal edge attribute objects of the common shapes — `{type}` and
 * `{type, status}`, keys in that order — and copies the others. A million edges typically carry
 * a few dozen distinct attribute objects.
 */
export class EdgeAttributeTable {
  readonly table: EdgeAttributes[] = [];
  /** type → status (`undefined`: none) → table index. */
  private readonly shared = new Map<string, Map<string | undefined, number>>();

  /** The table index of a copy of `attributes`. */
  add(attributes: EdgeAttributes): number {
    let count = 0;
    let plain = true;
    for (const name in attributes) {
      if (!((count === 0 && name === 'type') || (count === 1 && name === 'status'))) plain = false;
      count++;
    }
    const { type, status } = attributes;
    if (!plain || (count === 2 && typeof status !== 'string')) {
      this.table.push({ ...attributes });
      return this.table.length - 1;
    }
    let byStatus = this.shared.get(type);
    if (byStatus === undefined) {
      byStatus = new Map();
      this.shared.set(type, byStatus);
    }
    let index = byStatus.get(status);
    if (index === undefined) {
      index = this.table.length;
      this.table.push(status === undefined ? { type } : { type, status });
      byStatus.set(status, index);
    }
    return index;
  }
}

/** Collects what the walk of a serialised graph hands over, then makes the compact graph. */
class CompactGraphBuilder implements SerializedGraphSink {
  private attributes: Record<string, unknown> = {};
  private readonly nodeKeys: string[] = [];
  private readonly nodeAttributes: NodeAttributes[] = [];
  private readonly nodeIndex = new Map<string, number>();
  private readonly edgeSource = new Column((n) => new Uint32Array(n));
  private readonly edgeTarget = new Column((n) => new Uint32Array(n));
  private readonly edgeAttributeIds = new Column((n) => new Uint32Array(n));
  private readonly edgeFlags = new Column((n) => new Uint8Array(n));
  private readonly table = new EdgeAttributeTable();
  private readonly edgeKeys: string[] = [];
  private readonly edgeKeySet = new Set<string>();
  private lastKey: string | undefined;
  private lastRef = -1;

  graphAttributes(attributes: Record<string, unknown>): void {
    this.attributes = attributes;
  }

  nodeRef(key: string): number {
    // Edges often come grouped by source (a group's links, then the next group's): the last
    // key answers without hashing.
    if (key === this.lastKey) return this.lastRef;
    this.lastRef = this.nodeIndex.get(key) ?? -1;
    this.lastKey = key;
    return this.lastRef;
  }

  addNode(key: string, attributes: NodeAttributes): void {
    this.lastKey = undefined;
    this.nodeIndex.set(key, this.nodeKeys.length);
    this.nodeKeys.push(key);
    this.nodeAttributes.push(attributes);
  }

  hasEdgeKey(key: string): boolean {
    return this.edgeKeySet.has(key);
  }

  addEdge(
    key: string | undefined,
    _source: string,
    _target: string,
    sourceRef: number,
    targetRef: number,
    undirected: boolean,
    attributes: EdgeAttributes,
  ): void {
    this.edgeSource.push(sourceRef);
    this.edgeTarget.push(targetRef);
    this.edgeAttributeIds.push(this.table.add(attributes));
    this.edgeFlags.push((undirected ? UNDIRECTED_FLAG : 0) | (key === undefined ? 0 : KEYED_FLAG));
    if (key !== undefined) {
      this.edgeKeys.push(key);
      this.edgeKeySet.add(key);
    }
  }

  finish(): CompactGraph {
    return new CompactGraph({
      attributes: this.attributes,
      nodeKeys: this.nodeKeys,
      nodeAttributes: this.nodeAttributes,
      nodeIndex: this.nodeIndex,
      edgeSource: this.edgeSource.done(),
      edgeTarget: this.edgeTarget.done(),
      edgeFlags: this.edgeFlags.done(),
      edgeAttributeIds: this.edgeAttributeIds.done(),
      edgeAttributeTable: this.table.table,
      edgeKeys: this.edgeKeys,
    });
  }
}

/** Arrays are parsed in pieces of about this many bytes. */
const PIECE_BYTES = 1 << 20;

/**
 * Read UTF-8 JSON bytes (no byte-order mark) piece by piece: the top-level members are located
 * first, `nodes` and `edges` are parsed about `pieceBytes` (a megabyte) of elements at a time
 * and each element is checked and added as it comes, so the whole JSON tree never exists. Any
 * doubt (a layout the scan does not recognise, a syntax error, a broken rule) gives `undefined`:
 * the caller then parses the text whole, which gives the graph or the very error the text
 * deserves.
 */
export function parseInPieces(bytes: Uint8Array, pieceBytes = PIECE_BYTES): CompactGraph | undefined {
  const layout = scanGraphJson(bytes, pieceBytes);
  const nodes = layout?.get('nodes');
  const edges = layout?.get('edges');
  if (!layout || bytes[nodes?.start ?? -1] !== OPEN_ARRAY) return undefined;
  if (edges && bytes[edges.start] !== OPEN_ARRAY) return undefined;
  const decoder = new TextDecoder();
  const parse = (start: number, end: number): unknown =>
    JSON.parse(decoder.decode(bytes.subarray(start, end)));
  const member = (name: string) => {
    const value = layout.get(name);
    return value && parse(value.start, value.end);
  };
  /** The elements of an array member, one piece at a time. */
  function* pieces(value: MemberValue): Generator<unknown[]> {
    const bounds = [value.start, ...value.cuts, value.end - 1];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const elements = JSON.parse(`[${decoder.decode(bytes.subarray(bounds[i]! + 1, bounds[i + 1]))}]`);
      // An empty piece between cuts would be an empty element, which JSON does not allow.
      if (elements.length === 0 && bounds.length > 2) throw new SyntaxError('empty array element');
      yield elements;
    }
  }
  try {
    const builder = new CompactGraphBuilder();
    const header = { options: member('options'), attributes: member('attributes'), nodes: [], edges: [] };
    const { undirectedByDefault } = walkGraphHeader(header, builder);
    let index = 0;
    for (const elements of pieces(nodes!)) for (const node of elements) walkNode(node, index++, builder);
    index = 0;
    if (edges) {
      for (const elements of pieces(edges)) {
        for (const edge of elements) walkEdge(edge, index++, undirectedByDefault, builder);
      }
    }
    // Members other than these are not read, but must be JSON all the same.
    for (const [name, value] of layout) {
      if (!['options', 'attributes', 'nodes', 'edges'].includes(name)) parse(value.start, value.end);
    }
    return builder.finish();
  } catch {
    return undefined;
  }
}

/**
 * Parse a serialised graph into a read-only {@link CompactGraph}, checking the node and edge
 * contract exactly as {@link readSerializedGraph} does. Use it for large graphs that are only
 * queried: it takes a fraction of the time and memory of a graphology multigraph.
 *
 * Given the file's bytes (UTF-8, a byte-order mark ignored, as `TextDecoder` reads them), the
 * JSON is parsed about a megabyte of nodes or edges at a time and its tree never exists whole:
 * the fastest and smallest way to load a large graph from JSON. Whether given bytes, text or a value, the
 * same input gives the same graph or the same error.
 *
 * @param input - UTF-8 JSON bytes, JSON text, or a parsed JSON value.
 * @returns A new compact graph.
 * @throws {MalformedGraphError} naming the offending path (`$` for the whole input).
 * @example
 * const graph = readCompactGraph(JSON.parse(text));
 * propagate(graph, 'paris-food-bank', { by: 'relation' });
 */
export function readCompactGraph(input: unknown): CompactGraph {
  if (Object.prototype.toString.call(input) === '[object Uint8Array]') {
    const bytes = input as Uint8Array;
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return (
      parseInPieces(bom ? bytes.subarray(3) : bytes) ?? readCompactGraph(new TextDecoder().decode(bytes))
    );
  }
  const builder = new CompactGraphBuilder();
  walkSerializedGraph(input, builder);
  return builder.finish();
}

/**
 * The former name of {@link readCompactGraph}.
 *
 * @deprecated Use {@link readCompactGraph}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseCompactGraph: typeof readCompactGraph = readCompactGraph;
