import { beforeAll, describe, expect, it } from 'vitest';
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
  listGroupInDirectory,
  publishGroupCard,
  readFeed,
  readGroup,
  readGroupAnywhere,
  receivedAnnouncements,
} from '../../src/index';
import { eventually } from '../support/eventually';
import { federatedPair } from '../support/federated-pair';
import { type LiveUser, liveUser } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const pair = federatedPair('fed-reach');

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
    [serverA, serverB] = [pair.a().serverName, pair.b().serverName];
    [flora, gus, cy, mallory] = await Promise.all([
      liveUser('flora', { homeserver: pair.a() }),
      liveUser('gus', { homeserver: pair.b() }),
      liveUser('cy', { homeserver: pair.b() }),
      liveUser('mallory', { homeserver: pair.b() }),
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
