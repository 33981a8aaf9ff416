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
  GROUP_CARD_KEY,
  type GroupView,
  groupCardContent,
  groupGraph,
  initControlTable,
  joinGroup,
  listGroupInDirectory,
  propose,
  publishGroupCard,
  readFeed,
  readGroup,
  readGroupAnywhere,
  readRelatedGroup,
  receivedAnnouncements,
  replayDecisions,
  sendGovernanceEvent,
} from '../../src/index';
import type { TestHomeserver } from '../../src/testing/index';
import { DedicatedSynapse } from '../support/dedicated-synapse';
import { eventually } from '../support/eventually';
import { type LiveUser, liveUser, run, stopAll } from '../support/live-users';
import { type LyingServer, startLyingServer } from '../support/lying-server';
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

/*
 * A relation whose `via` names a lying server. Mallory (raw client-server HTTP on B) asserts, in
 * her own group's space, a partnership with a garden on A, and names as the server to reach it
 * through a server she runs: a TLS endpoint that answers federation requests with what she wrote
 * (a space hierarchy for a space it is in none of), signing nothing. Synapse relays such a
 * hierarchy to its client and keeps it for every later reader of the space (five minutes, by
 * room, whoever answered): the binding takes a card only when the authority it pins lives on a
 * server the reader was told to ask, so neither the liar nor the poisoned cache puts a card naming
 * Mallory in anyone's hands; a join through the liar yields nothing; and a card naming an account
 * on the liar itself lets nobody else speak for the garden.
 */
