/**
 * The room follower on a live Synapse: a member who followed the room live ends in the state of a
 * member who replays it afresh, through a gappy sync while the client was offline, its own events
 * (local echoes), a vote folded as sync delivers it before the reading that confirms its place, a
 * redaction that arrives after the event it removes, and an encrypted event whose key comes late. The history is read once: what happens afterwards is read forward.
 */
import { createClient, type MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  createGroup,
  DecisionsFold,
  emptyRoomLog,
  encodeFoldSnapshot,
  fetchRoomHistory,
  followRoom,
  initControlTable,
  joinGroup,
  propose,
  type RoomFollower,
  setDelegations,
  vote,
} from '../../src/index';
import { registerUser, testHomeserverFromEnvironment } from '../../src/testing/index';
import { type LiveUser, liveUser, run, startSynced, stopAll, waitUntil } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const HOUR = 3_600_000;
const rule = {
  protocol: 'democracy' as const,
  method: 'plurality' as const,
  quorum: 0,
  threshold: 0.5,
  duration: HOUR,
  ballot: 'public' as const,
  delegation: true,
  groupDelegation: 'majority' as const,
};
const table = {
  rules: {
    'change-control-table': { protocol: 'consensus' as const, duration: HOUR },
    'spend-resource': rule,
  },
};

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The follower's fold and a fresh replay's, as bytes; and their logs. */
async function compare(follower: RoomFollower, client: MatrixClient, room: string) {
  const log = appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room));
  const fresh = new DecisionsFold().add(log.entries);
  const live = follower.snapshot();
  return {
    live: live ? text(encodeFoldSnapshot(live.fold)) : undefined,
    fresh: text(encodeFoldSnapshot(fresh.snapshot())),
    liveEntries: follower.log().entries,
    freshEntries: log.entries,
  };
}

describe('the room follower equals a fresh replay (live Synapse)', () => {
  let ana: LiveUser; // founder: the group's authority
  let bo: LiveUser; // follows the room
  let cy: LiveUser;
  let room: string;
  let follower: RoomFollower;

  beforeAll(async () => {
    [ana, bo, cy] = await Promise.all([liveUser('ana'), liveUser('bo'), liveUser('cy')]);
    const group = await createGroup(ana.client, {
      profile: { name: 'Suivi' },
      rooms: ['decisions'],
      invite: [bo.userId, cy.userId],
    });
    room = group.rooms.decisions as string;
    await Promise.all([joinGroup(bo.client, group), joinGroup(cy.client, group)]);
    await initControlTable(ana.client, room, table);
    follower = await followRoom(bo.client, room, { decisions: true });
  });
  afterAll(() => {
    follower?.stop();
    stopAll();
  });

  it('catches up after a gappy sync from where it stopped, without reading the history again', async () => {
    const decision = await propose(ana.client, room, { kind: 'spend-resource', action: { amount: 5 } });
    await vote(bo.client, room, decision, [1, 0]); // a local echo first, then the homeserver's copy
    await waitUntil(() => follower.decisions()?.state.decisions.get(decision) !== undefined, 'the proposal');
    const historyRequests = follower.stats().historyRequests;

    // Bo's client goes offline; more events than sync's timeline limit (10) happen meanwhile.
    bo.client.stopClient();
    const raw = new RawMatrix(cy.session.baseUrl, cy.session.accessToken);
    const offline: string[] = [];
    for (let i = 0; i < 15; i++) {
      const ballot = i % 2 ? [1, 0] : [0, 1];
      offline.push(await raw.sendOk(room, 'org.imago.governance.vote', { decision, ballot }));
    }
    const lastId = await setDelegations(ana.client, room, [
      { scope: { type: 'group' }, to: { member: cy.userId } },
    ]);
    const before = follower.stats();
    await startSynced(bo.client);
    await waitUntil(() => follower.log().seen.has(lastId), 'the events sent while offline');
    await follower.settled();
    // Sync left a gap: the client's own timeline does not hold the first votes sent while offline.
    const timeline =
      bo.client
        .getRoom(room)
        ?.getLiveTimeline()
        .getEvents()
        .map((e) => e.getId()) ?? [];
    expect(timeline).not.toContain(offline[0]);

    const after = follower.stats();
    expect(after.historyRequests).toBe(historyRequests); // the history was not read again
    expect(after.forwardEvents - before.forwardEvents).toBeGreaterThanOrEqual(16);
    expect(after.forwardEvents - before.forwardEvents).toBeLessThan(20);
    const { live, fresh, liveEntries, freshEntries } = await compare(follower, cy.client, room);
    expect(liveEntries).toEqual(freshEntries);
    expect(live).toBe(fresh);
    // Bo's own vote counts at the homeserver's time, as everyone else reads it.
    const bosVote = follower
      .events()
      .find((e) => e.sender === bo.userId && e.type === 'org.imago.governance.vote');
    const served = (await fetchRoomHistory(cy.client, room)).find((e) => e.event_id === bosVote?.event_id);
    expect(bosVote?.origin_server_ts).toBe(served?.origin_server_ts);
  });

  it('folds a vote as sync delivers it, before reading the room’s order, which then confirms it', async () => {
    const decision = await propose(ana.client, room, { kind: 'spend-resource', action: { amount: 3 } });
    await waitUntil(() => follower.decisions()?.state.decisions.get(decision) !== undefined, 'the proposal');
    await follower.settled();
    // Bo's forward readings wait at a gate: only sync can bring the vote now.
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const read = bo.client.createMessagesRequest.bind(bo.client);
    bo.client.createMessagesRequest = async (...args) => {
      if (args[3] === 'f') await gate;
      return read(...args);
    };
    const rebuilds = follower.stats().rebuilds;
    try {
      const raw = new RawMatrix(cy.session.baseUrl, cy.session.accessToken);
      const cysVote = await raw.sendOk(room, 'org.imago.governance.vote', { decision, ballot: [0, 1] });
      await waitUntil(() => follower.log().seen.has(cysVote), 'the vote, from sync');
      const participation = follower.decisions()?.state.decisions.get(decision)?.participation;
      expect(participation?.protocol === 'democracy' && participation.ballots.get(cy.userId)).toEqual([0, 1]);
      expect(follower.unconfirmed()).toBe(1);
      expect(follower.snapshot()).toBeUndefined();
    } finally {
      open();
      bo.client.createMessagesRequest = read;
    }
    await follower.settled();
    expect(follower.unconfirmed()).toBe(0);
    expect(follower.stats().rebuilds).toBe(rebuilds);
    const { live, fresh, liveEntries, freshEntries } = await compare(follower, cy.client, room);
    expect(liveEntries).toEqual(freshEntries);
    expect(live).toBe(fresh);
  });

  it('takes a redaction that comes after the event it removes as a fresh history serves it', async () => {
    const decision = await propose(ana.client, room, { kind: 'spend-resource', action: { amount: 7 } });
    const cysVote = await vote(cy.client, room, decision, [1, 0]);
    await waitUntil(() => follower.log().seen.has(cysVote), 'the vote');
    const counted = () => {
      const participation = follower.decisions()?.state.decisions.get(decision)?.participation;
      return participation?.protocol === 'democracy' ? participation.ballots.has(cy.userId) : undefined;
    };
    expect(counted()).toBe(true);
    // The authority (power 100) redacts it while the decision is open: the vote is withdrawn.
    const redaction = await ana.client.redactEvent(room, cysVote);
    await waitUntil(() => follower.log().seen.has(redaction.event_id), 'the redaction');
    await follower.settled();
    expect(counted()).toBe(false);
    expect(follower.stats().refreshes).toBeGreaterThanOrEqual(1);
    const { live, fresh, liveEntries, freshEntries } = await compare(follower, cy.client, room);
    expect(liveEntries).toEqual(freshEntries);
    expect(live).toBe(fresh);
  });
});

