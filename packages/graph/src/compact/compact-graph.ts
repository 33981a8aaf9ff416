/**
 * @module
 * A read-only Imago graph held in flat arrays: node keys and attributes in two arrays, edges as
 * columns of typed arrays (source, target, flags, attribute id), incidence lists in compressed
 * sparse rows. Equal edge attribute objects are stored once. It answers the read-only part of
 * graphology's API ({@link ReadableGraph}) with graphology's semantics — a mixed multigraph with
 * self-loops — so every proximity and propagation function takes it as it takes a graphology
 * graph, with the same results.
 *
 * Why it exists: graphology builds a multigraph edge by edge, with an object, a generated key
 * and adjacency-map entries for each; on a graph of a million edges that costs ten times the
 * JSON parse itself in time and memory. A graph that is only read (one `imago-graph` call) does
 * not need any of it.
 */
import type { EdgeIterationCallback, NodeIterationCallback, SerializedGraph } from 'graphology-types';
import { NodeNotFoundError } from '../errors/node-not-found-error';
import type { EdgeAttributes, NodeAttributes } from '../model/attributes';
import { type CompactGraphParts, KEYED_FLAG, UNDIRECTED_FLAG } from './compact-graph-parts';
import { exportCompactGraph } from './export-compact-graph';
import { forEachIncidentEdge, type Incidence, incidence } from './incidence';

export { type CompactGraphParts, KEYED_FLAG, UNDIRECTED_FLAG } from './compact-graph-parts';

/** What an edge iteration calls, as in graphology. */
export type EdgeCallback = EdgeIterationCallback<NodeAttributes, EdgeAttributes>;

function freezeAll<T extends object>(objects: T[]): void {
  for (const object of objects) Object.freeze(object);
}

/**
 * A read-only, array-backed Imago graph. Create one with `readCompactGraph` (from graphology's
 * JSON serialisation, with the checks of `readSerializedGraph`) or `readGraphSnapshot` (from a
 * binary snapshot); turn it back into graphology's format with {@link CompactGraph.export}.
 *
 * Node and edge attribute objects are frozen: the graph never changes. Edges that had no key in
 * the input are reported under a generated key that no input key starts with, and are exported
 * without one.
 */
export class CompactGraph {
  /** Always `mixed`: directed and undirected edges side by side. */
  readonly type = 'mixed' as const;
  /** Always `true`: parallel edges are kept. */
  readonly multi = true as const;
  /** Always `true`. */
  readonly allowSelfLoops = true as const;
  /** Number of nodes. */
  readonly order: number;
  /** Number of edges. */
  readonly size: number;
  private readonly attributes: Record<string, unknown>;
  private readonly keys: string[];
  private readonly nodeAttributes: NodeAttributes[];
  private readonly index: Map<string, number>;
  private readonly source: Uint32Array;
  private readonly target: Uint32Array;
  private readonly flags: Uint8Array;
  private readonly attributeIds: Uint32Array;
  private readonly attributeTable: EdgeAttributes[];
  private readonly explicitKeys: (string | undefined)[] | undefined;
  private readonly generatedKeyPrefix: string;
  private readonly inbound: Incidence;
  private readonly outbound: Incidence;
  private readonly undirected: Incidence;

  /** @internal Use `readCompactGraph` or `readGraphSnapshot`. */
  constructor(parts: CompactGraphParts) {
    const nodes = parts.nodeKeys.length;
    const edges = parts.edgeSource.length;
    this.order = nodes;
    this.size = edges;
    this.attributes = parts.attributes;
    this.keys = parts.nodeKeys;
    this.nodeAttributes = parts.nodeAttributes;
    freezeAll(parts.nodeAttributes);
    freezeAll(parts.edgeAttributeTable);
    this.index = parts.nodeIndex ?? new Map(parts.nodeKeys.map((key, i) => [key, i]));
    this.source = parts.edgeSource;
    this.target = parts.edgeTarget;
    this.flags = parts.edgeFlags;
    this.attributeIds = parts.edgeAttributeIds;
    this.attributeTable = parts.edgeAttributeTable;
    let prefix = '#';
    if (parts.edgeKeys.length > 0) {
      const keys: (string | undefined)[] = new Array(edges);
      let next = 0;
      for (let e = 0; e < edges; e++) if (parts.edgeFlags[e]! & KEYED_FLAG) keys[e] = parts.edgeKeys[next++];
      this.explicitKeys = keys;
      while (parts.edgeKeys.some((key) => key.startsWith(prefix))) prefix += '#';
    }
    this.generatedKeyPrefix = prefix;
    const { source, target, flags } = this;
    // A directed edge is listed among its source's outbound and its target's inbound edges (a
    // self-loop in both lists of its node); an undirected one among both ends' undirected edges
    // (a self-loop once).
    this.outbound = incidence(nodes, source, target, (e) => (flags[e]! & UNDIRECTED_FLAG ? 0 : 1));
    this.inbound = incidence(nodes, source, target, (e) => (flags[e]! & UNDIRECTED_FLAG ? 0 : 2));
    this.undirected = incidence(nodes, source, target, (e) => (flags[e]! & UNDIRECTED_FLAG ? 3 : 0));
  }

  /** Number of directed edges. */
  get directedSize(): number {
    return this.size - this.undirectedSize;
  }

  /** Number of undirected edges. */
  get undirectedSize(): number {
    let count = 0;
    for (let e = 0; e < this.size; e++) if (this.flags[e]! & UNDIRECTED_FLAG) count++;
    return count;
  }

