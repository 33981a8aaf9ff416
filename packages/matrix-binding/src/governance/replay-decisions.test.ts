import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImagoEventTypes } from '../events/event-types';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { replayDecisions } from './replay-decisions';

const room = '!decisions:hs';
const HOUR = 3_600_000;
let n = 0;
const ev = (
  sender: string,
  type: string,
  content: unknown,
  extra: object = {},
  ts?: number,
): RawMatrixEvent => ({
  event_id: `$${++n}`,
  room_id: room,
  sender,
  origin_server_ts: ts ?? 1_000 + n,
  type,
  content,
  ...extra,
});
const member = (user: string) => ev(user, 'm.room.member', { membership: 'join' }, { state_key: user });

function validLog() {
  n = 0;
  const users = ['@ana:hs', '@bo:hs', '@cy:hs', '@di:hs'];
  const events: RawMatrixEvent[] = [
    ev('@ana:hs', 'm.room.create', { room_version: '12' }, { state_key: '' }),
    ...users.map(member),
    ev('@ana:hs', 'org.imago.governance.init', {
      table: {
        rules: {
          'change-control-table': { protocol: 'consensus', duration: HOUR },
          'spend-resource': {
            protocol: 'democracy',
            method: 'plurality',
            quorum: { 'org.imago.decimal': '0.5' },
            threshold: { 'org.imago.decimal': '0.5' },
            duration: HOUR,
            ballot: 'public',
            delegation: true,
            group_delegation: 'majority',
          },
        },
      },
    }),
  ];
  const propose = ev('@ana:hs', 'org.imago.governance.propose', {
    kind: 'spend-resource',
    action: { amount: 3 },
  });
  const decision = propose.event_id as string;
  events.push(
    propose,
    ev('@bo:hs', 'org.imago.governance.vote', { decision, ballot: [1, 0] }),
    ev(
      '@cy:hs',
      ImagoEventTypes.delegations,
      { delegations: [{ scope: { type: 'group' }, to: { member: '@bo:hs' } }] },
      { state_key: '@cy:hs' },
    ),
    ev('@di:hs', 'org.imago.governance.vote', { decision, ballot: [0, 1] }),
    ev('@ana:hs', 'org.imago.governance.close', { decision }, {}, 1_000 + 2 * HOUR),
  );
  return { events, decision };
}

/** Hostile or malformed events, none of which may change the outcome. */
const junk = (decision: string): fc.Arbitrary<RawMatrixEvent> =>
  fc.oneof(
    // Forged delegation of someone else.
    fc.constant(
      ev(
        '@mallory:hs',
        ImagoEventTypes.delegations,
        { delegations: [{ scope: { type: 'group' }, to: { member: '@mallory:hs' } }] },
        { state_key: '@bo:hs' },
      ),
    ),
    // Votes from a non-member, with wrong schema, oversize, redacted.
    fc.constant(ev('@mallory:hs', 'org.imago.governance.vote', { decision, ballot: [0, 1] })),
    fc.constant(ev('@di:hs', 'org.imago.governance.vote', { decision, ballot: 'yes' })),
    fc.constant(
      ev('@di:hs', 'org.imago.governance.vote', { decision, ballot: [0, 1], pad: 'x'.repeat(70_000) }),
    ),
    fc.constant(ev('@bo:hs', 'org.imago.governance.vote', {}, { unsigned: { redacted_because: {} } })),
    // A second init from a non-creator, a forged poll mirror, garbage of every shape.
    fc.constant(ev('@bo:hs', 'org.imago.governance.init', { table: { rules: {} } })),
    fc.constant(
      ev('@mallory:hs', 'org.matrix.msc3381.poll.start', {
        'org.matrix.msc3381.poll.start': { question: { 'org.matrix.msc1767.text': 'q' }, answers: [] },
        'org.imago.decision': decision,
      }),
    ),
    fc.record({
      event_id: fc.oneof(
        fc.constant(undefined),
        fc.string().map((s) => `$junk${s}`),
      ),
      room_id: fc.constant(room),
      sender: fc.oneof(fc.constant('@mallory:hs'), fc.anything()),
      origin_server_ts: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.anything()),
      type: fc.constantFrom(
        'org.imago.governance.vote',
        'org.imago.governance.delegations',
        'org.imago.governance.close',
        'm.room.redaction',
      ),
      content: fc.anything(),
    }) as fc.Arbitrary<RawMatrixEvent>,
  );

describe('replayDecisions', () => {
  it('counts delegations from member-owned state and votes from the timeline', () => {
    const { events, decision } = validLog();
    const { state, warnings } = replayDecisions(appendToRoomLog(emptyRoomLog(room), events));
    expect(warnings).toEqual([]);
    const outcome = state.decisions.get(decision)?.outcome;
    expect(outcome).toMatchObject({ status: 'adopted', winners: [0] });
  });

  it('gives the same outcome whatever hostile events are interleaved, and never throws (fuzz)', () => {
    const { events, decision } = validLog();
    const reference = replayDecisions(appendToRoomLog(emptyRoomLog(room), events)).state.decisions.get(
      decision,
    )?.outcome;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(events.length), junk(decision)), { maxLength: 8 }),
        (insertions) => {
          const mixed = [...events];
          for (const [at, bad] of insertions.sort((a, b) => b[0] - a[0]))
            mixed.splice(Math.max(at, 6), 0, bad);
          // Overlapping pages: the whole log appended twice.
          const log = appendToRoomLog(appendToRoomLog(emptyRoomLog(room), mixed), mixed);
          const replayed = replayDecisions(log);
          expect(replayed.state.decisions.get(decision)?.outcome).toEqual(reference);
        },
      ),
      { numRuns: 150 },
    );
  });
});
