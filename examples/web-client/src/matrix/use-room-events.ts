/**
 * @module
 * A room's whole history as raw events, for the pure folds of `@imago/matrix-binding`
 * (`replayDecisions`, `replayResources`, `receivedAnnouncements`): the live timeline is paginated
 * back to the room's creation once, then follows sync. Local echoes are left out until they come
 * back from the server (their id and timestamp are the server's only then).
 */
import {
  appendToRoomLog,
  emptyRoomLog,
  type RawMatrixEvent,
  type RoomLog,
  toRawEvent,
} from '@imago/matrix-binding';
import { Direction, type MatrixClient } from 'matrix-js-sdk';
import { useEffect, useState } from 'preact/hooks';
import { useClientVersion } from './use-client-version';

/** A room's history. */
export interface RoomEvents {
  /** `false` until the history is paginated back to the room's creation. */
  complete: boolean;
  events: RawMatrixEvent[];
  log: RoomLog;
}

/**
 * @param client - the running client.
 * @param roomId - the room (may be unknown to the client: no events).
 */
export function useRoomEvents(client: MatrixClient, roomId: string | undefined): RoomEvents {
  useClientVersion(client);
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    setComplete(false);
    let cancelled = false;
    const room = roomId ? client.getRoom(roomId) : null;
    if (!room) return;
    (async () => {
      const timeline = room.getLiveTimeline();
      while (!cancelled && timeline.getPaginationToken(Direction.Backward) !== null) {
        const more = await client.paginateEventTimeline(timeline, { backwards: true, limit: 200 });
        if (!more) break;
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setComplete(true);
      });
    return () => {
      cancelled = true;
    };
  }, [client, roomId]);
  const room = roomId ? client.getRoom(roomId) : null;
  const events = (room?.getLiveTimeline().getEvents() ?? [])
    .filter((event) => event.getId()?.startsWith('$') && event.status === null)
    .map(toRawEvent);
  return { complete, events, log: appendToRoomLog(emptyRoomLog(roomId ?? ''), events) };
}
