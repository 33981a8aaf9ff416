/**
 * @module
 * Checkpoints of a decisions room: the group's authority writes down its decisions fold after a
 * given event, so that a member opening a room with a long history sees its state at once, and
 * checks it by replaying the whole history in the background ({@link followDecisions}).
 *
 * A checkpoint is the state event `org.imago.checkpoint` of the decisions room whose state key is
 * the authority's own user id (Matrix lets nobody else set a state key that is their user id, and
 * a group's rooms put every state type at power 100). It names the last event the fold took, the
 * number of log entries folded, and the SHA-256, length and media URI of the snapshot's bytes
 * ({@link encodeFoldSnapshot}), which the media holds gzip-compressed ({@link gzipSnapshot}). A
 * reader takes checkpoints only under the state keys of the authority it was given (the group's
 * pin), and only if the bytes it downloads inflate to the announced length, no more (it stops
 * inflating there: see {@link gunzipSnapshot}), and hash to the checkpoint's digest.
 */
import { type MatrixClient, Method } from 'matrix-js-sdk';
import { sendState } from '../client/send';
import { HomeserverError } from '../errors/homeserver-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { ContentProblem } from '../events/content-reader';
import { ImagoEventTypes } from '../events/event-types';
import type { ImagoWarning } from '../events/imago-warning';
import type { FollowedLogBase } from '../replay/followed-log';
import { type BoundedBytes, gzipSnapshot, readBounded } from './checkpoint-compression';
import { type CheckpointContent, MAX_CHECKPOINT_BYTES, readCheckpointContent } from './checkpoint-content';
import { parseCheckpointBytes } from './checkpoint-snapshot-bytes';
import { decodeFoldSnapshot, encodeFoldSnapshot, sha256Hex } from './fold-snapshot-codec';

/** A checkpoint as read from the room. */
export interface Checkpoint extends CheckpointContent {
  /** Its author (one of the group's authority). */
  readonly sender: string;
  /** The id of the state event that carries it. */
  readonly eventId: string;
}

/**
 * Posts a checkpoint of a decisions fold: uploads the snapshot's bytes, gzip-compressed, and sets
 * the sender's `org.imago.checkpoint` state (`encoding: 'gzip'`; `sha256` and `size` of the
 * uncompressed bytes). Only checkpoints from the group's authority are read.
 *
 * @param client - the authority's client.
 * @param roomId - the decisions room (unencrypted: state events are never encrypted, nor would the
 *   snapshot be).
 * @param base - where the fold stands: its last event and its snapshot (`follower.snapshot()`).
 * @returns the checkpoint's content.
 * @throws {@link InvalidArgumentError} for an encrypted room; {@link HomeserverError} (operation
 *   `upload-media` or `send-event`) when the homeserver refuses.
 * @example
 * ```ts
 * const base = follower.snapshot();
 * if (base) await postCheckpoint(client, roomId, base);
 * ```
 */
export async function postCheckpoint(
  client: MatrixClient,
  roomId: string,
  base: FollowedLogBase,
): Promise<CheckpointContent> {
  if (client.getRoom(roomId)?.hasEncryptionStateEvent()) {
    throw new InvalidArgumentError('checkpoints are for unencrypted decisions rooms');
  }
  const bytes = encodeFoldSnapshot(base.fold);
  const compressed = await gzipSnapshot(bytes);
  const content: Omit<CheckpointContent, 'url'> = {
    event: base.eventId,
    entries: base.fold.entries,
    sha256: await sha256Hex(bytes),
    size: bytes.length,
    encoding: 'gzip',
    encodedSize: compressed.length,
  };
  let url: string;
  try {
    const upload = await client.uploadContent(new Blob([compressed as Uint8Array<ArrayBuffer>]), {
      type: 'application/gzip',
      name: 'decisions-checkpoint.json.gz',
      includeFilename: false,
    });
    url = upload.content_uri;
  } catch (cause) {
    throw new HomeserverError('upload-media', `cannot upload a checkpoint for ${roomId}`, { cause });
  }
  const full = { ...content, url };
  await sendState(client, roomId, ImagoEventTypes.checkpoint, client.getSafeUserId(), { ...full });
  return full;
}

/** What {@link readCheckpoint} found. */
export interface CheckpointReading {
  /** The latest usable checkpoint of the authority, and the fold it carries. */
  readonly checkpoint?: Checkpoint;
  readonly base?: FollowedLogBase;
  /**
   * Checkpoints that were not usable: malformed content (`malformed-content`), a snapshot not
   * readable (`unknown-reference`), not gzip or truncated (`malformed-content`, path
   * `content.encoding`), inflating past its `size` (`oversize`, path `content.size`), of another
   * length or digest (`checkpoint-mismatch`, path `content.size` or `content.sha256`), undecodable.
   */
  readonly warnings: readonly ImagoWarning[];
}

