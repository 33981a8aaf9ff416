/**
 * @module
 * Read a graph snapshot (format in `graph-snapshot-format.ts`) back into a {@link CompactGraph},
 * checking everything: header, length, checksum, table, the node and edge contract of
 * `readSerializedGraph`, and every index of the edge columns.
 */
import { CompactGraph, KEYED_FLAG, UNDIRECTED_FLAG } from '../compact/compact-graph';
import { GraphError } from '../errors/graph-error';
import { MalformedSnapshotError } from '../errors/malformed-snapshot-error';
import type { EdgeAttributes, NodeAttributes } from '../model/attributes';
import { checkEdgeAttributes, isObject, parseNodeAttributes } from '../model/walk-serialized-graph';
import { crc32 } from './crc32';
import {
  BYTES_PER_EDGE,
  columnsOffset,
  GRAPH_SNAPSHOT_VERSION,
  HEADER,
  HEADER_BYTES,
  isGraphSnapshot,
  readUint32Column,
} from './graph-snapshot-format';

function fail(path: string, offset: number, message: string, cause?: unknown): never {
  throw new MalformedSnapshotError(
    `${path}: ${message}`,
    path,
    offset,
    cause === undefined ? undefined : { cause },
  );
}

/** Run a check of the serialised-graph contract, reporting its failure at `table.…`. */
function inTable<T>(tableOffset: number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (GraphError.isInstance(error) && 'path' in error) {
      return fail(`table.${String(error.path)}`, tableOffset, error.message.replace(/^[^:]*: /, ''), error);
    }
    throw error;
  }
}

function parseTable(bytes: Uint8Array, offset: number, length: number): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(offset, offset + length),
    );
  } catch (cause) {
    return fail('table', offset, 'not valid UTF-8', cause);
  }
  let table: unknown;
  try {
    table = JSON.parse(text);
  } catch (cause) {
    return fail('table', offset, 'not valid JSON', cause);
  }
  if (!isObject(table)) return fail('table', offset, 'expected an object');
  return table;
}

/**
 * Read a graph snapshot.
 *
 * @param bytes - The whole snapshot, as `writeGraphSnapshot` wrote it.
 * @returns A new compact graph, equal to the one written.
 * @throws {MalformedSnapshotError} naming the place (`header.version`, `header.checksum`,
 *   `table.nodes[3].attributes.lat`, `edges[17].target`…) and its byte offset.
 * @example
 * const graph = readGraphSnapshot(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 */
