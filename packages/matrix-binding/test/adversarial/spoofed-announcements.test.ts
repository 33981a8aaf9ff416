/**
 * Announcements on a live Synapse, attacked with raw client-server HTTP. The kitchen blocks the
 * announcements of a spam group whose authority is Mallory; the garden announces to the kitchen.
 * Mallory speaks in the garden's name, relays her blocked group's offer through the garden's
 * rooms, and posts "originals" in the garden's own public announcements room; Eve, the authority
 * of a third group, relays the blocked group's announcement. Only what a group's authority posted
 * through its own rooms is shown, by a fresh replay and by a live follower alike; each forgery
 * comes back as a warning with a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announce,
  appendToRoomLog,
  type CreatedGroup,
  createGroup,
  emptyRoomLog,
  feedItemsFromLog,
  fetchRoomHistory,
  followRoom,
  type GroupView,
  initControlTable,
  joinGroup,
  type RoomFollower,
  readGroup,
  receivedAnnouncements,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const paris = { lat: 48.8566, lon: 2.3522 };

describe('spoofed announcement origins (raw HTTP attackers, live Synapse)', () => {
  let ana: LiveUser; // the garden's authority
  let bo: LiveUser; // the kitchen's authority
  let mallory: LiveUser; // the spam group's authority
  let eve: LiveUser; // the relay group's authority
  const groups: Record<'garden' | 'kitchen' | 'spam' | 'relay', CreatedGroup> = {} as never;
  const views: Record<string, GroupView> = {};
  let follower: RoomFollower;

  beforeAll(async () => {
    [ana, bo, mallory, eve] = await Promise.all([
      liveUser('ana'),
      liveUser('bo'),
      liveUser('mallory'),
      liveUser('eve'),
    ]);
    const make = async (user: LiveUser, name: string, blocks: string[] = []) => {
      const group = await createGroup(user.client, {
        profile: { name, coordinates: paris, blocks },
        rooms: ['decisions', 'announcements'],
        joinRule: 'public',
      });
      await initControlTable(user.client, group.rooms.decisions as string, {
        rules: { 'change-control-table': { protocol: 'consensus', duration: 3_600_000 } },
      });
      return group;
    };
    groups.spam = await make(mallory, 'Spam');
    groups.garden = await make(ana, 'Jardin');
    groups.relay = await make(eve, 'Relais');
    groups.kitchen = await make(bo, 'Cantine', [groups.spam.spaceId]);
    for (const [key, group] of Object.entries(groups)) views[key] = await readGroup(bo.client, group.spaceId);
    follower = await followRoom(bo.client, groups.kitchen.rooms.announcements as string);
  });
  afterAll(() => {
    follower?.stop();
    stopAll();
  });

  it('shows the garden’s delivery and refuses every forged or blocked origin', async () => {
    const inbox = groups.kitchen.rooms.announcements as string;
    const gardenRoom = groups.garden.rooms.announcements as string;
    const spamRoom = groups.spam.rooms.announcements as string;
    const { original, deliveries } = await announce(ana.client, {
      from: views.garden as GroupView,
      groups: [views.kitchen as GroupView],
      relations: [],
      announcement: { kind: 'offer', title: 'Courgettes' },
      criteria: { by: 'geo', radiusKm: 10, k: 5 },
    });
    const delivered = deliveries[0]?.eventId as string;
    expect(delivered).toMatch(/^\$/);

    const post = (who: LiveUser, room: string, content: unknown) =>
      new RawMatrix(who.session.baseUrl, who.session.accessToken).sendOk(
        room,
        'org.imago.announcement',
        content,
      );
    const join = (who: LiveUser, room: string) =>
      new RawMatrix(who.session.baseUrl, who.session.accessToken).join(room);
    await Promise.all([join(mallory, inbox), join(eve, inbox), join(mallory, gardenRoom)]);
    const offer = { kind: 'offer', title: 'Cheap pills' };
    // Mallory writes as the garden, pointing at the garden's real original.
    const asGarden = await post(mallory, inbox, {
      ...offer,
      origin: { group: groups.garden.spaceId, room: gardenRoom, event: original },
    });
    // Mallory as herself: her group is blocked.
    const spamOriginal = await post(mallory, spamRoom, {
      ...offer,
      origin: { group: groups.spam.spaceId, room: spamRoom },
    });
    const asSpam = await post(mallory, inbox, {
      ...offer,
      origin: { group: groups.spam.spaceId, room: spamRoom, event: spamOriginal },
    });
    // Mallory claims the blocked offer came through the garden's room.
    const throughGarden = await post(mallory, inbox, {
      ...offer,
      origin: { group: groups.garden.spaceId, room: gardenRoom, event: spamOriginal },
    });
    // Eve relays the blocked group's announcement under her group's name, from the spam room.
    const relayed = await post(eve, inbox, {
      ...offer,
      origin: { group: groups.relay.spaceId, room: spamRoom, event: spamOriginal },
    });
    // An "original" of the garden posted in the kitchen's room, and one in the garden's own room.
    const fakeOriginal = await post(mallory, inbox, {
      ...offer,
      origin: { group: groups.garden.spaceId, room: inbox },
    });
    const inGardenRoom = await post(mallory, gardenRoom, {
      ...offer,
      origin: { group: groups.garden.spaceId, room: gardenRoom },
    });

    const known = Object.values(views);
    const fresh = appendToRoomLog(emptyRoomLog(inbox), await fetchRoomHistory(bo.client, inbox));
    for (let i = 0; i < 100 && !follower.log().seen.has(fakeOriginal); i++)
      await new Promise((r) => setTimeout(r, 100));
    for (const log of [fresh, follower.log()]) {
      const { announcements, warnings } = receivedAnnouncements(log, views.kitchen?.profile, known);
      expect(
        announcements.map((a) => [a.eventId, a.announcement.title, a.announcement.origin.group]),
      ).toEqual([[delivered, 'Courgettes', groups.garden.spaceId]]);
      expect(warnings.map((w) => [w.eventId, w.code, w.reason])).toEqual([
        [asGarden, 'unauthorised', 'not-origin-authority'],
        [asSpam, 'rejected', 'blocked'],
        [throughGarden, 'unauthorised', 'not-origin-authority'],
        [relayed, 'unauthorised', 'origin-room'],
        [fakeOriginal, 'unauthorised', 'origin-room'],
      ]);
    }
    // The garden's own room, as its feed reads it: only what its authority posted there.
    const gardenLog = appendToRoomLog(
      emptyRoomLog(gardenRoom),
      await fetchRoomHistory(ana.client, gardenRoom),
    );
    expect(feedItemsFromLog(gardenLog, views.garden as GroupView).map((item) => item.id)).toEqual([original]);
    expect(
      receivedAnnouncements(gardenLog, undefined, known).warnings.map((w) => [w.eventId, w.reason]),
    ).toEqual([[inGardenRoom, 'not-origin-authority']]);
  });

  it('only the authority announces for a group: a member is refused before anything is posted', async () => {
    await joinGroup(mallory.client, groups.garden);
    await expect(
      announce(mallory.client, {
        from: views.garden as GroupView,
        groups: [views.kitchen as GroupView],
        relations: [],
        announcement: { kind: 'offer', title: 'Not ours' },
        criteria: { by: 'geo', radiusKm: 10, k: 5 },
      }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
