import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertRelation,
  type CreatedGroup,
  consentedRelations,
  createGroup,
  endRelation,
  groupRoom,
  joinGroup,
  readGroup,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';

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
});
