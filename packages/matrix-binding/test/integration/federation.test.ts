import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announce,
  appendToRoomLog,
  assertRelation,
  type CreatedGroup,
  consentedRelations,
  createGroup,
  discoverGroups,
  emptyRoomLog,
  fetchRoomHistory,
  type GroupView,
  groupGraph,
  initControlTable,
  joinGroup,
  listGroupInDirectory,
  propose,
  publishGroupCard,
  readFeed,
  readGroup,
  readGroupAnywhere,
  receivedAnnouncements,
  replayDecisions,
  sendGovernanceEvent,
} from '../../src/index';
import type { TestHomeserver } from '../../src/testing/index';
import { DedicatedSynapse } from '../support/dedicated-synapse';
import { eventually } from '../support/eventually';
import { type LiveUser, liveUser, run, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

// One pair of federating Synapses for the whole file (starting one takes seconds).
const one = new DedicatedSynapse(`fed-a-${run}`, { federation: true });
const two = new DedicatedSynapse(`fed-b-${run}`, { federation: true });
let homeserverA: TestHomeserver & { serverName: string };
let homeserverB: TestHomeserver & { serverName: string };
beforeAll(async () => {
  [homeserverA, homeserverB] = await Promise.all([one.start(), two.start()]);
});
afterAll(async () => {
  stopAll();
  await Promise.all([one.reset(), two.reset()]);
});

describe('two federated homeservers each host part of the graph (scripts/synapse.sh SYNAPSE_FEDERATION=1)', () => {
  let ana: LiveUser;
  let bo: LiveUser;

  beforeAll(async () => {
    [ana, bo] = await Promise.all([
      liveUser('ana', { homeserver: homeserverA }),
      liveUser('bo', { homeserver: homeserverB }),
    ]);
  });

  it('relates groups across servers with consent, and a remote member votes in a decision', async () => {
    const garden = await createGroup(ana.client, {
      profile: { name: 'Jardin (A)' },
      rooms: ['decisions'],
      invite: [bo.userId],
    });
    const bees = await createGroup(bo.client, {
      profile: { name: 'Ruches (B)' },
      rooms: [],
      invite: [ana.userId],
    });
    expect(ana.userId.split(':').slice(1).join(':')).not.toBe(bo.userId.split(':').slice(1).join(':'));

    // Each side asserts the relation in its own space, on its own server.
    await assertRelation(ana.client, garden.spaceId, bees.spaceId, 'partner');
    await assertRelation(bo.client, bees.spaceId, garden.spaceId, 'partner');
    await joinGroup(bo.client, garden); // Bo (server B) joins the garden (server A) over federation
    await ana.client.joinRoom(bees.spaceId, { viaServers: [...bees.via] });
    const relations = await eventually(
      async () => {
        const views = await Promise.all([
          readGroup(ana.client, garden.spaceId),
          readGroup(ana.client, bees.spaceId),
        ]);
        return consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations])));
      },
      (r) => r.length === 1 && r[0]?.status === 'accepted',
    );
    expect(relations[0]?.type).toBe('partner');

    const room = garden.rooms.decisions as string;
    await initControlTable(ana.client, room, {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        'publish-text': {
          protocol: 'oligarchy',
          deciders: { members: [ana.userId, bo.userId] },
          required: 2,
          duration: 3_600_000,
        },
      },
    });
    const decision = await propose(ana.client, room, {
      kind: 'publish-text',
      action: { text: 'Fête des semences' },
    });
    const { GovernanceEventTypes } = await import('@imago/governance');
    await sendGovernanceEvent(ana.client, room, GovernanceEventTypes.approve, { decision });
    await eventually(
      () => fetchRoomHistory(bo.client, room),
      (events) => events.some((e) => e.event_id === decision),
    );
    await sendGovernanceEvent(bo.client, room, GovernanceEventTypes.approve, { decision });
    // Both servers' copies of the room replay to the same adopted decision.
    const outcomeFrom = async (client: typeof ana.client) =>
      replayDecisions(
        appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room)),
      ).state.decisions.get(decision)?.outcome;
    const onA = await eventually(
      () => outcomeFrom(ana.client),
      (o) => o?.status === 'adopted',
    );
    const onB = await outcomeFrom(bo.client);
    expect(onB).toEqual(onA);
  });
});

