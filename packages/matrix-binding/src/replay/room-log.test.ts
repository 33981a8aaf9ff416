import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImagoEventTypes } from '../events/event-types';
import { appendToRoomLog, emptyRoomLog, latestState, logEvents, logWarnings } from './room-log';

const room = '!room:hs';
const hand = (id: string, sender: string, raised: boolean, ts: number) => ({
  event_id: id,
  room_id: room,
  sender,
  origin_server_ts: ts,
  type: ImagoEventTypes.debateHand,
  content: { raised },
});
const relation = (id: string, key: string, content: object) => ({
  event_id: id,
  room_id: room,
  sender: '@admin:hs',
  origin_server_ts: 1,
  type: ImagoEventTypes.relation,
  state_key: key,
  content,
});

describe('room log', () => {
  it('applies each event id once, whatever the paging (idempotent replay)', () => {
    const events = [
      hand('$1', '@a:hs', true, 1),
      hand('$2', '@b:hs', true, 2),
      hand('$3', '@a:hs', false, 3),
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }), (cuts) => {
        let log = emptyRoomLog(room);
        let start = 0;
        for (const cut of [...cuts.sort(), 3]) {
          log = appendToRoomLog(log, events.slice(0, Math.max(cut, start))); // overlapping pages
          start = cut;
        }
        log = appendToRoomLog(log, events);
        expect(logEvents(log).map((e) => e.eventId)).toEqual(['$1', '$2', '$3']);
      }),
    );
  });

  it('removes a redacted event, whether the redaction comes after or before it', () => {
    const redaction = {
      event_id: '$r',
      room_id: room,
      sender: '@a:hs',
      origin_server_ts: 5,
      type: 'm.room.redaction',
      redacts: '$1',
      content: {},
    };
    const after = appendToRoomLog(emptyRoomLog(room), [hand('$1', '@a:hs', true, 1), redaction]);
    const before = appendToRoomLog(emptyRoomLog(room), [redaction, hand('$1', '@a:hs', true, 1)]);
    for (const log of [after, before]) {
      expect(logEvents(log).filter((e) => e.kind === 'hand')).toEqual([]);
      expect(logWarnings(log).map((w) => w.code)).toContain('redacted');
    }
  });

  it('voids a state key whose latest value is malformed', () => {
    const log = appendToRoomLog(emptyRoomLog(room), [
      relation('$1', '!other:hs', { type: 'partner' }),
      relation('$2', '!third:hs', { type: 'partner' }),
      relation('$3', '!other:hs', { type: 42 }),
    ]);
    expect([...latestState(log, ImagoEventTypes.relation).keys()]).toEqual(['!third:hs']);
  });
});

describe('redaction authority', () => {
  it('ignores a redaction of someone else’s event unless the redacter may redact', () => {
    const vote = hand('$v', '@a:hs', true, 1);
    const redaction = {
      event_id: '$r2',
      room_id: room,
      sender: '@mallory:hs',
      origin_server_ts: 5,
      type: 'm.room.redaction',
      redacts: '$v',
      content: {},
    };
    const log = appendToRoomLog(emptyRoomLog(room), [vote, redaction]);
    expect(logEvents(log).map((e) => e.eventId)).toContain('$v');
    expect(logWarnings(log).map((w) => [w.code, w.eventId])).toEqual([['unauthorised', '$r2']]);
    const moderated = appendToRoomLog(emptyRoomLog(room), [vote, redaction], {
      mayRedact: (u) => u === '@mallory:hs',
    });
    expect(logEvents(moderated).map((e) => e.eventId)).not.toContain('$v');
  });
});
