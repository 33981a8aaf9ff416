import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { DecisionsFold } from './decisions-fold';
import { decodeFoldSnapshot, encodeFoldSnapshot, foldDifferences, sha256Hex } from './fold-snapshot-codec';

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
  origin_server_ts: ts ?? 1_000 + n * 1_000,
  type,
  content,
  ...extra,
});

function history(): RawMatrixEvent[] {
  n = 0;
  const users = ['@ana:hs', '@bo:hs', '@cy:hs'];
  const events = [
    ev('@ana:hs', 'm.room.create', { room_version: '12' }, { state_key: '' }),
    ...users.map((u) => ev(u, 'm.room.member', { membership: 'join' }, { state_key: u })),
    ev('@ana:hs', 'org.imago.governance.init', {
      table: {
        rules: {
          'change-control-table': { protocol: 'consensus', duration: HOUR },
          'spend-resource': {
            protocol: 'democracy',
            method: 'plurality',
            quorum: 0,
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
  const decisions: string[] = [];
  for (let i = 0; i < 6; i++) {
    // An action that looks like the codec's tags: content from events must stay content.
    const propose = ev(users[i % 3] as string, 'org.imago.governance.propose', {
      kind: 'spend-resource',
      action: { $pmap: [['x', 1]], $number: 'Infinity', nested: { $object: { a: 1 } }, amount: i },
    });
    decisions.push(propose.event_id as string);
    events.push(propose);
    for (const user of users) {
      events.push(ev(user, 'org.imago.governance.vote', { decision: propose.event_id, ballot: [1, 0] }));
    }
    events.push(
      ev(
        '@cy:hs',
        'org.imago.governance.delegations',
        { delegations: [{ scope: { type: 'group' }, to: { member: i % 2 ? '@bo:hs' : '@ana:hs' } }] },
        { state_key: '@cy:hs' },
      ),
    );
    if (i % 2) events.push(ev('@ana:hs', 'org.imago.governance.tick', {}, {}, 1_000 + n * 1_000 + HOUR));
  }
  return events;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('fold snapshots', () => {
  it('decode to a fold that goes on exactly as the one that wrote them, wherever it is cut', () => {
    const log = appendToRoomLog(emptyRoomLog(room), history());
    const whole = new DecisionsFold().add(log.entries);
    fc.assert(
      fc.property(fc.nat(log.entries.length), (cut) => {
        const first = new DecisionsFold().add(log.entries.slice(0, cut));
        const bytes = encodeFoldSnapshot(first.snapshot());
        const decoded = decodeFoldSnapshot(bytes);
        if (!decoded.ok) throw new Error(decoded.path);
        expect(text(encodeFoldSnapshot(decoded.value))).toBe(text(bytes)); // same bytes back
        const resumed = DecisionsFold.resume(decoded.value).add(log.entries.slice(cut));
        expect(text(encodeFoldSnapshot(resumed.snapshot()))).toBe(text(encodeFoldSnapshot(whole.snapshot())));
        expect(foldDifferences(resumed.snapshot(), whole.snapshot())).toEqual([]);
      }),
      { numRuns: 40 },
    );
    // The tag-like keys of an action stay an action's keys.
    const decision = [...whole.state.decisions.keys()].map((id) => whole.state.decisions.get(id))[0];
    expect(decision?.action).toMatchObject({ $pmap: [['x', 1]], $number: 'Infinity' });
  });

  it('name the decision that differs, and hash what they encode', async () => {
    const log = appendToRoomLog(emptyRoomLog(room), history());
    const honest = new DecisionsFold().add(log.entries).snapshot();
    const bytes = encodeFoldSnapshot(honest);
    const first = [...honest.state.decisions.keys()].sort()[0] as string;
    const lie = text(bytes).replace('"status":"adopted"', '"status":"rejected"');
    const decoded = decodeFoldSnapshot(new TextEncoder().encode(lie));
    if (!decoded.ok) throw new Error(decoded.path);
    const changed = foldDifferences(honest, decoded.value);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^state\.decisions\["\$\d+"\]$/);
    expect(await sha256Hex(bytes)).toMatch(/^[0-9a-f]{64}$/);
    expect(await sha256Hex(new TextEncoder().encode(lie))).not.toBe(await sha256Hex(bytes));
    expect(first.startsWith('$')).toBe(true);
  });

  it('refuse what cannot be a fold, with the path of the problem', () => {
    const cases: [unknown, string][] = [
      [{ entries: -1 }, '$.entries'],
      [{ entries: 1, state: { decisions: [] } }, '$.state.decisions'],
      [{ entries: 1, state: { decisions: { $pmap: [[1, 2]] } } }, '$.state.decisions.$pmap[0][0]'],
      [{ entries: 1, state: { decisions: { $pmap: 'x' } } }, '$.state.decisions.$pmap'],
      [{ entries: 1, state: { nextDue: { $number: '12' } } }, '$.state.nextDue.$number'],
    ];
    for (const [json, path] of cases) {
      const decoded = decodeFoldSnapshot(new TextEncoder().encode(JSON.stringify(json)));
      expect(decoded).toEqual({ ok: false, path });
    }
    expect(decodeFoldSnapshot(new Uint8Array([0xff, 0xfe]))).toEqual({ ok: false, path: '$' });
    // Written before the evidence record of counted closes: refused, so the reader replays.
    const honest = JSON.parse(text(encodeFoldSnapshot(new DecisionsFold().snapshot())));
    delete honest.state.evidence;
    const older = decodeFoldSnapshot(new TextEncoder().encode(JSON.stringify(honest)));
    expect(older).toEqual({ ok: false, path: '$.state.evidence' });
    // Written before the record was indexed by decision (and dropped once settled): refused too.
    const unindexed = JSON.parse(text(encodeFoldSnapshot(new DecisionsFold().snapshot())));
    delete unindexed.state.evidenceOf;
    const before = decodeFoldSnapshot(new TextEncoder().encode(JSON.stringify(unindexed)));
    expect(before).toEqual({ ok: false, path: '$.state.evidenceOf' });
    const deep = '['.repeat(200) + ']'.repeat(200);
    expect(decodeFoldSnapshot(new TextEncoder().encode(`{"entries":0,"state":${deep}}`)).ok).toBe(false);
  });
});
