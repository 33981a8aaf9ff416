import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  ImagoEventTypes,
  logEvents,
  sendEvent,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';

describe('a long room history (live Synapse)', () => {
  let alice: LiveUser;
  let room: string;
  const sent: string[] = [];

  beforeAll(async () => {
    alice = await liveUser('alice', { sync: false });
    room = (await createGroup(alice.client, { profile: { name: 'Archives' }, rooms: ['chat'] })).rooms
      .chat as string;
    for (let batch = 0; batch < 6; batch++) {
      const ids = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          sendEvent(alice.client, room, ImagoEventTypes.debateHand, { raised: (batch + i) % 2 === 0 }),
        ),
      );
      sent.push(...ids);
    }
  });
  afterAll(stopAll);

  it('reads every event once across many pages, in the same order whatever the page size', async () => {
    const small = await fetchRoomHistory(alice.client, room, { pageSize: 17 });
    const large = await fetchRoomHistory(alice.client, room, { pageSize: 500 });
    expect(small.map((e) => e.event_id)).toEqual(large.map((e) => e.event_id));
    const log = appendToRoomLog(appendToRoomLog(emptyRoomLog(room), small), large);
    const hands = logEvents(log)
      .filter((e) => e.kind === 'hand')
      .map((e) => e.eventId);
    expect(hands).toHaveLength(sent.length);
    expect(new Set(hands)).toEqual(new Set(sent));
    expect(small[0]?.type).toBe('m.room.create');
    const latest = await fetchRoomHistory(alice.client, room, { pageSize: 17, maxEvents: 30 });
    expect(latest.map((e) => e.event_id)).toEqual(large.slice(-30).map((e) => e.event_id));
  });
});
