/**
 * @module
 * This browser's part in its groups' secret elections: one `electionDuties` of
 * @imago/matrix-binding per client (a member's role: trustee steps taken in the background while
 * the page is open, credentials received Olm-encrypted from the group's authority, ballots
 * encrypted here), fed by `followElections` for each decisions room shown. The hook gives the
 * room's last election update: its elections, and the one verifier of secret results that the
 * governance replay uses.
 */
import {
  type ElectionDuties,
  type ElectionsUpdate,
  electionDuties,
  type FollowedElections,
  followElections,
  KnownMembership,
  type MatrixClient,
} from '@imago/matrix-binding';
import { useEffect, useState } from 'preact/hooks';
import { localElectionStore } from './local-election-store';

interface ClientElections {
  readonly duties: ElectionDuties;
  readonly rooms: Map<string, Promise<FollowedElections | undefined>>;
  readonly listeners: Set<(roomId: string) => void>;
}

const byClient = new WeakMap<MatrixClient, ClientElections>();

/** Joined members of every space the client knows: sub-groups, for delegations to a group. */
function spaceMembers(client: MatrixClient): Map<string, ReadonlySet<string>> {
  return new Map(
    client
      .getRooms()
      .filter((room) => room.isSpaceRoom())
      .map((room) => [
        room.roomId,
        new Set(
          room
            .getMembers()
            .filter((m) => m.membership === KnownMembership.Join)
            .map((m) => m.userId),
        ),
      ]),
  );
}

/** The client's election duties (started on first use). */
export function clientElections(client: MatrixClient): ClientElections {
  let known = byClient.get(client);
  if (!known) {
    const listeners = new Set<(roomId: string) => void>();
    const duties = electionDuties({
      client,
      store: localElectionStore(client.getSafeUserId()),
      groups: () => spaceMembers(client),
      onUpdate: (roomId) => {
        for (const listener of listeners) listener(roomId);
      },
      onActivity: (activity) => {
        if (activity.level === 'warn') console.warn('election', activity.step, activity.detail);
      },
    });
    known = { duties, rooms: new Map(), listeners };
    byClient.set(client, known);
  }
  return known;
}

/**
 * @param client - the running client.
 * @param roomId - a decisions room.
 * @returns the room's last election update (undefined until the first one).
 */
export function useElections(client: MatrixClient, roomId: string): ElectionsUpdate | undefined {
  const elections = clientElections(client);
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!elections.rooms.has(roomId)) {
      elections.rooms.set(
        roomId,
        followElections(client, roomId, elections.duties).catch((error: Error) => {
          console.warn('elections', roomId, error.message);
          elections.rooms.delete(roomId);
          return undefined;
        }),
      );
    }
    const listener = (changed: string) => {
      if (changed === roomId) setVersion((n) => n + 1);
    };
    elections.listeners.add(listener);
    return () => {
      elections.listeners.delete(listener);
    };
  }, [client, roomId]);
  return elections.duties.last(roomId);
}
