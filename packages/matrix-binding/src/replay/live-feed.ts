/**
 * @module
 * A follower's live feed, after the history: it reads forward from the token where it stopped
 * (`GET /messages?dir=f&from=…`) whenever sync says the room has something new and after every
 * reconnection, so that the log takes the homeserver's copy of the follower's own events (never a
 * local echo) and nothing is missed by a gappy sync or while offline. Each reading also places the
 * events sync announced that reading forward did not return (`announced-events.ts`), reads the
 * history again when one of them lies too far back, and fetches the homeserver's copy of events a
 * redaction names (`GET /event`), stripped if the homeserver applied the redaction. One reading at
 * a time; a trigger during a reading asks for another one after it.
 */
import { ClientEvent, Direction, type MatrixEvent, RoomEvent, SyncState } from 'matrix-js-sdk';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { placeAnnounced } from './announced-events';
import { coalescedReading } from './coalesced-reading';
import { type FollowerSession, messagesPage } from './follower-session';
import { readHistory } from './history-reading';
import { eventIdOf, isRedacted } from './served-event';

/** @internal A follower's readings and the sync events that trigger them. */
export interface LiveFeed {
  /** Reads what is new (or joins the reading under way, which then runs again). */
  read(): Promise<void>;
  /** The reading under way, if any. */
  reading(): Promise<void> | undefined;
  /** Stops listening to sync. */
  unsubscribe(): void;
}

/** Reads forward from the token, page after page, until the present. */
async function readForward(session: FollowerSession): Promise<void> {
  for (;;) {
    const page = await messagesPage(session, session.token ?? null, Direction.Forward);
    session.stats.forwardRequests++;
    if (session.stopped) return;
    if (page.events.length > 0) {
      session.stats.forwardEvents += page.events.length;
      void session.receive(session.last, page.events);
      session.last = eventIdOf(page.events.at(-1) as RawMatrixEvent) ?? session.last;
    }
    if (page.end) session.token = page.end;
    if (page.events.length < session.pageSize || !page.end) return;
  }
}

/** Reads the homeserver's copy of each event a redaction names, for the log to take. */
async function refreshRedacted(session: FollowerSession, refreshing: Set<string>): Promise<void> {
  const { client, roomId, followed } = session;
  for (const target of followed.refreshes) {
    if (session.stopped || refreshing.has(target)) continue;
    refreshing.add(target);
    try {
      const copy = (await client.fetchRoomEvent(roomId, target)) as RawMatrixEvent;
      session.stats.refreshes++;
      if (!session.stopped) session.changed(followed.refreshed(target, isRedacted(copy) ? copy : undefined));
    } catch {
      if (!session.stopped) session.changed(followed.refreshed(target, undefined));
    } finally {
      refreshing.delete(target);
    }
  }
}

/** @internal Starts a follower's live feed: listens to sync; `read` for the first reading. */
export function liveFeed(session: FollowerSession): LiveFeed {
  const { client, roomId } = session;
  const contextFailures = new Map<string, number>();
  const refreshing = new Set<string>();
  // Readings started so far; a gap in sync (seen during reading `gapAt`) closes after a later one.
  let readings = 0;
  let gapAt: number | undefined;
  const feed = coalescedReading(
    async () => {
      const reading = ++readings;
      try {
        await readForward(session);
        if (gapAt !== undefined && reading > gapAt) gapAt = undefined;
        await placeAnnounced(session, contextFailures);
        if (session.resync) {
          session.resync = false;
          await readHistory(session);
        }
        await refreshRedacted(session, refreshing);
      } catch {
        // The homeserver is away: the next sync (after reconnection) triggers another reading.
      }
    },
    () => session.stopped,
  );
  const read = feed.trigger;

  const onTimeline = (
    event: MatrixEvent,
    room: { roomId: string } | undefined,
    toStart: boolean | undefined,
  ) => {
    if (toStart || room?.roomId !== roomId) return;
    const id = event.getId();
    // A local echo has no event id yet: its remote echo comes back by reading forward.
    if (id?.startsWith('$') && event.status === null) {
      session.announced.add(id);
      if (session.live && gapAt === undefined && !session.stopped && event.event !== undefined) {
        try {
          session.propose([structuredClone(event.event) as RawMatrixEvent]);
        } catch {
          // Not in sync's way (an application's change callback that throws): the reading places it.
        }
      }
    }
    void read();
  };
  // A limited sync: what it delivers does not follow what came before.
  const onReset = (room: { roomId: string } | undefined) => {
    if (room?.roomId === roomId) gapAt = readings;
  };
  const onLocalEcho = (_event: MatrixEvent, room: { roomId: string }) => {
    if (room.roomId === roomId) void read();
  };
  // A reconnection: what happened while offline is read forward from the token.
  const onSync = (state: SyncState, previous: SyncState | null) => {
    if (state === SyncState.Syncing && previous !== SyncState.Syncing) void read();
  };
  client.on(RoomEvent.Timeline, onTimeline);
  client.on(RoomEvent.LocalEchoUpdated, onLocalEcho);
  client.on(RoomEvent.TimelineReset, onReset);
  client.on(ClientEvent.Sync, onSync);
  return {
    read,
    reading: feed.current,
    unsubscribe: () => {
      client.off(RoomEvent.Timeline, onTimeline);
      client.off(RoomEvent.LocalEchoUpdated, onLocalEcho);
      client.off(RoomEvent.TimelineReset, onReset);
      client.off(ClientEvent.Sync, onSync);
    },
  };
}
