/**
 * @module
 * Following a room live: its history is read once, then every new timeline event (decrypted when
 * it was encrypted) is appended to the log; after a reconnection the history is read again and
 * appended, which is harmless since the log applies each event id once. Thin I/O over the client's
 * sync.
 */
import {
  ClientEvent,
  EventStatus,
  type MatrixClient,
  type MatrixEvent,
  MatrixEventEvent,
  RoomEvent,
  SyncState,
} from 'matrix-js-sdk';
import { type RawMatrixEvent, toRawEvent } from '../events/raw-matrix-event';
import { fetchRoomHistory } from './fetch-room-history';
import { type AppendOptions, appendToRoomLog, emptyRoomLog, type RoomLog } from './room-log';

/** A live view of a room's log. */
export interface RoomFollower {
  /** The log as it stands. */
  readonly log: () => RoomLog;
  /** Stops following. */
  readonly stop: () => void;
}

/** Options of {@link followRoom}. */
export interface FollowRoomOptions extends AppendOptions {
  /** Called with the new log after each change. */
  onChange?: (log: RoomLog) => void;
}

/**
 * Follows a room: the whole history first, then live events, re-reading the history after a
 * reconnection so that nothing missed while offline is lost.
 *
 * @param client - a syncing client in the room.
 * @param roomId - the room.
 * @param options - change callback, redaction rights.
 * @returns the follower, once the history is read.
 * @throws {@link HomeserverError} when the history cannot be read.
 * @example
 * ```ts
 * const follower = await followRoom(client, rooms.decisions, {
 *   onChange: (log) => render(replayDecisions(log).state),
 * });
 * ```
 */
export async function followRoom(
  client: MatrixClient,
  roomId: string,
  options: FollowRoomOptions = {},
): Promise<RoomFollower> {
  let log = emptyRoomLog(roomId);
  let stopped = false;
  // Live events that arrive while the history is read wait for it, so that the log keeps the
  // room's order (membership and the initial control table come before what depends on them).
  let pending: RawMatrixEvent[] | undefined = [];
  const append = (events: RawMatrixEvent[]) => {
    if (stopped) return;
    if (pending) {
      pending.push(...events);
      return;
    }
    const next = appendToRoomLog(log, events, options);
    if (next.entries.length !== log.entries.length || next.seen.size !== log.seen.size) {
      log = next;
      options.onChange?.(log);
    }
  };
  const onDecrypted = (event: MatrixEvent) => {
    if (event.getRoomId() === roomId) append([toRawEvent(event)]);
  };
  const live = (event: MatrixEvent) => {
    // Own events first appear as local echoes with a temporary id; they count once the homeserver
    // has given them their id (see onLocalEcho).
    if (!event.getId()?.startsWith('$') || (event.status !== null && event.status !== EventStatus.SENT))
      return;
    if (event.isBeingDecrypted() || event.shouldAttemptDecryption()) {
      event.once(MatrixEventEvent.Decrypted, onDecrypted);
      return;
    }
    append([toRawEvent(event)]);
  };
  const onTimeline = (
    event: MatrixEvent,
    room: { roomId: string } | undefined,
    toStart: boolean | undefined,
  ) => {
    if (!toStart && room?.roomId === roomId) live(event);
  };
  const onLocalEcho = (event: MatrixEvent, room: { roomId: string }) => {
    if (room.roomId !== roomId || event.status !== EventStatus.SENT) return;
    const id = event.getId();
    if (!id?.startsWith('$')) return;
    // A local echo carries this client's clock, not the homeserver's: take the event as the
    // homeserver stored it, as every other member (and a later replay) will read it.
    client
      .fetchRoomEvent(roomId, id)
      .then((raw) => append([raw as RawMatrixEvent]))
      .catch(() => undefined); // the next sync or reconnection brings it anyway
  };
  let catchingUp = false;
  const onSync = (state: SyncState, previous: SyncState | null) => {
    if (state !== SyncState.Syncing || (previous !== SyncState.Reconnecting && previous !== SyncState.Error))
      return;
    if (catchingUp) return;
    catchingUp = true;
    fetchRoomHistory(client, roomId)
      .then((events) => append(events))
      .catch(() => undefined) // a later reconnection tries again
      .finally(() => {
        catchingUp = false;
      });
  };
  const unsubscribe = () => {
    client.off(RoomEvent.Timeline, onTimeline);
    client.off(RoomEvent.LocalEchoUpdated, onLocalEcho);
    client.off(ClientEvent.Sync, onSync);
  };
  client.on(RoomEvent.Timeline, onTimeline);
  client.on(RoomEvent.LocalEchoUpdated, onLocalEcho);
  client.on(ClientEvent.Sync, onSync);
  try {
    const history = await fetchRoomHistory(client, roomId);
    const waiting = pending;
    pending = undefined;
    append([...history, ...waiting]);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return {
    log: () => log,
    stop: () => {
      stopped = true;
      unsubscribe();
    },
  };
}
