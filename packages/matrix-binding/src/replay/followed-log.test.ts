import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { DecisionsFold } from '../governance/decisions-fold';
import { FollowedLog } from './followed-log';
import { AUTHORITY, room, roomOf, type Sent } from './followed-log.fixture';
import { appendToRoomLog, emptyRoomLog } from './room-log';

const replayOf = (events: RawMatrixEvent[]) =>
  new DecisionsFold().add(appendToRoomLog(emptyRoomLog(room), events).entries).current();

describe('a followed log', () => {
  it('folds a new event at the end without rebuilding, and rebuilds when an earlier one changes', () => {
    const head = roomOf([{ op: 'propose', by: 1, democracy: true }], [false]).map((s) => s.raw);
    const decision = head.find((e) => e.type === 'org.imago.governance.propose')?.event_id as string;
    const last = {
      event_id: '$vote',
      room_id: room,
      sender: '@cy:hs',
      origin_server_ts: 90_000,
      type: 'org.imago.governance.vote',
      content: { decision, ballot: [1, 0] },
    };
    const followed = new FollowedLog(room, { decisions: true });
    expect(followed.receive({ after: null, events: head })?.events).toHaveLength(head.length);
    const change = followed.receive({ after: (head.at(-1) as Sent['raw']).event_id, events: [last] });
    expect(change).toEqual({ events: [last], rebuilt: false });
    const ballots = () => {
      const participation = followed.decisions()?.state.decisions.get(decision)?.participation;
      return participation?.protocol === 'democracy' ? participation.ballots.size : undefined;
    };
    expect(ballots()).toBe(1);
    // The same event again changes nothing.
    expect(followed.receive({ after: null, events: [...head, last] })).toBeUndefined();
    // An authority's redaction of the vote: held until the homeserver's copy of the vote comes.
    const redaction = {
      event_id: '$r',
      room_id: room,
      sender: AUTHORITY,
      origin_server_ts: 99_000,
      type: 'm.room.redaction',
      redacts: last.event_id,
      content: { redacts: last.event_id },
    };
    expect(followed.receive({ after: last.event_id as string, events: [redaction] })).toBeUndefined();
    expect(followed.refreshes).toEqual([last.event_id]);
    const stripped = { ...last, content: {}, unsigned: { redacted_because: redaction } };
    const after = followed.refreshed(last.event_id as string, stripped);
    expect(after?.rebuilt).toBe(true);
    expect(after?.events).toEqual([stripped, redaction]);
    expect(ballots()).toBe(0);
  });

  it('keeps in a replay the reports of the events folded when it was made, read later', () => {
    const head = roomOf([{ op: 'propose', by: 1, democracy: true }], [false]).map((s) => s.raw);
    const followed = new FollowedLog(room, { decisions: true });
    followed.receive({ after: null, events: head });
    const before = followed.decisions();
    // A vote on no decision: fed to governance, rejected, warned.
    const stray = {
      event_id: '$stray',
      room_id: room,
      sender: '@cy:hs',
      origin_server_ts: 90_000,
      type: 'org.imago.governance.vote',
      content: { decision: '$nothing', ballot: [1, 0] },
    };
    followed.receive({ after: (head.at(-1) as Sent['raw']).event_id, events: [stray] });
    const after = followed.decisions();
    const [then, now] = [replayOf(head), replayOf([...head, stray])];
    expect(now.rejected.length).toBe(then.rejected.length + 1);
    for (const replay of [before, after]) expect(replay?.fed.length).toBeGreaterThan(0);
    expect({ ...before }).toEqual({
      ...then,
      authorityAt: expect.any(Function),
      tableAt: expect.any(Function),
    });
    expect(after?.warnings).toEqual(now.warnings);
    expect(after?.rejected).toEqual(now.rejected);
    expect(after?.fed).toEqual(now.fed);
    expect(after?.clock).toEqual(now.clock);
    // Read twice: the same copy.
    expect(after?.fed).toBe(after?.fed);
  });
});
