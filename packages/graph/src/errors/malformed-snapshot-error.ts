import { GraphError } from './graph-error';

/**
 * A graph snapshot (the binary format of `@imago/graph/snapshot`) is not valid: not a snapshot,
 * of a version this reader does not know, truncated, corrupted (checksum), or breaking the graph
 * contract. {@link MalformedSnapshotError.path} names the place, e.g. `header.version`,
 * `edges[17].target` or `table.nodes[3].attributes.lat`; {@link MalformedSnapshotError.offset}
 * is the byte offset where that place starts.
 *
 * Stable code: `MALFORMED_SNAPSHOT`.
 */
export class MalformedSnapshotError extends GraphError {
  static readonly code = 'MALFORMED_SNAPSHOT';
  /** Where in the snapshot the problem is, e.g. `header.checksum` or `edges[3].source`. */
  readonly path: string;
  /** Byte offset of that place in the snapshot. */
  readonly offset: number;

  constructor(message: string, path: string, offset: number, options?: { cause?: unknown }) {
    super('MALFORMED_SNAPSHOT', message, options);
    this.name = 'MalformedSnapshotError';
    this.path = path;
    this.offset = offset;
  }
}