interface StateEvent {
  readonly type?: unknown;
  readonly state_key?: unknown;
  readonly sender?: unknown;
  readonly event_id?: unknown;
  readonly content?: unknown;
}

/**
 * Reads the latest checkpoint the group's authority posted in a decisions room, downloads its
 * snapshot, inflates it (streaming, never past the checkpoint's `size`, itself at most
 * {@link MAX_CHECKPOINT_BYTES}) and checks its digest. Checkpoints under any other state key are
 * never read. An unusable checkpoint gives a warning, and the next one (or none) is tried.
 *
 * @param client - a member's client.
 * @param roomId - the decisions room.
 * @param authority - the group's authority (from its pin: `readGroup(...).authority`).
 * @returns the checkpoint and its fold, if one is usable, and warnings about those that are not.
 */
export async function readCheckpoint(
  client: MatrixClient,
  roomId: string,
  authority: readonly string[],
): Promise<CheckpointReading> {
  const warnings: ImagoWarning[] = [];
  const candidates: Checkpoint[] = [];
  for (const member of authority) {
    let event: StateEvent;
    try {
      const path = `/rooms/${encodeURIComponent(roomId)}/state/${encodeURIComponent(ImagoEventTypes.checkpoint)}/${encodeURIComponent(member)}`;
      event = await client.http.authedRequest<StateEvent>(Method.Get, path, { format: 'event' });
    } catch {
      continue; // no checkpoint from this member
    }
    const about = {
      type: ImagoEventTypes.checkpoint,
      sender: typeof event.sender === 'string' ? event.sender : member,
      ...(typeof event.event_id === 'string' ? { eventId: event.event_id } : {}),
    };
    if (event.sender !== member || event.state_key !== member) {
      warnings.push({ ...about, code: 'unauthorised', detail: 'a checkpoint under another member’s key' });
      continue;
    }
    try {
      candidates.push({
        ...readCheckpointContent(event.content),
        sender: member,
        eventId: typeof event.event_id === 'string' ? event.event_id : '',
      });
    } catch (problem) {
      if (!(problem instanceof ContentProblem)) throw problem;
      warnings.push({ ...about, code: problem.code, path: problem.path, detail: problem.detail });
    }
  }
  // The latest: the one that folded the most entries.
  candidates.sort((a, b) => b.entries - a.entries);
  for (const checkpoint of candidates) {
    const about = {
      type: ImagoEventTypes.checkpoint,
      sender: checkpoint.sender,
      eventId: checkpoint.eventId,
    };
    let media: BoundedBytes;
    try {
      media = await download(client, checkpoint.url, checkpoint.encodedSize ?? checkpoint.size);
    } catch {
      warnings.push({
        ...about,
        code: 'unknown-reference',
        path: 'content.url',
        detail: 'snapshot not readable',
      });
      continue;
    }
    if (!media.ok) {
      warnings.push(
        media.error === 'oversize'
          ? {
              ...about,
              code: 'oversize',
              path: checkpoint.encoding ? 'content.encodedSize' : 'content.size',
              detail: 'the media is longer than the checkpoint says',
            }
          : { ...about, code: 'unknown-reference', path: 'content.url', detail: 'snapshot not readable' },
      );
      continue;
    }
    const read = await parseCheckpointBytes(checkpoint, media.value);
    if (!read.ok) {
      warnings.push({ ...about, ...read.error });
      continue;
    }
    const bytes = read.value;
    const decoded = decodeFoldSnapshot(bytes);
    if (!decoded.ok || decoded.value.entries !== checkpoint.entries) {
      warnings.push({
        ...about,
        code: 'malformed-content',
        path: decoded.ok ? 'content.entries' : `snapshot${decoded.path.slice(1)}`,
        detail: 'the snapshot cannot be taken up',
      });
      continue;
    }
    return { checkpoint, base: { eventId: checkpoint.event, fold: decoded.value }, warnings };
  }
  return { warnings };
}

/**
 * The media's bytes, at most `size` (a longer body is `oversize`, and no more of it is read).
 *
 * @throws when the homeserver does not serve them.
 */
async function download(client: MatrixClient, url: string, size: number): Promise<BoundedBytes> {
  const http = client.mxcUrlToHttp(url, undefined, undefined, undefined, false, true, true);
  if (!http) throw new Error('not an mxc URI');
  const response = await fetch(http, { headers: { authorization: `Bearer ${client.getAccessToken()}` } });
  if (!response.ok || !response.body) throw new Error(`media: ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > size) {
    await response.body.cancel();
    return { ok: false, error: 'oversize' };
  }
  return readBounded(response.body, size);
}
