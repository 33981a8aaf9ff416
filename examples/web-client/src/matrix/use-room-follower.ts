/**
 * @module
 * A room as `@imago/matrix-binding`'s follower keeps it (`followRoom`: the history once, then every
 * new event in the room's order, the decisions replay folded event by event), shared by the
 * components that show the same room, and re-rendering them when it changes. The client keeps no
 * following code of its own.
 */
import { emptyRoomLog, followRoom, type RoomFollower, type RoomLog } from '@imago/matrix-binding';
import type { MatrixClient } from 'matrix-js-sdk';
import { useEffect, useState } from 'preact/hooks';
import { useClientVersion } from './use-client-version';

interface Shared {
  follower?: RoomFollower;
  readonly started: Promise<RoomFollower>;
  readonly listeners: Set<() => void>;
}

const followers = new WeakMap<MatrixClient, Map<string, Shared>>();

function share(client: MatrixClient, roomId: string): Shared {
  let rooms = followers.get(client);
  if (!rooms) {
    rooms = new Map();
    followers.set(client, rooms);
  }
  const known = rooms.get(roomId);
  if (known) return known;
  const listeners = new Set<() => void>();
  const shared: Shared = {
    listeners,
    started: followRoom(client, roomId, {
      decisions: true,
      onChange: () => {
        for (const listener of listeners) listener();
      },
    }),
  };
  shared.started.then(
    (follower) => {
      shared.follower = follower;
      for (const listener of listeners) listener();
    },
    () => rooms.delete(roomId), // not readable yet (e.g. not joined): tried again on next use
  );
  rooms.set(roomId, shared);
  return shared;
}

/** A followed room, as a component sees it. */
export interface FollowedRoom {
  /** `false` until the room's history is read. */
  complete: boolean;
  /** The binding's follower (with the decisions replay), once the history is read. */
  follower: RoomFollower | undefined;
  /** The room's log (empty until the history is read). */
  log: RoomLog;
}

/**
 * @param client - the running client.
 * @param roomId - the room (may not be joined yet: followed once it is).
 * @returns the followed room; the component re-renders (at most once per frame) when it changes.
 */
export function useRoomFollower(client: MatrixClient, roomId: string | undefined): FollowedRoom {
  useClientVersion(client); // membership changes: a room joined later is followed then
  const [, setVersion] = useState(0);
  const joined = roomId !== undefined && client.getRoom(roomId)?.getMyMembership() === 'join';
  useEffect(() => {
    if (!roomId || !joined) return;
    const shared = share(client, roomId);
    let frame = 0;
    const bump = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    shared.listeners.add(bump);
    if (shared.follower) bump();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      shared.listeners.delete(bump);
    };
  }, [client, roomId, joined]);
  const follower = roomId ? followers.get(client)?.get(roomId)?.follower : undefined;
  return { complete: follower !== undefined, follower, log: follower?.log() ?? emptyRoomLog(roomId ?? '') };
}
