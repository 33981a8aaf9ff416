// A group on the first of two federating Synapses, governed by a service account, with members
// and raw-HTTP attackers on the second: the set-up of the two-server adversarial suites.
import { beforeAll, expect } from 'vitest';
import { type CreatedGroup, createGroup, fetchRoomHistory, type RawMatrixEvent } from '../../src/index';
import { eventually } from './eventually';
import { federatedPair } from './federated-pair';
import { type LiveUser, liveUser } from './live-users';
import type { RawAnswer, RawMatrix } from './raw-matrix';

/** The group and the people around it, once `beforeAll` ran. */
export interface FederatedGroup<Ghost extends string> {
  readonly ana: LiveUser; // on A, founds the group
  readonly bea: LiveUser; // on B, a member, joined
  /** The group's authority: a user of the application service on A (`?ts=` makes time pass). */
  readonly service: RawMatrix;
  /** Users of the application service on B (raw HTTP, any `origin_server_ts`), by localpart. */
  readonly ghosts: Readonly<Record<Ghost, RawMatrix>>;
  readonly group: CreatedGroup;
  /** The group's decisions room. */
  readonly room: string;
}

/** Joins the decisions room over federation and waits until the join has completed. */
export async function joinRoom(who: RawMatrix, room: string, via: readonly string[]): Promise<void> {
  const joined = await eventually(
    () => who.join(room, via),
    (answer) => answer.status === 200,
  );
  expect(joined.status).toBe(200);
  // A remote join completes in the background (partial state): wait until the server says so.
  await eventually(
    () => who.request('GET', `/rooms/${encodeURIComponent(room)}/joined_members`),
    (answer) => answer.status === 200 && Object.hasOwn(answer.body.joined ?? {}, who.userId as string),
  );
}

/** Waits until `who`'s server has the event. */
export const hasEvent = (who: RawMatrix, room: string, id: string): Promise<RawAnswer> =>
  eventually(
    () => who.request('GET', `/rooms/${encodeURIComponent(room)}/event/${encodeURIComponent(id)}`),
    (answer) => answer.status === 200,
    `${who.userId} has ${id}`,
  );

/** A history with its racing event moved to the other side of the close: another server's order. */
export function across(events: RawMatrixEvent[], racing: string, closeId: string): RawMatrixEvent[] {
  const index = (list: RawMatrixEvent[], id: string) => list.findIndex((e) => e.event_id === id);
  const moved = events.filter((e) => e.event_id !== racing);
  const first = index(events, racing) < index(events, closeId);
  moved.splice(index(moved, closeId) + (first ? 1 : 0), 0, events[index(events, racing)] as RawMatrixEvent);
  return moved;
}

/** The room's history from `user`'s server, once it holds the event `last`. */
export const historyUntil = (user: LiveUser, room: string, last: string): Promise<RawMatrixEvent[]> =>
  eventually(
    () => fetchRoomHistory(user.client, room),
    (events) => events.some((e) => e.event_id === last),
  );

/**
 * Registers the hooks of two federating Synapses named after `file`, each with an application
 * service, and of a group on A (named `name`, a decisions room) whose authority is A's service
 * account. The ghosts named in `invited` are invited at creation (neither they nor the service
 * join: the file decides when); the others are only registered.
 */
export function federatedGroup<Ghost extends string>(
  file: string,
  options: { name: string; ghosts: readonly Ghost[]; invited: readonly Ghost[] },
): () => FederatedGroup<Ghost> {
  const pair = federatedPair(file, { appservices: { a: 'svc', b: 'remote' } });
  let made: FederatedGroup<Ghost> | undefined;
  beforeAll(async () => {
    const [a, b] = [pair.a(), pair.b()];
    const [ana, bea] = await Promise.all([
      liveUser('ana', { homeserver: a }),
      liveUser('bea', { homeserver: b }),
    ]);
    const service = await pair.appservice('a').ghost(a.baseUrl, a.serverName, 'authority');
    const ghosts = {} as Record<Ghost, RawMatrix>;
    for (const name of options.ghosts)
      ghosts[name] = await pair.appservice('b').ghost(b.baseUrl, b.serverName, name);
    const group = await createGroup(ana.client, {
      profile: { name: options.name },
      rooms: ['decisions'],
      authority: [service.userId as string],
      invite: [
        service.userId as string,
        bea.userId,
        ...options.invited.map((name) => ghosts[name].userId as string),
      ],
    });
    const room = group.rooms.decisions as string;
    await bea.client.joinRoom(room, { viaServers: [...group.via] });
    made = { ana, bea, service, ghosts, group, room };
  }, 120_000);
  return () => {
    if (made === undefined) throw new Error('the federated group is not made yet');
    return made;
  };
}
