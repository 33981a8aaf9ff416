/**
 * @module
 * The content of `org.imago.checkpoint`, the state event in which the group's authority writes down
 * its decisions fold after a given event (see {@link postCheckpoint}, {@link readCheckpoint}). Pure.
 */
import { ContentProblem, readInteger, readObject, readString } from '../events/content-reader';

/** Largest snapshot a reader downloads (bytes). */
export const MAX_CHECKPOINT_BYTES = 256 * 1024 * 1024;

/** Content of `org.imago.checkpoint`. */
export interface CheckpointContent {
  /** The last event of the room the fold took. */
  readonly event: string;
  /** Log entries folded up to it. */
  readonly entries: number;
  /** SHA-256 of the snapshot's bytes, lowercase hex. */
  readonly sha256: string;
  /** Where the snapshot's bytes are (`mxc://`). */
  readonly url: string;
  /** Their length in bytes. */
  readonly size: number;
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
  return {
    event,
    entries: readInteger(object.entries, `${path}.entries`, 0),
    sha256,
    url,
    size: readInteger(object.size, `${path}.size`, 1, MAX_CHECKPOINT_BYTES),
  };
}
