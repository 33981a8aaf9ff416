/**
 * @module
 * Watches every room the service account is in: joins when invited, reads each room's whole
 * history once (`fetchRoomHistory`), then appends live events from sync, and tells the duties
 * which rooms changed. One log per room (`RoomLog` of @imago/matrix-binding) plus the raw events.
 */
import {
  appendToRoomLog,
  emptyRoomLog,
  fetchRoomHistory,
  type RawMatrixEvent,
  type RoomLog,
  toRawEvent,
} from '@imago/matrix-binding';
import { EventStatus, type MatrixClient, type MatrixEvent, RoomEvent, RoomMemberEvent } from 'matrix-js-sdk';
import type { ServiceLog } from './log';

/** What the watcher knows of a room. */
export interface WatchedRoom {
  readonly roomId: string;
  log: RoomLog;
  /** Every event in timeline order, as received. */
  readonly raw: RawMatrixEvent[];
}

/** The watcher. */
export interface RoomWatcher {
  readonly rooms: ReadonlyMap<string, WatchedRoom>;
  /** Reads a room now (history first time, nothing new after) and returns it. */
  refresh(roomId: string): Promise<WatchedRoom>;
  /** Asks for a room to be handled again even without new events (deadlines, start-up). */
  poke(roomId: string): void;
  stop(): void;
}

/**
 * Starts watching (the client must be syncing or about to).
 *
 * @param client - the service's client.
 * @param log - the service log.
 * @param onChange - called (serially per room, after a short debounce) when a room has new events.
 * @returns the watcher.
 */
export function watchRooms(
  client: MatrixClient,
  log: ServiceLog,
  onChange: (room: WatchedRoom, fresh: readonly RawMatrixEvent[]) => Promise<void>,
): RoomWatcher {
  const me = client.getSafeUserId();
  const rooms = new Map<string, WatchedRoom>();
  const chains = new Map<string, Promise<unknown>>();
  const pending = new Map<string, RawMatrixEvent[]>();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const enqueue = <T>(roomId: string, task: () => Promise<T>): Promise<T> => {
    const next = (chains.get(roomId) ?? Promise.resolve()).then(task, task);
    chains.set(
      roomId,
      next.catch(() => undefined),
    );
    return next;
  };

  const append = (room: WatchedRoom, events: readonly RawMatrixEvent[]): RawMatrixEvent[] => {
    const fresh = events.filter((e) => typeof e.event_id === 'string' && !room.log.seen.has(e.event_id));
    if (fresh.length === 0) return [];
    room.log = appendToRoomLog(room.log, fresh);
    room.raw.push(...fresh);
    return fresh;
  };

  const loadNow = async (roomId: string): Promise<WatchedRoom> => {
    let room = rooms.get(roomId);
    if (room) return room;
    room = { roomId, log: emptyRoomLog(roomId), raw: [] };
    append(room, await fetchRoomHistory(client, roomId));
    rooms.set(roomId, room);
    log.info('watcher', `read ${roomId}: ${room.raw.length} events of history`, { roomId });
    return room;
  };
  const load = (roomId: string): Promise<WatchedRoom> => {
    const known = rooms.get(roomId);
    return known ? Promise.resolve(known) : enqueue(roomId, () => loadNow(roomId));
  };

  const flush = (roomId: string) => {
    timers.delete(roomId);
    void enqueue(roomId, async () => {
      const room = await loadNow(roomId);
      const fresh = append(room, pending.get(roomId) ?? []);
      pending.delete(roomId);
      if (stopped) return;
      try {
        await onChange(room, fresh);
      } catch (error) {
        log.error('watcher', `handling ${roomId} failed: ${(error as Error).message}`, { roomId });
      }
    });
  };

  const schedule = (roomId: string) => {
    if (stopped || timers.has(roomId)) return;
    timers.set(
      roomId,
      setTimeout(() => flush(roomId), 80),
    );
  };

  const take = (event: MatrixEvent) => {
    const roomId = event.getRoomId();
    if (!roomId) return;
    // An encrypted event counts once decrypted (the service has its crypto: it reads encrypted rooms).
    if (event.isEncrypted() && event.getClearContent() === null && !event.isDecryptionFailure()) {
      void client.decryptEventIfNeeded(event).then(() => {
        if (event.getClearContent() !== null) take(event);
      });
      return;
    }
    const list = pending.get(roomId) ?? [];
    list.push(toRawEvent(event));
    pending.set(roomId, list);
    schedule(roomId);
  };
  const onTimeline = (event: MatrixEvent, room: unknown, toStart: boolean | undefined) => {
    if (toStart || stopped || !room) return;
    // Our own events appear first as local echoes with a temporary id: taken once sent.
    if (event.status !== null) return;
    take(event);
  };
  const onLocalEcho = (event: MatrixEvent) => {
    if (stopped || (event.status !== null && event.status !== EventStatus.SENT)) return;
    if (event.getId()?.startsWith('$')) take(event);
  };

  const onMembership = (
    _event: MatrixEvent,
    member: { userId: string; membership?: string; roomId: string },
  ) => {
    if (member.userId !== me || member.membership !== 'invite' || stopped) return;
    client.joinRoom(member.roomId).then(
      () => log.info('watcher', `joined ${member.roomId} (invited)`, { roomId: member.roomId }),
      (error: Error) => log.warn('watcher', `could not join ${member.roomId}: ${error.message}`),
    );
  };

  client.on(RoomEvent.Timeline, onTimeline);
  client.on(RoomEvent.LocalEchoUpdated, onLocalEcho);
  client.on(RoomMemberEvent.Membership, onMembership);

  return {
    rooms,
    async refresh(roomId) {
      return load(roomId);
    },
    poke(roomId) {
      schedule(roomId);
    },
    stop() {
      stopped = true;
      client.off(RoomEvent.Timeline, onTimeline);
      client.off(RoomEvent.LocalEchoUpdated, onLocalEcho);
      client.off(RoomMemberEvent.Membership, onMembership);
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
