import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog, logWarnings } from '../replay/room-log';
import { replayDecisions } from './replay-decisions';

// Forged decisions, seen from the log alone: an attacker may send any event its power allows,
// claim any timestamp (its homeserver, or an application service's `?ts=`), and edit its events.
const room = '!decisions:hs';
const HOUR = 3_600_000;
const service = '@service:hs';
let n = 0;
const ev = (
  sender: string,
  type: string,
  content: unknown,
  ts: number,
  extra: object = {},
): RawMatrixEvent => ({
  event_id: `$${++n}`,
  room_id: room,
  sender,
  origin_server_ts: ts,
  type,
  content,
  ...extra,
});

function group(rule: unknown = { protocol: 'democracy', method: 'plurality', duration: HOUR }) {
  n = 0;
  const events: RawMatrixEvent[] = [
    ev('@ana:hs', 'm.room.create', { room_version: '12' }, 0, { state_key: '' }),
    ...['@ana:hs', '@bo:hs', '@eve:evil', service].map((user) =>
      ev(user, 'm.room.member', { membership: 'join' }, 1, { state_key: user }),
    ),
    ev(
      '@ana:hs',
      'org.imago.governance.init',
      {
        table: {
          rules: { 'change-control-table': { protocol: 'consensus', duration: HOUR }, 'publish-text': rule },
        },
        authority: [service],
      },
      10,
    ),
  ];
  const propose = ev(
    '@ana:hs',
    'org.imago.governance.propose',
    { kind: 'publish-text', action: { text: 'open' } },
    100,
  );
  events.push(propose);
  return { events, decision: propose.event_id as string };
}

const replayOf = (events: RawMatrixEvent[]) => replayDecisions(appendToRoomLog(emptyRoomLog(room), events));

