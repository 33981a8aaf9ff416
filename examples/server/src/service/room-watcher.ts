/**
 * @module
 * Runs the duties over the rooms the service is in. Following the rooms is
 * `@imago/matrix-binding`'s (`followJoinedRooms`: each room's history once, then every new event
 * in the room's order, each decisions room folded event by event); this module only joins rooms
 * it is invited to and tells the duties, serially per room and after a short debounce, which rooms
 * changed and with which events.
 */
import {
  followJoinedRooms,
  type MatrixClient,
  type MatrixEvent,
  type RawMatrixEvent,
  type ReplayDecisionsOptions,
  type RoomFollower,
  type RoomLog,
  RoomMemberEvent,
} from '@imago/matrix-binding';
import type { ServiceLog } from './log';

/** What the watcher knows of a room. */
export interface WatchedRoom {
  readonly roomId: string;
  /** The binding's follower of the room. */
  readonly follower: RoomFollower;
  /** The room's log as it stands. */
  readonly log: RoomLog;
  /** Every event in the room's order. */
  readonly raw: readonly RawMatrixEvent[];
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

function watched(roomId: string, follower: RoomFollower): WatchedRoom {
  return {
    roomId,
    follower,
    get log() {
      return follower.log();
    },
    get raw() {
      return follower.events();
    },
  };
}

/**
 * Starts watching (call it once the client's first sync is done).
 *
 * @param client - the service's client.
 * @param log - the service log.
 * @param decisions - the decisions fold's options for a room (sub-groups, secret results).
 * @param onChange - called (serially per room, after a short debounce) when a room has new events.
 * @returns the watcher.
 */
export function watchRooms(
  client: MatrixClient,
  log: ServiceLog,
  decisions: (roomId: string) => ReplayDecisionsOptions,
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

  const roomOf = (roomId: string, follower: RoomFollower): WatchedRoom => {
    let room = rooms.get(roomId);
    if (!room) {
      room = watched(roomId, follower);
      rooms.set(roomId, room);
      log.info('watcher', `read ${roomId}: ${follower.stats().historyEvents} events of history`, { roomId });
    }
    return room;
  };

  const flush = (roomId: string) => {
    timers.delete(roomId);
    void enqueue(roomId, async () => {
      const room = await refresh(roomId);
      const fresh = pending.get(roomId) ?? [];
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

  const joined = followJoinedRooms(client, {
    decisions: (roomId) => decisions(roomId),
    onChange: (roomId, follower, change) => {
      roomOf(roomId, follower);
      const list = pending.get(roomId) ?? [];
      list.push(...change.events);
      pending.set(roomId, list);
      schedule(roomId);
    },
    onError: (roomId, error) => log.warn('watcher', `cannot read ${roomId}: ${error.message}`, { roomId }),
  });

  const refresh = async (roomId: string): Promise<WatchedRoom> => roomOf(roomId, await joined.follow(roomId));

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
  client.on(RoomMemberEvent.Membership, onMembership);

  return {
    rooms,
    refresh,
    poke(roomId) {
      schedule(roomId);
    },
    stop() {
      stopped = true;
      joined.stop();
      client.off(RoomMemberEvent.Membership, onMembership);
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
