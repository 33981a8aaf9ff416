import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImagoEventTypes } from './event-types';
import { parseImagoEvent } from './parse-imago-event';

const base = {
  event_id: '$e1',
  room_id: '!space:hs',
  sender: '@alice:hs',
  origin_server_ts: 1_700_000_000_000,
};

describe('parseImagoEvent', () => {
  it('reads a group profile', () => {
    const parsed = parseImagoEvent({
      ...base,
      type: ImagoEventTypes.group,
      state_key: '',
      content: { name: 'Jardin', places: ['Q90'], themes: ['Q1124'], coordinates: 'geo:48.85,2.35' },
    });
    expect(parsed.status).toBe('event');
    if (parsed.status !== 'event' || parsed.event.kind !== 'group-profile') throw new Error('not a profile');
    expect(parsed.event.content.places).toEqual(['Q90']);
    expect(parsed.event.content.coordinates).toEqual({ lat: 48.85, lon: 2.35 });
  });

  it('names the offending field of a malformed profile', () => {
    const parsed = parseImagoEvent({
      ...base,
      type: ImagoEventTypes.group,
      state_key: '',
      content: { name: 'Jardin', themes: ['Q1', 'paris'] },
    });
    expect(parsed).toMatchObject({
      status: 'warning',
      warning: { code: 'malformed-content', path: 'content.themes[1]' },
    });
  });

  it('rejects coordinates out of range', () => {
    const parsed = parseImagoEvent({
      ...base,
      type: ImagoEventTypes.group,
      state_key: '',
      content: { name: 'x', coordinates: 'geo:91,0' },
    });
    expect(parsed).toMatchObject({ status: 'warning', warning: { path: 'content.coordinates#lat' } });
  });

  it('refuses delegations whose state key is another user (forged)', () => {
    const parsed = parseImagoEvent({
      ...base,
      type: ImagoEventTypes.delegations,
      state_key: '@bob:hs',
      content: { delegations: [] },
    });
    expect(parsed).toMatchObject({ status: 'warning', warning: { code: 'unauthorised', path: 'state_key' } });
  });

  it('refuses two delegations for one scope', () => {
    const parsed = parseImagoEvent({
      ...base,
      type: ImagoEventTypes.delegations,
      state_key: '@alice:hs',
      content: {
        delegations: [
          { scope: { type: 'group' }, to: { member: '@bob:hs' } },
          { scope: { type: 'group' }, to: { group: '!sub:hs' } },
        ],
      },
    });
    expect(parsed).toMatchObject({ status: 'warning', warning: { path: 'content.delegations[1].scope' } });
  });

  it('reports oversize content', () => {
    const parsed = parseImagoEvent({
      ...base,
      type: ImagoEventTypes.announcement,
      content: { kind: 'offer', title: 'x'.repeat(20_000), origin: { group: '!a:hs', room: '!b:hs' } },
    });
    expect(parsed).toMatchObject({ status: 'warning', warning: { code: 'oversize' } });
  });

  it('reports redacted events', () => {
    const parsed = parseImagoEvent({
      ...base,
      type: ImagoEventTypes.debateHand,
      content: {},
      unsigned: { redacted_because: { event_id: '$r' } },
    });
    expect(parsed).toMatchObject({ status: 'warning', warning: { code: 'redacted', eventId: '$e1' } });
  });

  it('reports a malformed envelope', () => {
    expect(
      parseImagoEvent({ ...base, sender: 'alice', type: ImagoEventTypes.debateHand, content: {} }),
    ).toMatchObject({
      status: 'warning',
      warning: { code: 'malformed-envelope', path: 'sender' },
    });
  });

  it('leaves foreign events alone', () => {
    expect(parseImagoEvent({ ...base, type: 'm.room.message', content: { body: 'hi' } })).toEqual({
      status: 'foreign',
    });
  });

  it('reads Element Call’s raise-hand reaction', () => {
    const parsed = parseImagoEvent({
      ...base,
      type: 'm.reaction',
      content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$member', key: '🖐️' } },
    });
    expect(parsed).toMatchObject({
      status: 'event',
      event: { kind: 'raise-hand-reaction', content: { membershipEvent: '$member' } },
    });
  });

  it('never throws on arbitrary input (fuzz)', () => {
    const types = fc.constantFrom(
      ...Object.values(ImagoEventTypes),
      'm.space.child',
      'm.reaction',
      'm.room.redaction',
      'org.imago.x',
    );
    fc.assert(
      fc.property(
        fc.record({
          event_id: fc.oneof(fc.constant('$x'), fc.anything()),
          room_id: fc.oneof(fc.constant('!r:hs'), fc.anything()),
          sender: fc.oneof(fc.constant('@a:hs'), fc.anything()),
          origin_server_ts: fc.oneof(fc.constant(1), fc.anything()),
          state_key: fc.oneof(fc.constant(''), fc.constant('@a:hs'), fc.constant('!r:hs'), fc.anything()),
          type: types,
          content: fc.oneof(fc.anything(), fc.jsonValue()),
        }),
        (raw) => {
          const parsed = parseImagoEvent(raw);
          expect(['event', 'warning', 'foreign']).toContain(parsed.status);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
