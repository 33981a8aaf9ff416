/**
 * An announcement speaks for the group it names only when that group's authority posted it
 * through that group's rooms; the receiving group's filters then apply, and a copy counts once.
 */
import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import type { GroupView } from '../group/group-view';
import { readPowerLevels } from '../group/group-view';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { feedItemsFromLog } from './feed';
import { receivedAnnouncements } from './received-announcements';

const view = (spaceId: string, authority: string, announcements: string): GroupView => ({
  spaceId,
  profile: { name: spaceId, places: [], themes: [], blocks: [] },
  authority: { decisions: `${spaceId}-decisions`, authority: [authority], eventId: '$pin' },
  children: [{ roomId: announcements, role: 'announcements', via: ['hs'] }],
  subGroups: [],
  parents: [],
  members: [],
  knocks: [],
  memberships: new Map(),
  relations: new Map(),
  powerLevels: readPowerLevels(undefined),
  warnings: [],
});

const garden = view('!garden:hs', '@garden-bot:hs', '!garden-news:hs');
const blocked = view('!blocked:hs', '@blocked-bot:hs', '!blocked-news:hs');
const relay = view('!relay:hs', '@relay-bot:hs', '!relay-news:hs');
const inbox = '!kitchen-news:hs';
const kitchen = {
  ...view('!kitchen:hs', '@kitchen-bot:hs', inbox),
  profile: { name: 'Kitchen', places: [], themes: [], blocks: [blocked.spaceId], accepts: ['offer', 'need'] },
};

let n = 0;
const post = (
  room: string,
  sender: string,
  origin: Record<string, unknown>,
  kind = 'offer',
): RawMatrixEvent => ({
  event_id: `$a${++n}`,
  room_id: room,
  sender,
  origin_server_ts: 1_000 + n,
  type: 'org.imago.announcement',
  content: { kind, title: `t${n}`, origin },
});
const copyOf = (group: GroupView, event = '$original') => ({
  group: group.spaceId,
  room: group.children[0]?.roomId,
  event,
});

describe('received announcements', () => {
  it('shows what the origin’s authority delivered, and reports every forgery with a stable reason', () => {
    const events = [
      post(inbox, '@garden-bot:hs', copyOf(garden)),
      post(inbox, '@mallory:hs', copyOf(garden, '$forged')),
      post(inbox, '@garden-bot:hs', { ...copyOf(garden, '$x'), room: '!elsewhere:hs' }),
      post(inbox, '@garden-bot:hs', { group: garden.spaceId, room: garden.children[0]?.roomId }),
      post(inbox, '@blocked-bot:hs', copyOf(blocked, '$b')),
      post(inbox, '@relay-bot:hs', { ...copyOf(relay, '$b'), room: blocked.children[0]?.roomId }),
      post(inbox, '@relay-bot:hs', copyOf(relay, '$r'), 'event'),
      post(inbox, '@stranger-bot:hs', { group: '!unknown:hs', room: '!unknown-news:hs', event: '$u' }),
      post(inbox, '@garden-bot:hs', copyOf(garden)),
    ];
    const log = appendToRoomLog(emptyRoomLog(inbox), events);
    const { announcements, warnings } = receivedAnnouncements(log, kitchen.profile, [
      kitchen,
      garden,
      blocked,
      relay,
    ]);
    expect(announcements.map((a) => a.eventId)).toEqual([events[0]?.event_id]);
    expect(warnings.map((w) => [w.eventId, w.code, w.reason])).toEqual([
      [events[1]?.event_id, 'unauthorised', 'not-origin-authority'],
      [events[2]?.event_id, 'unauthorised', 'origin-room'],
      [events[3]?.event_id, 'unauthorised', 'origin-room'],
      [events[4]?.event_id, 'rejected', 'blocked'],
      [events[5]?.event_id, 'unauthorised', 'origin-room'],
      [events[6]?.event_id, 'rejected', 'kind-not-accepted'],
      [events[7]?.event_id, 'unknown-reference', 'unknown-origin'],
      [events[8]?.event_id, 'duplicate', 'already-delivered'],
    ]);
  });

  it('shows nothing from a group the reader does not know', () => {
    const log = appendToRoomLog(emptyRoomLog(inbox), [post(inbox, '@garden-bot:hs', copyOf(garden))]);
    expect(receivedAnnouncements(log, undefined, []).announcements).toEqual([]);
  });
});

describe('a group’s feed items', () => {
  it('are what its authority posted in its own room, not what others post there in its name', () => {
    const room = garden.children[0]?.roomId as string;
    const proposal = (sender: string, proposer?: string): RawMatrixEvent => ({
      event_id: `$p${++n}`,
      room_id: room,
      sender,
      origin_server_ts: 5_000 + n,
      type: 'org.imago.vf.proposal',
      content: {
        purpose: 'offer',
        name: `p${n}`,
        ...(proposer ? { proposer } : {}),
        publishes: [],
        reciprocal: [],
      },
    });
    const events = [
      post(room, '@garden-bot:hs', { group: garden.spaceId, room }),
      post(room, '@mallory:hs', { group: garden.spaceId, room }),
      proposal('@garden-bot:hs', garden.spaceId),
      proposal('@mallory:hs', garden.spaceId),
      proposal('@garden-bot:hs', blocked.spaceId),
    ];
    const items = feedItemsFromLog(appendToRoomLog(emptyRoomLog(room), events), garden);
    expect(items.map((item) => item.id)).toEqual([events[0]?.event_id, events[2]?.event_id]);
  });
});
