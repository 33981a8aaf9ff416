import { describe, expect, it } from 'vitest';
import { ImagoEventTypes } from '../events/event-types';
import { readPowerLevels } from '../group/group-view';
import { appendToRoomLog, emptyRoomLog, logEvents } from '../replay/room-log';
import { isOvertime, speakingQueue } from './speaking-queue';

const room = '!debate:hs';
let n = 0;
const ev = (sender: string, type: string, content: object, extra: object = {}) => ({
  event_id: `$${++n}`,
  room_id: room,
  sender,
  origin_server_ts: 1000 * n,
  type,
  content,
  ...extra,
});
const memberships = [
  { eventId: '$m-alice', userId: '@alice:hs' },
  { eventId: '$m-bob', userId: '@bob:hs' },
  { eventId: '$m-carol', userId: '@carol:hs' },
];
const powerLevels = readPowerLevels({
  users: { '@alice:hs': 100 },
  events: { [ImagoEventTypes.debateSettings]: 50 },
});
const fold = (events: object[]) =>
  speakingQueue(logEvents(appendToRoomLog(emptyRoomLog(room), events)), { memberships, powerLevels });
const hand = (sender: string) => ev(sender, ImagoEventTypes.debateHand, { raised: true });
const reaction = (sender: string, target: string) =>
  ev(sender, 'm.reaction', { 'm.relates_to': { rel_type: 'm.annotation', event_id: target, key: '🖐️' } });

describe('speaking queue', () => {
  it('queues hands in order, from org.imago hands and Element Call reactions alike', () => {
    const q = fold([hand('@bob:hs'), reaction('@carol:hs', '$m-carol'), hand('@bob:hs')]);
    expect(q.queue.map((h) => h.userId)).toEqual(['@bob:hs', '@carol:hs']);
  });

  it('keeps the room’s order: a backdated hand does not jump the queue, and its time is not in the past', () => {
    const first = hand('@bob:hs');
    const backdated = { ...hand('@carol:hs'), origin_server_ts: 0 };
    const q = fold([first, backdated]);
    expect(q.queue.map((h) => h.userId)).toEqual(['@bob:hs', '@carol:hs']);
    expect(q.queue[1]?.since).toBe(first.origin_server_ts);
  });

  it('gives the floor only through a chair, with the time limit of the settings', () => {
    const settings = ev(
      '@alice:hs',
      ImagoEventTypes.debateSettings,
      { chairs: ['@carol:hs'], speakingTime: 60_000 },
      { state_key: '' },
    );
    const raised = hand('@bob:hs');
    const byBob = ev('@bob:hs', ImagoEventTypes.debateFloor, { speaker: '@bob:hs' });
    const byCarol = ev('@carol:hs', ImagoEventTypes.debateFloor, { speaker: '@bob:hs' });
    const q = fold([settings, raised, byBob, byCarol]);
    expect(q.warnings.map((w) => [w.code, w.eventId])).toEqual([['unauthorised', byBob.event_id]]);
    expect(q.floor).toEqual({
      speaker: '@bob:hs',
      since: byCarol.origin_server_ts,
      endsAt: byCarol.origin_server_ts + 60_000,
    });
    expect(q.queue).toEqual([]);
    expect(isOvertime(q.floor, byCarol.origin_server_ts + 60_001)).toBe(true);
    // The speaker yields.
    expect(
      fold([settings, byCarol, ev('@bob:hs', ImagoEventTypes.debateFloor, { speaker: null })]).floor,
    ).toBeNull();
  });

  it('ignores reactions on someone else’s membership and hands from outside the session', () => {
    const q = fold([reaction('@bob:hs', '$m-carol'), reaction('@bob:hs', '$nope'), hand('@mallory:hs')]);
    expect(q.queue).toEqual([]);
    expect(q.warnings.map((w) => w.code)).toEqual(['unauthorised', 'unknown-reference', 'unauthorised']);
  });

  it('lowers a hand raised by reaction when the reaction is redacted', () => {
    const raised = reaction('@bob:hs', '$m-bob');
    const q = fold([raised, ev('@bob:hs', 'm.room.redaction', {}, { redacts: raised.event_id })]);
    expect(q.queue).toEqual([]);
  });
});