/*
 * Groups that reach each other across homeservers (scripts/synapse.sh SYNAPSE_FEDERATION=1): the
 * garden on server A; the hives and a closed group on server B. Nobody on one server
 * joins the other's spaces. Server B finds the garden in A's public directory and reads its card
 * from the space hierarchy; A reads the hives' relation back the same way; the garden's authority
 * delivers an announcement into the hives' announcements room, which its server has never been
 * in, and is told why it cannot deliver to the closed group or to a room it was given no server
 * for; the hives' authority verifies the delivery against the garden's card; a reader on B
 * subscribes to the garden's announcements room through the servers its card names.
 */
const HOUR = 3_600_000;

describe('reaching groups on another homeserver without joining their spaces', () => {
  let serverA: string;
  let serverB: string;
  let flora: LiveUser; // the garden's authority, on A
  let gus: LiveUser; // the authority of the hives and of the closed group, on B
  let cy: LiveUser; // a reader on B
  let mallory: LiveUser; // on B, raw HTTP
  let garden: CreatedGroup;
  let hives: CreatedGroup;
  let closed: CreatedGroup;

  const make = async (user: LiveUser, name: string, joinRule: 'public' | 'invite') => {
    const group = await createGroup(user.client, {
      profile: { name, places: ['Q456'], coordinates: { lat: 45.76, lon: 4.84 } },
      rooms: ['decisions', 'announcements'],
      joinRule,
    });
    await initControlTable(user.client, group.rooms.decisions as string, {
      rules: { 'change-control-table': { protocol: 'consensus', duration: HOUR } },
    });
    return group;
  };

  beforeAll(async () => {
    [serverA, serverB] = [homeserverA.serverName, homeserverB.serverName];
    [flora, gus, cy, mallory] = await Promise.all([
      liveUser('flora', { homeserver: homeserverA }),
      liveUser('gus', { homeserver: homeserverB }),
      liveUser('cy', { homeserver: homeserverB }),
      liveUser('mallory', { homeserver: homeserverB }),
    ]);
    garden = await make(flora, 'Jardin (A)', 'public');
    hives = await make(gus, 'Ruches (B)', 'public');
    closed = await make(gus, 'Fermé (B)', 'invite');
    // Each side asserts the partnership in its own space, then publishes its card and lists its space.
    await assertRelation(flora.client, garden.spaceId, hives.spaceId, 'partner');
    await assertRelation(gus.client, hives.spaceId, garden.spaceId, 'partner');
    await Promise.all([
      publishGroupCard(flora.client, garden.spaceId),
      publishGroupCard(gus.client, hives.spaceId),
      listGroupInDirectory(flora.client, garden.spaceId),
      listGroupInDirectory(gus.client, hives.spaceId),
      listGroupInDirectory(gus.client, closed.spaceId),
    ]);
  });

  it('discovers a remote group in its server’s directory and reads its card, its server in none of its rooms', async () => {
    await expect(readGroup(cy.client, garden.spaceId)).rejects.toMatchObject({ code: 'homeserver-error' });
    const { groups, unreached } = await discoverGroups(cy.client, [serverA]);
    expect(unreached).toEqual([]);
    const found = groups.find((g) => g.spaceId === garden.spaceId);
    expect(found?.profile).toMatchObject({ name: 'Jardin (A)', places: ['Q456'] });
    expect(found?.authority?.authority).toEqual([flora.userId]);
    expect(found?.relations.get(hives.spaceId)).toEqual({ type: 'partner' });
    expect(found?.children.find((c) => c.role === 'announcements')).toEqual({
      roomId: garden.rooms.announcements,
      role: 'announcements',
      via: [serverA],
    });
    // Server B is still in none of the garden's rooms.
    for (const roomId of [garden.spaceId, ...Object.values(garden.rooms)]) {
      expect(cy.client.getRoom(roomId)?.getMyMembership()).not.toBe('join');
      expect(gus.client.getRoom(roomId)).toBeNull();
    }
  });

  it('delivers an announcement into a remote room never joined before, and says why it cannot reach others', async () => {
    const gardenView = await readGroup(flora.client, garden.spaceId);
    const hivesCard = await readGroupAnywhere(flora.client, hives.spaceId, [serverB]);
    expect(hivesCard.source).toBe('card');
    // An invite-only group's space is not served to other servers: its card stays private.
    await expect(readGroupAnywhere(flora.client, closed.spaceId, [serverB])).rejects.toMatchObject({
      code: 'homeserver-error',
      operation: 'read-hierarchy',
    });
    const closedView = await readGroup(gus.client, closed.spaceId); // known to the garden from before
    // The partnership is consented on both sides, read without joining the hives' space.
    const relations = consentedRelations(
      new Map([gardenView, hivesCard.view].map((view) => [view.spaceId, view.relations])),
    );
    expect(relations).toMatchObject([{ type: 'partner', status: 'accepted' }]);
    // A group whose card names no server for its room (a room id of version 12 names none) and no
    // authority whose server could stand in.
    const lostRoom = `!${'L'.repeat(43)}`;
    const { authority: _hivesAuthority, ...anonymous } = hivesCard.view;
    const lost: GroupView = {
      ...anonymous,
      spaceId: `!${'S'.repeat(43)}`,
      children: [{ roomId: lostRoom, role: 'announcements', via: [] }],
    };
    const { original, deliveries } = await announce(flora.client, {
      from: gardenView,
      groups: [hivesCard.view, closedView, lost],
      relations,
      announcement: { kind: 'offer', title: 'Plants de tomates' },
      criteria: { by: 'geo', radiusKm: 20, k: 10 },
    });
    const byGroup = new Map(deliveries.map((d) => [d.target.key, d]));
    expect(byGroup.get(hives.spaceId)?.eventId).toMatch(/^\$/);
    expect(byGroup.get(closed.spaceId)).toMatchObject({ skipped: 'not-allowed', error: { status: 403 } });
    expect(byGroup.get(lost.spaceId)).toMatchObject({
      roomId: lostRoom,
      skipped: 'unreachable',
      error: { status: 404 },
    });

    // The hives' authority, on B, verifies the copy against the garden's card (B is not in the garden).
    const inbox = hives.rooms.announcements as string;
    const hivesView = await readGroup(gus.client, hives.spaceId);
    const gardenCard = await readGroupAnywhere(gus.client, garden.spaceId, [serverA]);
    expect(gardenCard.source).toBe('card');
    const received = await eventually(
      async () =>
        receivedAnnouncements(
          appendToRoomLog(emptyRoomLog(inbox), await fetchRoomHistory(gus.client, inbox)),
          hivesView.profile,
          [hivesView, gardenCard.view],
        ),
      (r) => r.announcements.length > 0,
    );
    expect(received.announcements.map((a) => a.announcement.origin)).toEqual([
      { group: garden.spaceId, room: garden.rooms.announcements, event: original },
    ]);

    // Mallory, on B, writes in the garden's name into the hives' public room: refused.
    const raw = new RawMatrix(mallory.session.baseUrl, mallory.session.accessToken);
    expect((await raw.join(inbox)).status).toBe(200);
    const forged = await raw.sendOk(inbox, 'org.imago.announcement', {
      kind: 'offer',
      title: 'Plants de tomates (faux)',
      origin: { group: garden.spaceId, room: garden.rooms.announcements, event: original },
    });
    const again = receivedAnnouncements(
      appendToRoomLog(emptyRoomLog(inbox), await fetchRoomHistory(gus.client, inbox)),
      hivesView.profile,
      [hivesView, gardenCard.view],
    );
    expect(again.announcements).toHaveLength(1);
    expect(again.warnings.map((w) => [w.eventId, w.code, w.reason])).toEqual([
      [forged, 'unauthorised', 'not-origin-authority'],
    ]);
  });

  it('a reader on B subscribes to the garden’s announcements through the servers its card names', async () => {
    const gardenCard = (await readGroupAnywhere(cy.client, garden.spaceId, [serverA])).view;
    const hivesView = await readGroup(cy.client, hives.spaceId);
    const views = [gardenCard, hivesView];
    const graph = groupGraph(views, consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations]))));
    const unreachable: string[] = [];
    const feed = await readFeed(
      cy.client,
      graph,
      {
        id: 'partners',
        owner: hives.spaceId,
        sources: [{ type: 'relations', relations: ['partner'] }],
        kinds: ['offer'],
      },
      views,
      { subscribe: true, onUnreachable: (roomId) => unreachable.push(roomId) },
    );
    expect(unreachable).toEqual([]);
    expect(feed.map((item) => [item.group, item.kind, item.title])).toEqual([
      [garden.spaceId, 'offer', 'Plants de tomates'],
    ]);
    // Subscribing joined the announcements room, not the group: Cy is no member of the garden.
    expect(
      (await readGroupAnywhere(flora.client, garden.spaceId)).view.members.map((m) => m.userId),
    ).not.toContain(cy.userId);
  });
});
