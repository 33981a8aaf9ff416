/**
 * Settled means settled, on a live Synapse. Once a decision has settled, no later event by a
 * member — a redaction, an edit, a second `init` — changes its replayed outcome, for a member who
 * replays the room afresh as for one who followed it live. The attackers are members of the group
 * speaking raw client-server HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  closeDecision,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  followRoom,
  initControlTable,
  joinGroup,
  propose,
  type RoomFollower,
  replayDecisions,
  vote,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const PERIOD = 3_000;
const until = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

describe('settled history cannot be rewritten (raw HTTP attackers, live Synapse)', () => {
  let ana: LiveUser; // founder and the group's authority
  let bo: LiveUser;
  let mallory: LiveUser;
  let raw: RawMatrix; // Mallory, without any Imago code
  let room: string;
  let follower: RoomFollower;

  beforeAll(async () => {
    [ana, bo, mallory] = await Promise.all([liveUser('ana'), liveUser('bo'), liveUser('mallory')]);
    raw = new RawMatrix(mallory.session.baseUrl, mallory.session.accessToken);
    const group = await createGroup(ana.client, {
      profile: { name: 'Archives' },
      rooms: ['decisions'],
      invite: [bo.userId, mallory.userId],
    });
    room = group.rooms.decisions as string;
    await Promise.all([joinGroup(bo.client, group), joinGroup(mallory.client, group)]);
    const rule = { protocol: 'consensus' as const, duration: PERIOD };
    await initControlTable(ana.client, room, {
      rules: {
        'change-control-table': rule,
        'publish-text': {
          protocol: 'democracy',
          method: 'plurality',
          quorum: 0,
          threshold: 0.5,
          duration: PERIOD,
          ballot: 'public',
          delegation: false,
          groupDelegation: 'majority',
        },
      },
    });
    follower = await followRoom(bo.client, room);
  });
  afterAll(() => {
    follower?.stop();
    stopAll();
  });

  it('a voter cannot redact their vote, a proposer cannot redact or edit an adopted change, nobody can init again', async () => {
    const vote1 = await propose(ana.client, room, { kind: 'publish-text', action: { text: 'Sunday' } });
    await vote(bo.client, room, vote1, [0, 1]);
    const malloryVote = await raw.sendOk(room, 'org.imago.governance.vote', {
      decision: vote1,
      ballot: [1, 0],
    });
    await vote(ana.client, room, vote1, [1, 0]);
    // Mallory proposes a table change that everyone accepts (consensus: nobody blocks).
    const newTable = {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: PERIOD },
        'publish-text': { protocol: 'consensus', duration: PERIOD },
      },
    };
    const change = await raw.sendOk(room, 'org.imago.governance.propose', {
      kind: 'change-control-table',
      action: { table: newTable },
    });
    // Both periods end PERIOD after their proposals (the later one: the change), by the authority's clock.
    await until(Date.now() + PERIOD + 500);
    await closeDecision(ana.client, room, vote1);
    await closeDecision(ana.client, room, change);
    const before = replayDecisions(
      appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(ana.client, room)),
    );
    expect(before.state.decisions.get(vote1)?.outcome?.status).toBe('adopted');
    expect(before.state.decisions.get(change)?.outcome?.status).toBe('adopted');
    expect(before.state.tableVersion).toBe(1);

    // After the deadline Mallory takes back her vote and her adopted table change: refused.
    expect((await raw.redact(room, malloryVote)).status).toBe(403);
    expect((await raw.redact(room, change)).status).toBe(403);
    // She edits the adopted proposal (m.replace) to a table of her own.
    const edit = await raw.sendOk(room, 'org.imago.governance.propose', {
      kind: 'change-control-table',
      action: { table: newTable },
      'm.new_content': {
        kind: 'change-control-table',
        action: {
          table: {
            rules: {
              'change-control-table': {
                protocol: 'do-ocracy',
                window: 1,
                escalation: { protocol: 'consensus', duration: 1 },
              },
            },
          },
        },
      },
      'm.relates_to': { rel_type: 'm.replace', event_id: change },
    });
    // And she sets an initial table again, and votes late.
    const reinit = await raw.sendOk(room, 'org.imago.governance.init', { table: newTable });
    const late = await raw.sendOk(room, 'org.imago.governance.vote', { decision: vote1, ballot: [0, 1] });

    const after = replayDecisions(
      appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(bo.client, room)),
    );
    for (const id of [vote1, change]) {
      expect(after.state.decisions.get(id)?.outcome).toEqual(before.state.decisions.get(id)?.outcome);
    }
    expect(after.state.table).toEqual(before.state.table);
    expect(after.state.tableVersion).toBe(1);
    const code = (id: string) => after.warnings.find((w) => w.eventId === id);
    expect(code(edit)?.code).toBe('edit');
    expect(code(reinit)?.code).toBe('unauthorised');
    expect(code(late)).toMatchObject({ code: 'rejected', reason: 'too-late' });
    // The member who followed the room live reaches the same state.
    for (let i = 0; i < 100 && !follower.log().seen.has(late); i++) await until(Date.now() + 100);
    const live = replayDecisions(follower.log());
    for (const id of [vote1, change]) {
      expect(live.state.decisions.get(id)?.outcome).toEqual(after.state.decisions.get(id)?.outcome);
    }
    expect(live.state.table).toEqual(after.state.table);
  }, 60_000);
});
