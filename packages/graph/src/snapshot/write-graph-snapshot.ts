/**
 * @module
 * Write a {@link CompactGraph} as a graph snapshot (format in `graph-snapshot-format.ts`).
 */
import type { CompactGraph } from '../compact/compact-graph';
import { crc32 } from './crc32';
import {
  BYTES_PER_EDGE,
  columnsOffset,
  GRAPH_SNAPSHOT_MAGIC,
  GRAPH_SNAPSHOT_VERSION,
  HEADER,
  HEADER_BYTES,
  type SnapshotTable,
  writeUint32Column,
} from './graph-snapshot-format';

/**
 * Encode a compact graph as a snapshot, version {@link GRAPH_SNAPSHOT_VERSION}. Equal edge
 * attribute objects (same JSON) are stored once. The same graph always gives the same bytes.
 *
 * @param graph - A graph from `readCompactGraph` or `readGraphSnapshot`.
 * @returns The snapshot bytes; `readGraphSnapshot` reads them back into an equal graph.
 * @example
 * const bytes = writeGraphSnapshot(readCompactGraph(json));
 * readGraphSnapshot(bytes).export(); // the graph of json
 */
export function writeGraphSnapshot(graph: CompactGraph): Uint8Array {
  const parts = graph.parts();
  const edgeCount = parts.edgeSource.length;
  // Share equal attribute objects that the parser kept apart (the unusual shapes it copies).
  const tableIndex = new Map<string, number>();
  const edgeAttributes: Record<string, unknown>[] = [];
  const remap = parts.edgeAttributeTable.map((attributes) => {
    const json = JSON.stringify(attributes);
    let index = tableIndex.get(json);
    if (index === undefined) {
      index = edgeAttributes.length;
      edgeAttributes.push(attributes);
      tableIndex.set(json, index);
    }
    return index;
  });
  const attributeIds = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) attributeIds[e] = remap[parts.edgeAttributeIds[e]!]!;
  const table: SnapshotTable = {
    attributes: parts.attributes,
    nodes: parts.nodeKeys.map((key, i) => ({ key, attributes: parts.nodeAttributes[i]! })),
    edgeAttributes,
    edgeKeys: parts.edgeKeys,
  };
  const tableBytes = new TextEncoder().encode(JSON.stringify(table));
  const columns = columnsOffset(tableBytes.length);
  const bytes = new Uint8Array(columns + BYTES_PER_EDGE * edgeCount);
  const view = new DataView(bytes.buffer);
  bytes.set(GRAPH_SNAPSHOT_MAGIC, HEADER.magic);
  view.setUint32(HEADER.version, GRAPH_SNAPSHOT_VERSION, true);
  view.setUint32(HEADER.nodeCount, parts.nodeKeys.length, true);
  view.setUint32(HEADER.edgeCount, edgeCount, true);
  view.setUint32(HEADER.tableLength, tableBytes.length, true);
  bytes.set(tableBytes, HEADER_BYTES);
  writeUint32Column(bytes, columns, parts.edgeSource);
  writeUint32Column(bytes, columns + 4 * edgeCount, parts.edgeTarget);
  writeUint32Column(bytes, columns + 8 * edgeCount, attributeIds);
  bytes.set(parts.edgeFlags, columns + 12 * edgeCount);
  view.setUint32(HEADER.checksum, crc32(bytes.subarray(HEADER_BYTES)), true);
  return bytes;
}
