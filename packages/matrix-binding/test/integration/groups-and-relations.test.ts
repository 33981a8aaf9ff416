import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertRelation,
  type CreatedGroup,
  consentedRelations,
  createGroup,
  endRelation,
  groupRoom,
  joinGroup,
  joinGroupBySpace,
  readGroup,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

describe('groups as spaces, with sub-groups and consented relations (live Synapse)', () => {
  let alice: LiveUser;
  let bob: LiveUser;
  let garden: CreatedGroup;
  let compost: CreatedGroup;
  let bees: CreatedGroup;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([liveUser('alice'), liveUser('bob')]);
    garden = await createGroup(alice.client, {
      profile: {
        name: 'Jardin partagé',
        places: ['Q90'],
        themes: ['Q1124'],
        coordinates: { lat: 48.85, lon: 2.35 },
      },
      rooms: ['chat', 'decisions', 'announcements'],
      invite: [bob.userId],
    });
    compost = await createGroup(alice.client, { profile: { name: 'Compost' }, parent: garden.spaceId });
    bees = await createGroup(bob.client, { profile: { name: 'Apiculteurs', themes: ['Q7075'] } });
  });
  afterAll(stopAll);

  it('creates a group as a space with profile and rooms', async () => {
    const view = await readGroup(alice.client, garden.spaceId);
    expect(view.profile).toMatchObject({ name: 'Jardin partagé', places: ['Q90'], themes: ['Q1124'] });
    expect(view.profile?.coordinates).toEqual({ lat: 48.85, lon: 2.35 });
    expect(groupRoom(view, 'chat')).toBe(garden.rooms.chat);
    expect(groupRoom(view, 'decisions')).toBe(garden.rooms.decisions);
    expect(groupRoom(view, 'announcements')).toBe(garden.rooms.announcements);
    expect(view.members.map((m) => [m.userId, m.role])).toEqual([[alice.userId, 'admin']]);
    const create = (await alice.client.getStateEvent(garden.spaceId, 'm.room.create', '')) as {
      type?: string;
    };
    expect(create.type).toBe('m.space');
  });

  it('links a sub-group both ways (m.space.child / canonical m.space.parent) and restricts joining to members', async () => {
    const parent = await readGroup(alice.client, garden.spaceId);
    const sub = await readGroup(alice.client, compost.spaceId);
    expect(parent.subGroups).toEqual([compost.spaceId]);
    expect(sub.parents).toEqual([garden.spaceId]);
    const rules = (await alice.client.getStateEvent(compost.spaceId, 'm.room.join_rules', '')) as {
      join_rule: string;
      allow: { room_id: string }[];
    };
    expect(rules.join_rule).toBe('restricted');
    expect(rules.allow.map((a) => a.room_id)).toEqual([garden.spaceId]);
    // Bob is not a member of the garden: the restricted sub-group refuses him.
    await expect(bob.client.joinRoom(compost.spaceId, { viaServers: [...compost.via] })).rejects.toThrow();
    await joinGroup(bob.client, garden, ['chat']);
    await bob.client.joinRoom(compost.spaceId, { viaServers: [...compost.via] });
    const members = (await readGroup(bob.client, compost.spaceId)).members.map((m) => m.userId);
    expect(members).toContain(bob.userId);
  });

  it('counts a relation only once both sides assert it, and either side ends it', async () => {
    const relations = async () => {
      const views = await Promise.all([
        readGroup(alice.client, garden.spaceId),
        readGroup(bob.client, bees.spaceId),
      ]);
      return consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations])));
    };
    await assertRelation(alice.client, garden.spaceId, bees.spaceId, 'partner');
    expect((await relations()).map((r) => [r.status, r.proposedBy])).toEqual([['proposed', garden.spaceId]]);
    // Alice cannot accept on the bees' behalf: she has no power in their space.
    await expect(assertRelation(alice.client, bees.spaceId, garden.spaceId, 'partner')).rejects.toMatchObject(
      {
        code: 'homeserver-error',
      },
    );
    await assertRelation(bob.client, bees.spaceId, garden.spaceId, 'partner');
    expect((await relations()).map((r) => r.status)).toEqual(['accepted']);
    await endRelation(bob.client, bees.spaceId, garden.spaceId);
    expect((await relations()).map((r) => [r.status, r.proposedBy])).toEqual([['proposed', garden.spaceId]]);
  });

  it('joins a group from its space id alone, its decisions room from the pin and not from a decoy child', async () => {
    const carol = await liveUser('carol');
    const pond = await createGroup(alice.client, {
      profile: { name: 'Mare' },
      rooms: ['chat', 'decisions'],
      invite: [carol.userId],
    });
    // A space child claiming the decisions role, added in raw HTTP by a founder who has the power.
    const raw = new RawMatrix(alice.session.baseUrl, alice.session.accessToken);
    const decoy = await raw.request('POST', '/createRoom', { name: 'decoy', preset: 'public_chat' });
    const decoyId = decoy.body.room_id as string;
    const child = await raw.request(
      'PUT',
      `/rooms/${encodeURIComponent(pond.spaceId)}/state/m.space.child/${encodeURIComponent(decoyId)}`,
      { via: [...pond.via], 'org.imago.room': 'decisions' },
    );
    expect(child.status).toBe(200);
    const view = await joinGroupBySpace(carol.client, pond.spaceId, { via: pond.via });
    expect(view.children.some((c) => c.roomId === decoyId && c.role === 'decisions')).toBe(true);
    expect(groupRoom(view, 'decisions')).toBe(pond.rooms.decisions);
    const joined = (await carol.client.getJoinedRooms()).joined_rooms;
    expect(joined).toEqual(expect.arrayContaining([pond.spaceId, pond.rooms.chat, pond.rooms.decisions]));
    expect(joined).not.toContain(decoyId);
  });
});
