/**
 * @module
 * Reading a room's whole history from the homeserver, page by page (`GET /messages`, backwards to
 * the room's creation), decrypting encrypted events when the client has a crypto module. Thin I/O:
 * the result feeds the pure {@link appendToRoomLog}.
 */
import { Direction, type MatrixClient } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';
import { type RawMatrixEvent, toRawEvent } from '../events/raw-matrix-event';

/** Options of {@link fetchRoomHistory}. */
export interface FetchRoomHistoryOptions {
  /** Events per page (default 1000, what Synapse serves at most). */
  pageSize?: number;
  /** Keep only the latest this many events (default: no limit, the whole history). */
  maxEvents?: number;
  /** Called after each page with the number of events read so far. */
  onProgress?: (count: number) => void;
}

/**
 * Reads every event of a room from its creation, in timeline order (paginating backwards, so that
 * a homeserver that joined late backfills the earlier events over federation).
 *
 * @param client - a logged-in client that may read the room (joined, or world-readable history).
 * @param roomId - the room.
 * @param options - page size, limit, progress.
 * @returns the raw events (decrypted where possible).
 * @throws {@link HomeserverError} (operation `read-history`) when the homeserver refuses.
 * @example
 * ```ts
 * const log = appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId));
 * ```
 */
export async function fetchRoomHistory(
  client: MatrixClient,
  roomId: string,
  options: FetchRoomHistoryOptions = {},
): Promise<RawMatrixEvent[]> {
  const pageSize = options.pageSize ?? 1000;
  // Backwards from the present to the room's creation: a homeserver that joined the room late
  // fetches the earlier events from the others (backfill) only when paginating backwards.
  const newestFirst: RawMatrixEvent[] = [];
  const mapper = client.getEventMapper({ decrypt: false });
  const decrypts = client.getCrypto() !== undefined;
  let from: string | null = null;
  for (;;) {
    let page: Awaited<ReturnType<MatrixClient['createMessagesRequest']>>;
    try {
      page = await client.createMessagesRequest(roomId, from, pageSize, Direction.Backward);
    } catch (cause) {
      throw new HomeserverError('read-history', `cannot read the history of ${roomId}`, { cause });
    }
    for (const raw of page.chunk) {
      if (decrypts && raw.type === 'm.room.encrypted') {
        const event = mapper({ ...raw, room_id: raw.room_id ?? roomId });
        await client.decryptEventIfNeeded(event).catch(() => undefined);
        newestFirst.push(toRawEvent(event));
      } else {
        newestFirst.push(raw as RawMatrixEvent);
      }
    }
    options.onProgress?.(newestFirst.length);
    const done =
      !page.end ||
      page.chunk.length === 0 ||
      page.end === from ||
      (options.maxEvents !== undefined && newestFirst.length >= options.maxEvents);
    if (done) break;
    from = page.end ?? null;
  }
  const events = newestFirst.reverse();
  return options.maxEvents === undefined ? events : events.slice(-options.maxEvents);
}

/**
 * Reads the current (resolved) state of a room.
 *
 * @param client - a logged-in client that may read the room.
 * @param roomId - the room.
 * @returns the raw state events.
 * @throws {@link HomeserverError} (operation `read-state`) when the homeserver refuses.
 */
export async function fetchRoomState(client: MatrixClient, roomId: string): Promise<RawMatrixEvent[]> {
  try {
    return (await client.roomState(roomId)) as unknown as RawMatrixEvent[];
  } catch (cause) {
    throw new HomeserverError('read-state', `cannot read the state of ${roomId}`, { cause });
  }
}
