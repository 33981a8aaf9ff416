/**
 * @module
 * Following every room a client has joined, now and later: one {@link followRoom} per room,
 * started when the client joins it. What a service watching its groups needs, so that it keeps no
 * following code of its own. Thin I/O over the client's sync.
 */
import { ClientEvent, type MatrixClient, type Room, RoomEvent } from 'matrix-js-sdk';
import type { ReplayDecisionsOptions } from '../governance/replay-decisions';
import { type FollowRoomOptions, followRoom, type RoomFollower } from './follow-room';
import type { LogChange } from './followed-log';
import type { AppendOptions } from './room-log';

/** Options of {@link followJoinedRooms}. */
export interface FollowJoinedRoomsOptions extends AppendOptions {
  /** Whether (and how) to keep a room's decisions fold; asked once per room (default: none). */
  decisions?: (roomId: string) => ReplayDecisionsOptions | boolean | undefined;
  /** Called after each change of a room's log. */
  onChange?: (roomId: string, follower: RoomFollower, change: LogChange) => void;
  /** Called when a room's history cannot be read (following it is tried again on the next `follow`). */
  onError?: (roomId: string, error: Error) => void;
  /** Events per `GET /messages` request. */
  pageSize?: number;
}

/** The followers of a client's joined rooms. */
export interface JoinedRoomsFollower {
  /** Rooms followed so far (their history read), by room id. */
  readonly rooms: ReadonlyMap<string, RoomFollower>;
  /**
   * Follows a room now if it is not yet followed.
   *
   * @param roomId - the room.
   * @returns its follower, once its history is read.
   * @throws {@link HomeserverError} when the history cannot be read.
   */
  follow(roomId: string): Promise<RoomFollower>;
  /** Stops following every room. */
  stop(): void;
}

/**
 * Follows every room the client has joined and every room it joins later. Call it once the
 * client's first sync is done (its rooms are known).
 *
 * @param client - a syncing client.
 * @param options - per-room decisions folds, change and error callbacks.
 * @returns the followers.
 * @example
 * ```ts
 * const joined = followJoinedRooms(client, {
 *   decisions: () => true,
 *   onChange: (roomId, follower) => console.log(roomId, follower.decisions()?.state.decisions.size),
 * });
 * ```
 */
export function followJoinedRooms(
  client: MatrixClient,
  options: FollowJoinedRoomsOptions = {},
): JoinedRoomsFollower {
  const rooms = new Map<string, RoomFollower>();
  const starting = new Map<string, Promise<RoomFollower>>();
  let stopped = false;

  const follow = (roomId: string): Promise<RoomFollower> => {
    const known = rooms.get(roomId);
    if (known) return Promise.resolve(known);
    const started = starting.get(roomId);
    if (started) return started;
    const decisions = options.decisions?.(roomId);
    const roomOptions: FollowRoomOptions = {
      ...(options.mayRedact ? { mayRedact: options.mayRedact } : {}),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(decisions === undefined ? {} : { decisions }),
      onChange: (_log, change) => {
        const follower = rooms.get(roomId);
        if (follower && !stopped) options.onChange?.(roomId, follower, change);
      },
    };
    const start = followRoom(client, roomId, roomOptions).then(
      (follower) => {
        starting.delete(roomId);
        if (stopped) {
          follower.stop();
          return follower;
        }
        rooms.set(roomId, follower);
        options.onChange?.(roomId, follower, { events: follower.events(), rebuilt: false });
        return follower;
      },
      (error: Error) => {
        starting.delete(roomId);
        options.onError?.(roomId, error);
        throw error;
      },
    );
    starting.set(roomId, start);
    return start;
  };

  const onMembership = (room: Room, membership: string) => {
    if (!stopped && membership === 'join') follow(room.roomId).catch(() => undefined);
  };
  const onRoom = (room: Room) => {
    if (!stopped && room.getMyMembership() === 'join') follow(room.roomId).catch(() => undefined);
  };
  client.on(RoomEvent.MyMembership, onMembership);
  client.on(ClientEvent.Room, onRoom);
  for (const room of client.getRooms()) onRoom(room);

  return {
    rooms,
    follow,
    stop: () => {
      stopped = true;
      client.off(RoomEvent.MyMembership, onMembership);
      client.off(ClientEvent.Room, onRoom);
      for (const follower of rooms.values()) follower.stop();
    },
  };
}
