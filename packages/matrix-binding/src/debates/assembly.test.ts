import { describe, expect, it } from 'vitest';
import { ImagoEventTypes } from '../events/event-types';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { replayDecisions } from '../governance/replay-decisions';
import { appendToRoomLog, emptyRoomLog, logEvents } from '../replay/room-log';
import { assemblyMinutes, maySpeak, replayAssembly } from './assembly';
import { assemblyChairs } from './assembly-chairs';

const HOUR = 3_600_000;
const debate = '!debate:hs';
const decisions = '!decisions:hs';
let n = 0;
const ev = (room: string, sender: string, type: string, content: unknown, ts: number, extra = {}) =>
  ({
    event_id: `$${++n}`,
    room_id: room,
    sender,
    origin_server_ts: ts,
    type,
    content,
    ...extra,
  }) as RawMatrixEvent;
const [chair, bob, carol, mallory] = ['@chair:hs', '@bob:hs', '@carol:hs', '@mallory:hs'];
const members = [chair, bob, carol, mallory];

/** The decisions room founded by the chair: creation, every member's join, the initial table. */
function founding(table: Record<string, unknown>): RawMatrixEvent[] {
  return [
    ev(decisions, chair, 'm.room.create', { room_version: '12' }, 1, { state_key: '' }),
    ...members.map((user) =>
      ev(decisions, user, 'm.room.member', { membership: 'join' }, 2, { state_key: user }),
    ),
    ev(decisions, chair, 'org.imago.governance.init', { table }, 3),
  ];
}

const CHAIR_RULES = {
  'change-control-table': { protocol: 'consensus', duration: HOUR },
  'chair-assembly': { protocol: 'oligarchy', deciders: { members: [chair] }, required: 1, duration: HOUR },
};

function governance(votes: [string, number[]][] = [], closeAt = 10_000 + 2 * HOUR) {
  n = 0;
  const events = [
    ...founding({
      rules: CHAIR_RULES,
      fallback: {
        protocol: 'democracy',
        method: 'plurality',
        quorum: 0,
        threshold: { 'org.imago.decimal': '0.5' },
        duration: HOUR,
        ballot: 'public',
        delegation: true,
        group_delegation: 'fractional',
      },
    }),
  ];
  const propose = ev(
    decisions,
    chair,
    'org.imago.governance.propose',
    { kind: 'publish-text', title: 'Adopt the budget', action: { text: 'Adopt the budget' } },
    10_000,
  );
  const decision = propose.event_id as string;
  events.push(propose);
  for (const [voter, ballot] of votes)
    events.push(ev(decisions, voter, 'org.imago.governance.vote', { decision, ballot }, 20_000));
  const log = appendToRoomLog(emptyRoomLog(decisions), events);
  return { decision, state: replayDecisions(log, { now: closeAt }).state };
}

/** Everyone joins the MatrixRTC session first (as Element Call publishes it). */
const session = () =>
  members.map((user) =>
    ev(
      debate,
      user,
      'org.matrix.msc3401.call.member',
      { application: 'm.call', call_id: '', device_id: 'D' },
      50_000,
      {
        state_key: `_${user}_D_m.call`,
      },
    ),
  );
const replay = (events: RawMatrixEvent[], state: ReturnType<typeof governance>['state']) =>
  replayAssembly(logEvents(appendToRoomLog(emptyRoomLog(debate), [...session(), ...events])), {
    governance: state,
  });
const floor = (sender: string, speaker: string | null, ts: number, extra = {}) =>
  ev(debate, sender, ImagoEventTypes.debateFloor, { speaker, ...extra }, ts);
const hand = (sender: string, ts: number, slot?: string) =>
  ev(debate, sender, ImagoEventTypes.debateHand, slot ? { raised: true, slot } : { raised: true }, ts);

