/**
 * @module
 * A room as `@imago/matrix-binding`'s follower keeps it (`followRoom`: the history once, then every
 * new event in the room's order, the decisions replay folded event by event), shared by the
 * components that show the same room, and re-rendering them when it changes. A decisions room whose
 * authority is known opens from the authority's latest checkpoint (`followDecisions`), checked
 * against the whole history in the background. The client keeps no following code of its own.
 */
import {
  type DecisionsFollower,
  emptyRoomLog,
  followDecisions,
  type ImagoWarning,
  type MatrixClient,
  type RoomLog,
} from '@imago/matrix-binding';
import { useEffect, useState } from 'preact/hooks';
import { useClientVersion } from './use-client-version';

interface Shared {
  follower?: DecisionsFollower;
  readonly started: Promise<DecisionsFollower>;
  readonly listeners: Set<() => void>;
  /** Warnings about the checkpoint the room was opened from (a mismatch, above all). */
  readonly warnings: ImagoWarning[];
}

const followers = new WeakMap<MatrixClient, Map<string, Shared>>();

function share(client: MatrixClient, roomId: string, authority: readonly string[] | undefined): Shared {
  let rooms = followers.get(client);
  if (!rooms) {
    rooms = new Map();
    followers.set(client, rooms);
  }
  const known = rooms.get(roomId);
  if (known) return known;
  const listeners = new Set<() => void>();
  const warnings: ImagoWarning[] = [];
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const shared: Shared = {
    listeners,
    warnings,
    started: followDecisions(client, roomId, {
      ...(authority ? { authority } : {}),
      onChange: changed,
      onWarning: (warning) => {
        warnings.push(warning);
        changed();
      },
    }),
  };
  // The end of the background verification changes `provisional`.
  void shared.started.then((follower) => follower.verification.then(changed, changed));
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
  follower: DecisionsFollower | undefined;
  /** Whether the state comes from the authority's checkpoint, not yet checked against the history. */
  provisional: boolean;
  /** Warnings about that checkpoint (`checkpoint-mismatch`: the history says otherwise). */
  checkpointWarnings: readonly ImagoWarning[];
  /** The room's log (empty until the history is read). */
  log: RoomLog;
}

/**
 * @param client - the running client.
 * @param roomId - the room (may not be joined yet: followed once it is).
 * @param authority - the group's authority, for a decisions room: opens from its checkpoint. The
 *   room's follower is shared by every component that shows it and started by the first: each must
 *   give the authority, or the room is followed without its checkpoint (and a lying one is never
 *   checked).
 * @returns the followed room; the component re-renders (at most once per frame) when it changes.
 */
export function useRoomFollower(
  client: MatrixClient,
  roomId: string | undefined,
  authority?: readonly string[],
): FollowedRoom {
  useClientVersion(client); // membership changes: a room joined later is followed then
  const [, setVersion] = useState(0);
  const joined = roomId !== undefined && client.getRoom(roomId)?.getMyMembership() === 'join';
  useEffect(() => {
    if (!roomId || !joined) return;
    const shared = share(client, roomId, authority);
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
  const shared = roomId ? followers.get(client)?.get(roomId) : undefined;
  const follower = shared?.follower;
  return {
    complete: follower !== undefined,
    follower,
    log: follower?.log() ?? emptyRoomLog(roomId ?? ''),
    provisional: follower?.provisional() ?? false,
    checkpointWarnings: shared?.warnings ?? [],
  };
}
