import { countsToName, type Decision } from '@imago/governance';
import { sha256Hex } from '@imago/helios-c';
import { describe, expect, it } from 'vitest';
import { ImagoEventTypes } from '../events/event-types';
import { parseImagoEvent } from '../events/parse-imago-event';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { COUNTED_BUDGET_BYTES, countedClose } from './counted-close';
import { replayDecisions } from './replay-decisions';

const room = '!decisions:hs';
const HOUR = 3_600_000;
const CLOSE_AT = 10_000 + HOUR;
const ev = (id: string, sender: string, type: string, content: unknown, ts: number, extra: object = {}) =>
  ({ event_id: id, room_id: room, sender, origin_server_ts: ts, type, content, ...extra }) as RawMatrixEvent;

/** Ana (the authority) proposes a public vote with delegation; Bo votes yes, Di no. */
function opening(): RawMatrixEvent[] {
  const users = ['@ana:hs', '@bo:hs', '@cy:hs', '@di:hs', '@eve:hs'];
  const rule = { protocol: 'democracy', method: 'plurality', duration: HOUR, delegation: true };
  return [
    ev('$create', '@ana:hs', 'm.room.create', { room_version: '12' }, 1, { state_key: '' }),
    ...users.map((user, i) =>
      ev(`$join${i}`, user, 'm.room.member', { membership: 'join' }, 2, { state_key: user }),
    ),
    ev(
      '$init',
      '@ana:hs',
      'org.imago.governance.init',
      { table: { rules: { 'change-control-table': rule, 'spend-resource': rule } } },
      3,
    ),
    ev('$d', '@ana:hs', 'org.imago.governance.propose', { kind: 'spend-resource', action: {} }, 10_000),
    ev('$bo', '@bo:hs', 'org.imago.governance.vote', { decision: '$d', ballot: [1, 0] }, 20_000),
    ev('$di', '@di:hs', 'org.imago.governance.vote', { decision: '$d', ballot: [0, 1] }, 30_000),
  ];
}

/** Sent on another homeserver while the authority closed: Eve votes yes, Cy delegates to Bo. */
const concurrent = (): RawMatrixEvent[] => [
  ev('$eve', '@eve:hs', 'org.imago.governance.vote', { decision: '$d', ballot: [1, 0] }, CLOSE_AT - 500),
  ev(
    '$cy',
    '@cy:hs',
    ImagoEventTypes.delegations,
    { delegations: [{ scope: { type: 'group' }, to: { member: '@bo:hs' } }] },
    CLOSE_AT - 400,
    { state_key: '@cy:hs' },
  ),
];

/** The authority's close, naming what its own log counted. */
function closeAfter(seen: RawMatrixEvent[]): RawMatrixEvent {
  const { state } = replayDecisions(appendToRoomLog(emptyRoomLog(room), seen));
  const { parts, close } = countedClose('$d', countsToName(state, CLOSE_AT));
  expect(parts).toEqual([]);
  return ev('$close', '@ana:hs', 'org.imago.governance.close', close, CLOSE_AT + 1);
}

function decisionOf(events: RawMatrixEvent[]) {
  const replay = replayDecisions(appendToRoomLog(emptyRoomLog(room), events));
  return {
    decision: replay.state.decisions.get('$d') as Decision,
    codes: replay.warnings.map((w) => w.code),
  };
}

describe('a counted close on Matrix', () => {
  it('settles alike for readers whose homeservers put the concurrent events on either side of it', () => {
    const close = closeAfter(opening());
    const before = decisionOf([...opening(), ...concurrent(), close]);
    const after = decisionOf([...opening(), close, ...concurrent()]);
    expect(before.decision.outcome).toMatchObject({ status: 'rejected', reason: 'tie' });
    expect(after.decision).toEqual(before.decision);
    expect(before.codes).toContain('uncounted');
  });

  it('counts what the authority saw even where the close comes first, waiting for it meanwhile', () => {
    const close = closeAfter([...opening(), ...concurrent()]);
    const waiting = decisionOf([...opening(), close]);
    expect(waiting.decision.status).toBe('closed');
    expect(waiting.decision.count?.missing).toEqual(['$eve', '$cy/group']);
    expect(waiting.codes).toContain('awaiting-evidence');
    const before = decisionOf([...opening(), ...concurrent(), close]);
    const after = decisionOf([...opening(), close, ...concurrent()]);
    expect(before.decision.outcome).toMatchObject({ status: 'adopted', winners: [0] });
    expect(before.decision.outcome?.tally?.count.totals).toEqual([3, 1]);
    expect(after.decision).toEqual(before.decision);
  });

  it('does not count a named vote that was redacted, and stops waiting for it', () => {
    const close = closeAfter([...opening(), ...concurrent()]);
    const redacted = ev('$eve', '@eve:hs', 'org.imago.governance.vote', {}, CLOSE_AT - 500, {
      unsigned: { redacted_because: { sender: '@ana:hs' } },
    });
    const { decision, codes } = decisionOf([...opening(), close, redacted, concurrent()[1]!]);
    expect(decision.count).toMatchObject({ missing: [], invalid: [{ id: '$eve', reason: 'redacted' }] });
    expect(decision.outcome).toMatchObject({ status: 'adopted' });
    expect(codes).toContain('invalid-evidence');
  });

  it('splits a long list into parts under the limit, each read back, the whole hashed', () => {
    const ids = Array.from({ length: 3_000 }, (_, i) => `$${'x'.repeat(40)}${i}`);
    const { parts, close } = countedClose('$d', { $d: ids, $small: ['$a'] });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((part) => part.ids)).toEqual(ids);
    expect(close.counted).toEqual({
      $d: { parts: parts.length, digest: sha256Hex(JSON.stringify(ids)) },
      $small: ['$a'],
    });
    for (const [index, part] of parts.entries()) {
      expect(new TextEncoder().encode(JSON.stringify(part)).length).toBeLessThanOrEqual(
        COUNTED_BUDGET_BYTES + 100,
      );
      const read = parseImagoEvent(ev(`$p${index}`, '@ana:hs', 'org.imago.governance.counted', part, 1));
      expect(read.status).toBe('event');
    }
    const oversize = { decision: '$d', counted: { $d: ids } };
    const refused = parseImagoEvent(ev('$c', '@ana:hs', 'org.imago.governance.close', oversize, 1));
    expect(refused.status === 'warning' ? refused.warning.code : refused.status).toBe('oversize');
  });
});
