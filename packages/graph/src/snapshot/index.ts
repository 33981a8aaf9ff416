/**
 * @module @imago/graph/snapshot
 * Graph snapshots: a compact, versioned binary form of an Imago graph that `imago-graph` writes
 * and reads, loading a million-edge graph in a fraction of the time of its JSON. The layout is
 * documented in the package README (Snapshot format).
 */
export { MalformedSnapshotError } from '../errors/malformed-snapshot-error';
export { GRAPH_SNAPSHOT_MAGIC, GRAPH_SNAPSHOT_VERSION, isGraphSnapshot } from './graph-snapshot-format';
export { parseGraphSnapshot, readGraphSnapshot } from './parse-graph-snapshot';
export { writeGraphSnapshot } from './write-graph-snapshot';