describe('decisions that cannot be forged (pure replay)', () => {
  it('a tick from the future by a member settles nothing; their vote counts at the authority’s clock', () => {
    const { events, decision } = group();
    const vote = ev('@eve:evil', 'org.imago.governance.vote', { decision, ballot: [0, 1] }, 100 + 10 * HOUR);
    const tick = ev('@eve:evil', 'org.imago.governance.tick', {}, 100 + 10 * HOUR);
    const replay = replayOf([...events, vote, tick]);
    expect(replay.state.decisions.get(decision)?.status).toBe('open');
    expect(replay.warnings.filter((w) => w.eventId === tick.event_id).map((w) => [w.code, w.reason])).toEqual(
      [['rejected', 'wrong-sender']],
    );
    expect(replay.clock.map((c) => c.eventId)).toEqual([vote.event_id, tick.event_id]);
    // The authority closes the decision when its period has ended, by its own clock.
    const closed = replayOf([
      ...events,
      vote,
      tick,
      ev(service, 'org.imago.governance.tick', {}, 100 + HOUR),
    ]);
    expect(closed.state.decisions.get(decision)?.outcome).toMatchObject({
      status: 'rejected',
      at: 100 + HOUR,
    });
  });

  it('a backdated vote after the authority closed the decision is too late', () => {
    const { events, decision } = group();
    const late = ev('@bo:hs', 'org.imago.governance.vote', { decision, ballot: [1, 0] }, 50);
    const replay = replayOf([...events, ev(service, 'org.imago.governance.tick', {}, 100 + HOUR), late]);
    expect(replay.warnings.find((w) => w.eventId === late.event_id)?.reason).toBe('too-late');
    expect(replay.state.decisions.get(decision)?.outcome?.tally?.count.totals).toEqual([0, 0]);
  });

  it('an edit never changes an Imago event, and is not itself taken as a new one', () => {
    const { events, decision } = group();
    const edit = ev(
      '@ana:hs',
      'org.imago.governance.propose',
      {
        kind: 'publish-text',
        action: { text: 'changed' },
        'm.new_content': { kind: 'publish-text', action: { text: 'changed' } },
        'm.relates_to': { rel_type: 'm.replace', event_id: decision },
      },
      200,
    );
    const replay = replayOf([...events, edit]);
    expect(replay.warnings.find((w) => w.eventId === edit.event_id)?.code).toBe('edit');
    expect([...replay.state.decisions.keys()]).toEqual([decision]);
    expect(replay.state.decisions.get(decision)?.action).toEqual({ text: 'open' });
  });

  it('a redaction of evidence after the decision settled is reported, live and from a fresh history alike', () => {
    const { events, decision } = group();
    const vote = ev('@bo:hs', 'org.imago.governance.vote', { decision, ballot: [1, 0] }, 200);
    const close = ev(service, 'org.imago.governance.tick', {}, 100 + HOUR);
    const redaction = ev(service, 'm.room.redaction', {}, 100 + 2 * HOUR, { redacts: vote.event_id });
    // Live: the vote was seen, then the redaction arrives.
    const live = appendToRoomLog(appendToRoomLog(emptyRoomLog(room), [...events, vote, close]), [redaction], {
      mayRedact: (user) => user === service,
    });
    // Fresh: the homeserver serves the vote with its content stripped.
    const stripped = { ...vote, content: {}, unsigned: { redacted_because: redaction } };
    const fresh = appendToRoomLog(emptyRoomLog(room), [...events, stripped, close, redaction]);
    for (const log of [live, fresh]) {
      const replay = replayDecisions(log);
      expect(logWarnings(log).find((w) => w.eventId === vote.event_id)?.code).toBe('redacted');
      const warning = replay.warnings.find((w) => w.code === 'settled-evidence-redacted');
      expect(warning).toMatchObject({ eventId: vote.event_id, reason: decision });
    }
    expect(replayDecisions(live).state.decisions.get(decision)?.outcome).toEqual(
      replayDecisions(fresh).state.decisions.get(decision)?.outcome,
    );
  });

  it('a redaction while the decision is open withdraws that vote, without a warning', () => {
    const { events, decision } = group();
    const vote = ev('@bo:hs', 'org.imago.governance.vote', { decision, ballot: [1, 0] }, 200);
    const redaction = ev(service, 'm.room.redaction', {}, 300, { redacts: vote.event_id });
    const close = ev(service, 'org.imago.governance.tick', {}, 100 + HOUR);
    const replay = replayOf([
      ...events,
      { ...vote, content: {}, unsigned: { redacted_because: redaction } },
      redaction,
      close,
    ]);
    expect(replay.warnings.filter((w) => w.code === 'settled-evidence-redacted')).toEqual([]);
    expect(replay.state.decisions.get(decision)?.outcome?.tally?.count.totals).toEqual([0, 0]);
  });

  it('tells who the authority was before each event, as change-authority decisions move it', () => {
    const { events } = group();
    const change = ev(
      '@ana:hs',
      'org.imago.governance.propose',
      {
        kind: 'change-control-table',
        action: {
          table: {
            rules: {
              'change-control-table': { protocol: 'consensus', duration: HOUR },
              'change-authority': { protocol: 'consensus', duration: HOUR },
            },
          },
        },
      },
      200,
    );
    const tick = ev(service, 'org.imago.governance.tick', {}, 200 + HOUR);
    const handover = ev(
      '@ana:hs',
      'org.imago.governance.propose',
      { kind: 'change-authority', action: { authority: ['@ana:hs'] } },
      300 + HOUR,
    );
    const tick2 = ev(service, 'org.imago.governance.tick', {}, 300 + 2 * HOUR);
    const after = ev('@ana:hs', 'org.imago.governance.tick', {}, 400 + 2 * HOUR);
    const replay = replayOf([...events, change, tick, handover, tick2, after]);
    expect(replay.state.authority).toEqual(['@ana:hs']);
    expect(replay.authorityAt(handover.event_id as string)).toEqual([service]);
    expect(replay.authorityAt(after.event_id as string)).toEqual(['@ana:hs']);
    expect(replay.warnings.filter((w) => w.code === 'rejected')).toEqual([]);
  });
});