  /**
   * The arrays the graph is made of, for the snapshot writer. They are the graph's own: do not
   * change them.
   *
   * @internal
   */
  parts(): CompactGraphParts {
    const edgeKeys: string[] = [];
    if (this.explicitKeys) for (const key of this.explicitKeys) if (key !== undefined) edgeKeys.push(key);
    return {
      attributes: this.attributes,
      nodeKeys: this.keys,
      nodeAttributes: this.nodeAttributes,
      nodeIndex: this.index,
      edgeSource: this.source,
      edgeTarget: this.target,
      edgeFlags: this.flags,
      edgeAttributeIds: this.attributeIds,
      edgeAttributeTable: this.attributeTable,
      edgeKeys,
    };
  }

  /** The graph's own attributes (a copy). */
  getAttributes(): Record<string, unknown> {
    return { ...this.attributes };
  }

  /** One of the graph's own attributes. */
  getAttribute(name: string): unknown {
    return this.attributes[name];
  }

  /** Whether a node with this key exists. */
  hasNode(node: unknown): boolean {
    return this.index.has(String(node));
  }

  private nodeIndex(node: unknown): number {
    const index = this.index.get(String(node));
    if (index === undefined)
      throw new NodeNotFoundError(`unknown node ${JSON.stringify(String(node))}`, String(node));
    return index;
  }

  /** Every node key, in input order. */
  nodes(): string[] {
    return this.keys.slice();
  }

  /** Call `callback(key, attributes)` for every node, in input order. */
  forEachNode(callback: NodeIterationCallback<NodeAttributes>): void {
    const { keys, nodeAttributes } = this;
    for (let i = 0; i < keys.length; i++) callback(keys[i]!, nodeAttributes[i]!);
  }

  /**
   * The (frozen) attributes of a node.
   *
   * @throws {NodeNotFoundError} when there is no such node.
   */
  getNodeAttributes(node: unknown): NodeAttributes {
    return this.nodeAttributes[this.nodeIndex(node)]!;
  }

  /**
   * One attribute of a node.
   *
   * @throws {NodeNotFoundError} when there is no such node.
   */
  getNodeAttribute(node: unknown, name: PropertyKey): unknown {
    return (this.getNodeAttributes(node) as Record<string, unknown>)[name as string];
  }

  private edgeKey(e: number): string {
    return this.explicitKeys?.[e] ?? `${this.generatedKeyPrefix}${e}`;
  }

  private report(e: number, callback: EdgeCallback): void {
    const s = this.source[e]!;
    const t = this.target[e]!;
    callback(
      this.edgeKey(e),
      this.attributeTable[this.attributeIds[e]!]!,
      this.keys[s]!,
      this.keys[t]!,
      this.nodeAttributes[s]!,
      this.nodeAttributes[t]!,
      (this.flags[e]! & UNDIRECTED_FLAG) !== 0,
    );
  }

  private reportList(
    list: Incidence,
    node: number,
    other: number,
    skipSelfLoops: boolean,
    callback: EdgeCallback,
  ) {
    forEachIncidentEdge(list, this.source, this.target, node, other, skipSelfLoops, (e) =>
      this.report(e, callback),
    );
  }

  /** Shared body of the edge iterations: all edges, a node's, or those between two nodes. */
  private iterate(direction: 'all' | 'inbound' | 'outbound', args: unknown[]): void {
    if (args.length === 1) {
      // Over the whole graph, every edge is inbound and outbound (of some node).
      const callback = args[0] as EdgeCallback;
      for (let e = 0; e < this.size; e++) this.report(e, callback);
      return;
    }
    const node = this.nodeIndex(args[0]);
    const other = args.length === 3 ? this.nodeIndex(args[1]) : -1;
    const callback = args[args.length - 1] as EdgeCallback;
    if (direction !== 'outbound') this.reportList(this.inbound, node, other, false, callback);
    // A directed self-loop was reported among the inbound edges already.
    if (direction !== 'inbound') this.reportList(this.outbound, node, other, direction === 'all', callback);
    this.reportList(this.undirected, node, other, false, callback);
  }

  /**
   * Iterate over edges, as graphology's `forEachEdge`: every edge (input order), a node's edges,
   * or the edges between two nodes, either way.
   *
   * @throws {NodeNotFoundError} when a node does not exist.
   */
  forEachEdge(callback: EdgeCallback): void;
  forEachEdge(node: unknown, callback: EdgeCallback): void;
  forEachEdge(source: unknown, target: unknown, callback: EdgeCallback): void;
  forEachEdge(...args: unknown[]): void {
    this.iterate('all', args);
  }

  /**
   * Iterate over inbound edges (directed edges in, and undirected edges), as graphology's
   * `forEachInboundEdge`.
   *
   * @throws {NodeNotFoundError} when a node does not exist.
   */
  forEachInboundEdge(callback: EdgeCallback): void;
  forEachInboundEdge(node: unknown, callback: EdgeCallback): void;
  forEachInboundEdge(source: unknown, target: unknown, callback: EdgeCallback): void;
  forEachInboundEdge(...args: unknown[]): void {
    this.iterate('inbound', args);
  }

  /**
   * Iterate over outbound edges (directed edges out, and undirected edges), as graphology's
   * `forEachOutboundEdge`.
   *
   * @throws {NodeNotFoundError} when a node does not exist.
   */
  forEachOutboundEdge(callback: EdgeCallback): void;
  forEachOutboundEdge(node: unknown, callback: EdgeCallback): void;
  forEachOutboundEdge(source: unknown, target: unknown, callback: EdgeCallback): void;
  forEachOutboundEdge(...args: unknown[]): void {
    this.iterate('outbound', args);
  }

  /**
   * The graph in graphology's serialisation format, as `graph.export()` gives it: a mixed
   * multigraph, edges in input order, keys only on the edges that had one. Attribute objects
   * are shallow copies.
   */
  export(): SerializedGraph<NodeAttributes, EdgeAttributes> {
    return exportCompactGraph(this.parts());
  }
}