describe('an assembly chaired under the control table', () => {
  it('takes its chairs from the control table’s chair-assembly row', () => {
    const { state } = governance();
    expect(assemblyChairs(state.table)).toEqual([chair]);
    expect(assemblyChairs({ rules: {}, fallback: { protocol: 'consent', duration: 1 } })).toEqual([]);
    expect(
      assemblyChairs(
        {
          rules: {
            'chair-assembly': {
              protocol: 'oligarchy',
              deciders: { group: '!bureau:hs' },
              required: 1,
              duration: 1,
            },
          },
        },
        new Map([['!bureau:hs', new Set([carol, bob])]]),
      ),
    ).toEqual([bob, carol]);
  });

  it('serves points of order, then direct replies, then turns; only the chair gives the floor', () => {
    const { state } = governance();
    const forged = floor(mallory, mallory, 150_000);
    const assembly = replay(
      [
        hand(bob, 100_000),
        hand(carol, 110_000, 'direct-reply'),
        hand(mallory, 120_000, 'point-of-order'),
        forged,
        // Settings naming mallory as chair change nothing: the control table names the chairs.
        ev(debate, mallory, ImagoEventTypes.debateSettings, { chairs: [mallory], speakingTime: 0 }, 130_000, {
          state_key: '',
        }),
      ],
      state,
    );
    expect(assembly.queue.map((h) => [h.userId, h.slot ?? 'turn'])).toEqual([
      [mallory, 'point-of-order'],
      [carol, 'direct-reply'],
      [bob, 'turn'],
    ]);
    expect(assembly.floor).toBeNull();
    expect(assembly.warnings.map((w) => [w.code, w.eventId])).toEqual([['unauthorised', forged.event_id]]);
  });

  it('records turns with durations, motions from the chair only, and checks the minutes', () => {
    const { decision, state } = governance([
      [chair, [1, 0]],
      [bob, [1, 0]],
      [carol, [0, 1]],
    ]);
    expect(state.decisions.get(decision)?.outcome?.status).toBe('adopted');
    const events = [
      floor(chair, bob, 100_000, { duration: 60_000 }),
      floor(chair, carol, 130_000, { slot: 'direct-reply', duration: 30_000 }),
      ev(debate, mallory, ImagoEventTypes.debateMotion, { decision, title: 'Forged' }, 140_000),
      ev(debate, chair, ImagoEventTypes.debateMotion, { decision: '$unknown', title: 'Nothing' }, 140_500),
      ev(debate, chair, ImagoEventTypes.debateMotion, { decision, title: 'Adopt the budget' }, 141_000),
      floor(carol, null, 150_000),
    ];
    const open = replay(events, state);
    expect(open.warnings.map((w) => w.code)).toEqual(['unauthorised', 'unknown-reference']);
    expect(open.motions.map((m) => [m.title, m.outcome, m.winners])).toEqual([
      ['Adopt the budget', 'adopted', ['yes']],
    ]);
    const minutes = assemblyMinutes(open, state, 10_000 + 2 * HOUR);
    expect(minutes.turns).toEqual([
      { speaker: bob, since: 100_000, duration: 30_000 },
      { speaker: carol, slot: 'direct-reply', since: 130_000, duration: 20_000 },
    ]);
    const at = 10_000 + 2 * HOUR;
    const posted = ev(debate, chair, ImagoEventTypes.debateMinutes, minutes, at);
    const lying = ev(
      debate,
      chair,
      ImagoEventTypes.debateMinutes,
      { ...minutes, turns: minutes.turns.slice(1) },
      at + 1,
    );
    const byMallory = ev(debate, mallory, ImagoEventTypes.debateMinutes, minutes, at + 2);
    const closed = replay([...events, posted, lying, byMallory], state);
    expect(closed.minutes.map((m) => [m.eventId, m.faithful])).toEqual([
      [posted.event_id, true],
      [lying.event_id, false],
    ]);
    expect(closed.warnings.at(-1)?.code).toBe('unauthorised');
  });

  it('judges hands and floors by the memberships published in the room, even after everyone left', () => {
    const { state } = governance();
    const [bobJoins] = session().slice(1, 2) as [RawMatrixEvent];
    const left = ev(debate, bob, 'org.matrix.msc3401.call.member', {}, 300_000, {
      state_key: `_${bob}_D_m.call`,
    });
    const events = [bobJoins, hand(bob, 100_000), hand(carol, 110_000), floor(chair, bob, 120_000), left];
    const assembly = replayAssembly(logEvents(appendToRoomLog(emptyRoomLog(debate), events)), {
      governance: state,
    });
    expect(assembly.turns.map((t) => t.speaker)).toEqual([bob]);
    expect(assembly.warnings.map((w) => [w.code, w.sender])).toEqual([['unauthorised', carol]]);
  });

  it('lets the chair and the speaker speak, the speaker only until the time is up', () => {
    const { state } = governance();
    const assembly = replay([floor(chair, bob, 100_000, { duration: 60_000 })], state);
    expect(maySpeak(assembly, chair, 100_000)).toBe(true);
    expect(maySpeak(assembly, bob, 159_000)).toBe(true);
    expect(maySpeak(assembly, bob, 160_001)).toBe(false);
    expect(maySpeak(assembly, carol, 120_000)).toBe(false);
  });
});

describe('an assembly that no lie about time or later table change rewrites', () => {
  it('bounds a member’s event from the future by the chairs’ clock: no turn is stretched by it', () => {
    const { state } = governance();
    const future = hand(mallory, 10 * HOUR);
    const assembly = replay([future, floor(chair, bob, 100_000, { duration: 60_000 })], state);
    const taken = assembly.times.get(future.event_id as string) as number;
    expect(taken).toBeLessThanOrEqual(50_000 + 300_000);
    expect(assembly.floor?.endsAt).toBeLessThanOrEqual(taken + 60_000);
    expect(maySpeak(assembly, bob, 2 * HOUR)).toBe(false);
  });

  it('judges each floor, motion and minutes by the chairs in force at its time', () => {
    n = 0;
    const events = [
      ...founding({ rules: CHAIR_RULES }),
      ev(
        decisions,
        carol,
        'org.imago.governance.propose',
        {
          kind: 'change-control-table',
          action: {
            table: {
              rules: {
                'change-control-table': { protocol: 'consensus', duration: HOUR },
                'chair-assembly': {
                  protocol: 'oligarchy',
                  deciders: { members: [carol] },
                  required: 1,
                  duration: HOUR,
                },
              },
            },
          },
        },
        10_000,
      ),
      ev(decisions, chair, 'org.imago.governance.tick', {}, 10_000 + HOUR),
    ];
    const state = replayDecisions(appendToRoomLog(emptyRoomLog(decisions), events)).state;
    expect(state.tableVersion).toBe(1);
    const before = floor(chair, bob, 100_000);
    const earlyCarol = floor(carol, carol, 110_000);
    const afterChange = floor(chair, bob, 20_000 + HOUR);
    const carolNow = floor(carol, carol, 30_000 + HOUR);
    const assembly = replay([before, earlyCarol, afterChange, carolNow], state);
    expect(assembly.warnings.map((w) => w.eventId)).toEqual([earlyCarol.event_id, afterChange.event_id]);
    expect(assembly.turns.map((t) => t.eventId)).toEqual([before.event_id, carolNow.event_id]);
    expect(assembly.chairs).toEqual([carol]);
  });
});
