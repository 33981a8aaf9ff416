/**
 * @module
 * The content of `org.imago.checkpoint`, the state event in which the group's authority writes down
 * its decisions fold after a given event (see {@link postCheckpoint}, {@link readCheckpoint}). Pure.
 *
 * `sha256` and `size` are always those of the snapshot's own bytes ({@link encodeFoldSnapshot}), the
 * bytes a member who replays the whole history compares with. `encoding: 'gzip'` says that the
 * media holds them gzip-compressed, `encodedSize` bytes long. A content without `encoding` names
 * the snapshot's bytes as they are (what checkpoints were before compression): it is read as such.
 */
import { ContentProblem, readEnum, readInteger, readObject, readString } from '../events/content-reader';

/** Largest snapshot a reader takes (bytes), compressed or inflated. */
export const MAX_CHECKPOINT_BYTES = 256 * 1024 * 1024;

/** How the media holds the snapshot's bytes: gzip (RFC 1952). */
export type CheckpointEncoding = 'gzip';

/** Content of `org.imago.checkpoint`. */
export interface CheckpointContent {
  /** The last event of the room the fold took. */
  readonly event: string;
  /** Log entries folded up to it. */
  readonly entries: number;
  /** SHA-256 of the snapshot's bytes (decoded, when `encoding` is set), lowercase hex. */
  readonly sha256: string;
  /** Where the snapshot's bytes are (`mxc://`). */
  readonly url: string;
  /** The snapshot's length in bytes (decoded: a reader inflates no further). */
  readonly size: number;
  /** How the media at `url` holds the bytes; absent: as they are. */
  readonly encoding?: CheckpointEncoding;
  /** The media's own length in bytes, with `encoding`. */
  readonly encodedSize?: number;
}

/**
 * Reads `org.imago.checkpoint` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the checkpoint content.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readCheckpointContent(content: unknown, path = 'content'): CheckpointContent {
  const object = readObject(content, path);
  const event = readString(object.event, `${path}.event`, 255);
  if (!event.startsWith('$')) throw new ContentProblem(`${path}.event`, 'expected an event id');
  const sha256 = readString(object.sha256, `${path}.sha256`, 64);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ContentProblem(`${path}.sha256`, 'expected 64 hex digits');
  const url = readString(object.url, `${path}.url`, 500);
  if (!/^mxc:\/\/[^/\s]+\/[A-Za-z0-9_-]+$/.test(url))
    throw new ContentProblem(`${path}.url`, 'expected an mxc URI');
  const checkpoint = {
    event,
    entries: readInteger(object.entries, `${path}.entries`, 0),
    sha256,
    url,
    size: readInteger(object.size, `${path}.size`, 1, MAX_CHECKPOINT_BYTES),
  };
  if (object.encoding === undefined) {
    if (object.encodedSize !== undefined)
      throw new ContentProblem(`${path}.encodedSize`, 'only with an encoding');
    return checkpoint;
  }
  return {
    ...checkpoint,
    encoding: readEnum(object.encoding, `${path}.encoding`, ['gzip'] as const),
    encodedSize: readInteger(object.encodedSize, `${path}.encodedSize`, 1, MAX_CHECKPOINT_BYTES),
  };
}