export function readGraphSnapshot(bytes: Uint8Array): CompactGraph {
  // Not instanceof: bytes may come from another realm (a worker, a vm context).
  if (Object.prototype.toString.call(bytes) !== '[object Uint8Array]') {
    return fail('$', 0, 'expected bytes (a Uint8Array)');
  }
  if (bytes.length < HEADER_BYTES) return fail('header', 0, `truncated: ${bytes.length} bytes`);
  if (!isGraphSnapshot(bytes)) return fail('header.magic', HEADER.magic, 'not a graph snapshot');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(HEADER.version, true);
  if (version !== GRAPH_SNAPSHOT_VERSION) {
    fail('header.version', HEADER.version, `version ${version}; this reader knows ${GRAPH_SNAPSHOT_VERSION}`);
  }
  if (view.getUint32(HEADER.reserved, true) !== 0) fail('header.reserved', HEADER.reserved, 'expected 0');
  const nodeCount = view.getUint32(HEADER.nodeCount, true);
  const edgeCount = view.getUint32(HEADER.edgeCount, true);
  const tableLength = view.getUint32(HEADER.tableLength, true);
  const columns = columnsOffset(tableLength);
  const expected = columns + BYTES_PER_EDGE * edgeCount;
  if (bytes.length !== expected) {
    fail(
      'body',
      HEADER_BYTES,
      `expected ${expected} bytes in all for the header's counts, found ${bytes.length}`,
    );
  }
  if (crc32(bytes.subarray(HEADER_BYTES)) !== view.getUint32(HEADER.checksum, true)) {
    fail('header.checksum', HEADER.checksum, 'the content does not match its checksum');
  }
  for (let i = HEADER_BYTES + tableLength; i < columns; i++) {
    if (bytes[i] !== 0) fail('padding', i, 'expected zero bytes');
  }

  const table = parseTable(bytes, HEADER_BYTES, tableLength);
  const at = HEADER_BYTES;
  const attributes = table.attributes;
  if (!isObject(attributes)) fail('table.attributes', at, 'expected an object');
  const nodes = table.nodes;
  if (!Array.isArray(nodes)) return fail('table.nodes', at, 'expected an array');
  if (nodes.length !== nodeCount)
    fail('table.nodes', at, `expected ${nodeCount} nodes, found ${nodes.length}`);
  const nodeKeys: string[] = new Array(nodeCount);
  const nodeAttributes: NodeAttributes[] = new Array(nodeCount);
  const nodeIndex = new Map<string, number>();
  for (let i = 0; i < nodeCount; i++) {
    const node: unknown = nodes[i];
    if (!isObject(node)) fail(`table.nodes[${i}]`, at, 'expected an object');
    const key = node.key;
    if (typeof key !== 'string') return fail(`table.nodes[${i}].key`, at, 'expected a string');
    if (nodeIndex.has(key)) fail(`table.nodes[${i}].key`, at, `duplicate node key ${JSON.stringify(key)}`);
    nodeIndex.set(key, i);
    nodeKeys[i] = key;
    nodeAttributes[i] = inTable(at, () => parseNodeAttributes(node.attributes, `nodes[${i}].attributes`));
  }
  const rawEdgeAttributes = table.edgeAttributes;
  if (!Array.isArray(rawEdgeAttributes)) return fail('table.edgeAttributes', at, 'expected an array');
  const edgeAttributeTable: EdgeAttributes[] = rawEdgeAttributes.map((value: unknown, j) =>
    inTable(at, () => checkEdgeAttributes(value, `edgeAttributes[${j}]`)),
  );
  const edgeKeys = table.edgeKeys;
  if (!Array.isArray(edgeKeys)) return fail('table.edgeKeys', at, 'expected an array');
  const seenKeys = new Set<string>();
  edgeKeys.forEach((key: unknown, j) => {
    if (typeof key !== 'string') fail(`table.edgeKeys[${j}]`, at, 'expected a string');
    if (seenKeys.has(key)) fail(`table.edgeKeys[${j}]`, at, `duplicate edge key ${JSON.stringify(key)}`);
    seenKeys.add(key);
  });

  const edgeSource = readUint32Column(bytes, columns, edgeCount);
  const edgeTarget = readUint32Column(bytes, columns + 4 * edgeCount, edgeCount);
  const edgeAttributeIds = readUint32Column(bytes, columns + 8 * edgeCount, edgeCount);
  const edgeFlags = bytes.slice(columns + 12 * edgeCount, columns + 13 * edgeCount);
  let keyed = 0;
  for (let e = 0; e < edgeCount; e++) {
    if (edgeSource[e]! >= nodeCount) fail(`edges[${e}].source`, columns + 4 * e, 'no such node');
    if (edgeTarget[e]! >= nodeCount)
      fail(`edges[${e}].target`, columns + 4 * (edgeCount + e), 'no such node');
    if (edgeAttributeIds[e]! >= edgeAttributeTable.length) {
      fail(`edges[${e}].attributes`, columns + 4 * (2 * edgeCount + e), 'no such entry of edgeAttributes');
    }
    const flags = edgeFlags[e]!;
    if (flags & ~(UNDIRECTED_FLAG | KEYED_FLAG))
      fail(`edges[${e}].flags`, columns + 12 * edgeCount + e, 'unknown bits');
    if (flags & KEYED_FLAG) keyed++;
  }
  if (keyed !== edgeKeys.length) {
    fail('table.edgeKeys', at, `expected ${keyed} keys (one per keyed edge), found ${edgeKeys.length}`);
  }
  return new CompactGraph({
    attributes: { ...(attributes as Record<string, unknown>) },
    nodeKeys,
    nodeAttributes,
    nodeIndex,
    edgeSource,
    edgeTarget,
    edgeFlags,
    edgeAttributeIds,
    edgeAttributeTable,
    edgeKeys: edgeKeys as string[],
  });
}

/**
 * Read a graph snapshot: the former name of {@link readGraphSnapshot}.
 *
 * @param bytes - The whole snapshot, as `writeGraphSnapshot` wrote it.
 * @returns A new compact graph, equal to the one written.
 * @throws {MalformedSnapshotError} as {@link readGraphSnapshot}.
 * @deprecated Use {@link readGraphSnapshot}: a `read*` function throws a typed error naming the
 *   place, a `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export function parseGraphSnapshot(bytes: Uint8Array): CompactGraph {
  return readGraphSnapshot(bytes);
}