describe('a relation naming a lying server to reach a group through', () => {
  let liar: LyingServer;
  let flora: LiveUser; // on A: founds the gardens
  let cy: LiveUser; // on B: reads Mallory's group and its relations
  let mallory: LiveUser; // on B, raw HTTP
  let raw: RawMatrix;
  let serverA: string;
  /** What the liar says is the card of each space, by space id. */
  const lies = new Map<string, { authority: string; room: string }>();

  const hierarchyLie = (path: string) => {
    const spaceId = decodeURIComponent(path.split('/')[5]?.split('?')[0] ?? '');
    const lie = lies.get(spaceId);
    if (!lie) return { status: 404, body: { errcode: 'M_NOT_FOUND' } };
    const card = groupCardContent({
      profile: { name: 'Jardin (vrai)', places: ['Q456'], themes: [], blocks: [] },
      pin: { decisions: `!${'D'.repeat(43)}`, authority: [lie.authority] },
      relations: new Map(),
    });
    return {
      status: 200,
      body: {
        room: {
          room_id: spaceId,
          room_type: 'm.space',
          name: 'Jardin (vrai)',
          num_joined_members: 1,
          world_readable: true,
          guest_can_join: false,
          join_rule: 'public',
          children_state: [
            {
              type: 'm.space.child',
              state_key: lie.room,
              sender: lie.authority,
              origin_server_ts: Date.now(),
              content: { via: [liar.serverName], 'org.imago.room': 'announcements', [GROUP_CARD_KEY]: card },
            },
          ],
        },
        children: [],
        inaccessible_children: [],
      },
    };
  };

  /** Mallory's group: a space of hers asserting a partnership with `target` through the liar. */
  const mallorysGroup = async (target: string) => {
    const created = await raw.request('POST', '/createRoom', {
      creation_content: { type: 'm.space' },
      name: 'Mallory',
      preset: 'public_chat',
    });
    const space = created.body.room_id as string;
    expect(
      (await raw.state(space, 'org.imago.relation', target, { type: 'partner', via: [liar.serverName] }))
        .status,
    ).toBe(200);
    await cy.client.joinRoom(space);
    return eventually(
      () => readGroup(cy.client, space),
      (view) => view.relations.has(target),
    );
  };

  beforeAll(async () => {
    serverA = homeserverA.serverName;
    liar = await startLyingServer({ '/_matrix/federation/v1/hierarchy/': hierarchyLie });
    [flora, cy, mallory] = await Promise.all([
      liveUser('flora-l', { homeserver: homeserverA }),
      liveUser('cy-l', { homeserver: homeserverB }),
      liveUser('mallory-l', { homeserver: homeserverB }),
    ]);
    raw = new RawMatrix(mallory.session.baseUrl, mallory.session.accessToken);
  });
  afterAll(async () => {
    await liar?.close();
  });

  it('takes no card naming Mallory, through the liar or from the cache it poisoned', async () => {
    const garden = await createGroup(flora.client, {
      profile: { name: 'Jardin (vrai)', places: ['Q456'] },
      rooms: ['decisions', 'announcements'],
    });
    lies.set(garden.spaceId, { authority: mallory.userId, room: `!${'F'.repeat(43)}` });
    const mine = await mallorysGroup(garden.spaceId);
    expect(mine.relations.get(garden.spaceId)).toEqual({ type: 'partner', via: [liar.serverName] });

    await expect(readRelatedGroup(cy.client, mine, garden.spaceId)).rejects.toMatchObject({
      code: 'uncorroborated-card',
      authority: [mallory.userId],
      servers: [liar.serverName],
    });
    expect(liar.asked.some((path) => decodeURIComponent(path).includes(garden.spaceId))).toBe(true);
    // Cy's server now holds the lie for the space (five minutes): asked through the garden's own
    // server, it serves the lie again without asking A — and the card is refused again.
    await expect(readGroupAnywhere(cy.client, garden.spaceId, [serverA])).rejects.toMatchObject({
      code: 'uncorroborated-card',
      authority: [mallory.userId],
      servers: [serverA],
    });
    // Joining through the liar: it has no room to give, and signs nothing a server would take.
    const joined = await new RawMatrix(cy.session.baseUrl, cy.session.accessToken).join(
      garden.rooms.announcements as string,
      [liar.serverName],
    );
    expect(joined.status).not.toBe(200);
    expect(cy.client.getRoom(garden.rooms.announcements as string)?.getMyMembership()).not.toBe('join');
  });

  it('a card naming an account on the liar lets nobody else speak for the group', async () => {
    const garden = await createGroup(flora.client, {
      profile: { name: 'Jardin (vrai)', places: ['Q456'] },
      rooms: ['decisions', 'announcements'],
    });
    // The liar names an account of its own: the card passes (the only server asked vouches for it).
    const forgedRoom = `!${'G'.repeat(43)}`;
    lies.set(garden.spaceId, { authority: `@gardener:${liar.serverName}`, room: forgedRoom });
    const mine = await mallorysGroup(garden.spaceId);
    const read = await readRelatedGroup(cy.client, mine, garden.spaceId);
    expect(read.source).toBe('card');
    expect(read.view.authority?.authority).toEqual([`@gardener:${liar.serverName}`]);
    // Mallory relays, in a room of hers on B, an offer in the garden's name from its "announcements
    // room": a reader who knows the garden only by that card refuses it (she is not its authority).
    const room = (await raw.request('POST', '/createRoom', { preset: 'public_chat' })).body.room_id as string;
    const forged = await raw.sendOk(room, 'org.imago.announcement', {
      kind: 'offer',
      title: 'Plants de tomates (faux)',
      origin: { group: garden.spaceId, room: forgedRoom, event: `$${'E'.repeat(43)}` },
    });
    await cy.client.joinRoom(room);
    const received = await eventually(
      async () =>
        receivedAnnouncements(
          appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(cy.client, room)),
          undefined,
          [read.view],
        ),
      (r) => r.warnings.length > 0,
    );
    expect(received.announcements).toEqual([]);
    expect(received.warnings.map((w) => [w.eventId, w.code, w.reason])).toEqual([
      [forged, 'unauthorised', 'not-origin-authority'],
    ]);
  });
});
