import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  assertRelation,
  consentedRelations,
  createGroup,
  discoverGroups,
  emptyRoomLog,
  fetchRoomHistory,
  GROUP_CARD_KEY,
  groupCardContent,
  initControlTable,
  joinGroup,
  listGroupInDirectory,
  propose,
  publishGroupCard,
  readGroup,
  replayDecisions,
  sendGovernanceEvent,
} from '../../src/index';
import { eventually } from '../support/eventually';
import { federatedPair } from '../support/federated-pair';
import { type LiveUser, liveUser } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

// Decisions across two federating homeservers, and discovery through their public directories.
const pair = federatedPair('fed');

describe('two federated homeservers each host part of the graph (scripts/synapse.sh SYNAPSE_FEDERATION=1)', () => {
  let ana: LiveUser;
  let bo: LiveUser;

  beforeAll(async () => {
    [ana, bo] = await Promise.all([
      liveUser('ana', { homeserver: pair.a() }),
      liveUser('bo', { homeserver: pair.b() }),
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
 * Discovering groups through a server's public directory: a card is taken only when the authority
 * it pins lives on the directory's server (a hierarchy is unsigned; the directory's server vouches
 * for what it serves). Mallory, on B, speaking raw client-server HTTP, lists in B's directory a
 * space of hers whose card names Flora, on A, as the group's authority: a reader discovering
 * groups through B's directory refuses that card (`uncorroborated-card`) and finds the group that
 * B hosts, joining neither.
 */
describe('discovery through a directory', () => {
  it('refuses a card listed on B naming an authority on A, and finds the group B hosts', {
    timeout: 180_000,
  }, async () => {
    const [flora, gus, cy, mallory] = await Promise.all([
      liveUser('flora-d', { homeserver: pair.a() }),
      liveUser('gus-d', { homeserver: pair.b() }),
      liveUser('cy-d', { homeserver: pair.a() }),
      liveUser('mallory-d', { homeserver: pair.b() }),
    ]);
    const serverB = pair.b().serverName;
    const hives = await createGroup(gus.client, {
      profile: { name: 'Ruches (B)' },
      rooms: ['decisions', 'announcements'],
      joinRule: 'public',
    });
    expect(await publishGroupCard(gus.client, hives.spaceId)).toMatch(/^\$/);
    await listGroupInDirectory(gus.client, hives.spaceId);

    const raw = new RawMatrix(mallory.session.baseUrl, mallory.session.accessToken);
    const created = async (body: Record<string, unknown>) =>
      (await raw.request('POST', '/createRoom', { preset: 'public_chat', ...body })).body.room_id as string;
    const space = await created({ creation_content: { type: 'm.space' }, name: 'Jardin (faux)' });
    const room = await created({ name: 'Annonces' });
    const card = groupCardContent({
      profile: { name: 'Jardin (faux)', places: ['Q456'], themes: [], blocks: [] },
      pin: { decisions: room, authority: [flora.userId] },
      relations: new Map(),
    });
    const child = { via: [serverB], 'org.imago.room': 'announcements', [GROUP_CARD_KEY]: card };
    expect((await raw.state(space, 'm.space.child', room, child)).status).toBe(200);
    expect(
      (
        await raw.request('PUT', `/directory/list/room/${encodeURIComponent(space)}`, {
          visibility: 'public',
        })
      ).status,
    ).toBe(200);

    // B's directory lists a space once its statistics are updated (in the background).
    const { groups, unreached } = await eventually(
      () => discoverGroups(cy.client, [serverB]),
      (found) =>
        found.groups.some((g) => g.spaceId === hives.spaceId) &&
        found.unreached.some((u) => u.what === space),
      'both spaces in B’s directory',
      90_000,
    );
    expect(groups.map((g) => g.spaceId)).toContain(hives.spaceId);
    expect(groups.map((g) => g.spaceId)).not.toContain(space);
    expect(groups.flatMap((g) => g.authority?.authority ?? [])).not.toContain(flora.userId);
    expect(unreached).toEqual([
      { what: space, error: expect.objectContaining({ reason: 'refused', code: 'uncorroborated-card' }) },
    ]);
    // Reading it joined nothing: A is in neither space.
    for (const id of [space, hives.spaceId])
      expect(cy.client.getRoom(id)?.getMyMembership()).not.toBe('join');
  });
});
