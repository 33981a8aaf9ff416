/**
 * @module
 * The graph snapshot format, version 1: a whole Imago graph (graph attributes, nodes with their
 * attributes, edges with direction, attributes and optional keys) in one binary file that loads
 * without building anything edge by edge. Integers are unsigned, little-endian.
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 8 | magic `89 49 4D 41 47 4F 47 0A` (`\x89IMAGOG\n`) |
 * | 8 | 4 | format version: 1 |
 * | 12 | 4 | n, the number of nodes |
 * | 16 | 4 | m, the number of edges |
 * | 20 | 4 | T, the byte length of the table |
 * | 24 | 4 | CRC-32 (as zlib computes it) of every byte from offset 32 to the end |
 * | 28 | 4 | reserved: 0 |
 * | 32 | T | the table: UTF-8 JSON `{"attributes", "nodes", "edgeAttributes", "edgeKeys"}` |
 * | 32 + T | 0–3 | zero bytes up to A, the next multiple of 4 |
 * | A | 4m | source node index of each edge |
 * | A + 4m | 4m | target node index of each edge |
 * | A + 8m | 4m | index into `edgeAttributes` of each edge |
 * | A + 12m | m | flags of each edge: bit 0 undirected, bit 1 keyed; other bits 0 |
 *
 * The file ends at A + 13m. In the table, `attributes` is the graph's own attributes object;
 * `nodes` is an array of n `{key, attributes}` (node index = position) under the node contract
 * of graphology's serialisation as `readSerializedGraph` checks it; `edgeAttributes` holds the
 * distinct edge attribute objects, each under the edge contract; `edgeKeys` holds the keys of
 * the keyed edges, in edge order. Node keys and edge keys are strings, each unique.
 *
 * The magic's first byte has the high bit set and is not valid at the start of UTF-8 text, so a
 * snapshot is never mistaken for JSON; its last byte catches newline conversion. A reader
 * refuses any other version: a change of layout or meaning gets a new version number.
 */

/** The eight bytes every snapshot starts with. */
export const GRAPH_SNAPSHOT_MAGIC: readonly number[] = [0x89, 0x49, 0x4d, 0x41, 0x47, 0x4f, 0x47, 0x0a];
/** The format version this package writes and reads. */
export const GRAPH_SNAPSHOT_VERSION = 1;
/** Byte length of the header. */
export const HEADER_BYTES = 32;
/** Bytes per edge in the columns: three 32-bit integers and one flag byte. */
export const BYTES_PER_EDGE = 13;

/** Byte offsets of the header fields. */
export const HEADER = {
  magic: 0,
  version: 8,
  nodeCount: 12,
  edgeCount: 16,
  tableLength: 20,
  checksum: 24,
  reserved: 28,
} as const;

/** Start of the edge columns for a table of `tableLength` bytes. */
export function columnsOffset(tableLength: number): number {
  return HEADER_BYTES + Math.ceil(tableLength / 4) * 4;
}

/** What the table holds, once parsed. */
export interface SnapshotTable {
  attributes: Record<string, unknown>;
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edgeAttributes: Record<string, unknown>[];
  edgeKeys: string[];
}

/**
 * Whether `bytes` starts like a graph snapshot (its magic), whatever its version or content.
 *
 * @example
 * isGraphSnapshot(bytes) ? readGraphSnapshot(bytes) : readCompactGraph(new TextDecoder().decode(bytes));
 */
export function isGraphSnapshot(bytes: Uint8Array): boolean {
  if (bytes.length < GRAPH_SNAPSHOT_MAGIC.length) return false;
  return GRAPH_SNAPSHOT_MAGIC.every((byte, i) => bytes[i] === byte);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Write a column of 32-bit integers at `offset` (a multiple of 4) of `bytes`. */
export function writeUint32Column(bytes: Uint8Array, offset: number, column: Uint32Array): void {
  if (LITTLE_ENDIAN && (bytes.byteOffset + offset) % 4 === 0) {
    new Uint32Array(bytes.buffer, bytes.byteOffset + offset, column.length).set(column);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, column.length * 4);
  for (let i = 0; i < column.length; i++) view.setUint32(i * 4, column[i]!, true);
}

/** Read `length` 32-bit integers from `offset` of `bytes` into a new array. */
export function readUint32Column(bytes: Uint8Array, offset: number, length: number): Uint32Array {
  if (LITTLE_ENDIAN && (bytes.byteOffset + offset) % 4 === 0) {
    return new Uint32Array(bytes.buffer, bytes.byteOffset + offset, length).slice();
  }
  const column = new Uint32Array(length);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, length * 4);
  for (let i = 0; i < length; i++) column[i] = view.getUint32(i * 4, true);
  return column;
}