describe('an encrypted event whose key comes late (live Synapse, Rust crypto)', () => {
  let follower: RoomFollower | undefined;
  const clients: MatrixClient[] = [];
  afterAll(() => {
    follower?.stop();
    for (const client of clients) client.stopClient();
    stopAll();
  });

  it('is undecryptable at first, then counted as a fresh replay counts it', async () => {
    const ana = await liveUser('ana-e2e', { encryption: true });
    const bo = await liveUser('bo-e2e', { encryption: true });
    // Cy's client holds back the room keys it sends to other devices until released: the key of
    // Cy's vote reaches the others after the vote, as over a slow federation link.
    const held: { url: string; init: RequestInit }[] = [];
    let holding = true;
    const session = await registerUser(testHomeserverFromEnvironment(), `cy-e2e-${run}`);
    const cy = createClient({
      ...session,
      fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (holding && init?.method === 'PUT' && url.includes('/sendToDevice/m.room.encrypted/')) {
          held.push({ url, init });
          return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
        }
        return fetch(input, init);
      },
    });
    clients.push(cy);
    await cy.initRustCrypto({ useIndexedDB: false });
    await startSynced(cy);

    const group = await createGroup(ana.client, {
      profile: { name: 'Chiffré' },
      rooms: ['decisions'],
      encrypted: true,
      invite: [bo.userId, session.userId],
    });
    const room = group.rooms.decisions as string;
    await Promise.all([joinGroup(bo.client, group), joinGroup(cy, group)]);
    await waitUntil(() => (cy.getRoom(room)?.getJoinedMemberCount() ?? 0) >= 3, 'the members');
    await initControlTable(ana.client, room, table);
    const decision = await propose(ana.client, room, { kind: 'spend-resource', action: { amount: 9 } });
    follower = await followRoom(bo.client, room, { decisions: true });
    const f = follower;
    await waitUntil(() => f.decisions()?.state.decisions.get(decision) !== undefined, 'the proposal');

    const cysVote = await vote(cy, room, decision, [1, 0]);
    await waitUntil(() => f.log().seen.has(cysVote), 'Cy’s vote');
    await f.settled();
    const warning = () => f.decisions()?.warnings.find((w) => w.eventId === cysVote)?.code;
    const counted = () => {
      const participation = f.decisions()?.state.decisions.get(decision)?.participation;
      return participation?.protocol === 'democracy' ? participation.ballots.has(session.userId) : undefined;
    };
    await waitUntil(() => warning() === 'undecryptable', 'the vote to fail decrypting');
    expect(counted()).toBe(false);
    expect(held.length).toBeGreaterThan(0);

    // The keys arrive.
    holding = false;
    for (const { url, init } of held.splice(0)) expect((await fetch(url, init)).status).toBe(200);
    await waitUntil(() => counted() === true, 'the late decryption');
    expect(warning()).toBeUndefined();
    expect(f.stats().rebuilds).toBeGreaterThanOrEqual(1);
    const { live, fresh, liveEntries, freshEntries } = await compare(f, bo.client, room);
    expect(liveEntries).toEqual(freshEntries);
    expect(live).toBe(fresh);
  }, 90_000);
});
