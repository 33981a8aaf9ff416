/**
 * Forged clocks, on two federating Synapses. The group lives on server A; its authority is a
 * service account (a user of the service's own application service on A, which makes time pass
 * in this test the way a real service does by waiting). The attacker is a user of an application
 * service on server B, which claims any `origin_server_ts` it likes (`?ts=`), and speaks raw
 * client-server HTTP. A fresh replay on each server and a live follower must agree, the
 * attacker's tick must settle nothing, its backdated events must land now, and each of its
 * events that had no effect must come back as a warning with a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  emptyRoomLog,
  followRoom,
  initControlTable,
  propose,
  type RoomFollower,
  replayDecisions,
  vote,
} from '../../src/index';
import { eventually } from '../support/eventually';
import { federatedGroup, hasEvent, historyUntil, joinRoom } from '../support/federated-group';
import type { LiveUser } from '../support/live-users';
import type { RawMatrix } from '../support/raw-matrix';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const house = federatedGroup('clock', { name: 'Horloge', ghosts: ['mallory'], invited: ['mallory'] });

describe('forged clocks: a second homeserver’s application service lies about time (raw HTTP)', () => {
  let ana: LiveUser;
  let bea: LiveUser;
  let service: RawMatrix; // the group's authority, on A
  let forger: RawMatrix; // the attacker, on B
  let room: string;
  let follower: RoomFollower;

  beforeAll(async () => {
    const made = house();
    ({ ana, bea, service, room } = made);
    forger = made.ghosts.mallory;
    for (const who of [service, forger]) await joinRoom(who, room, made.group.via);
    await initControlTable(
      ana.client,
      room,
      {
        rules: {
          'change-control-table': { protocol: 'consensus', duration: HOUR },
          'publish-text': {
            protocol: 'democracy',
            method: 'plurality',
            quorum: 0,
            threshold: 0.5,
            duration: HOUR,
            ballot: 'public',
            delegation: false,
            groupDelegation: 'majority',
          },
          'publish-offer': {
            protocol: 'do-ocracy',
            window: HOUR,
            escalation: { protocol: 'consensus', duration: HOUR },
          },
        },
      },
      made.group.authority,
    );
    follower = await followRoom(ana.client, room);
  }, 180_000);

  afterAll(() => follower?.stop());

  it('settles nothing early, lets nothing in late, and every replay agrees', async () => {
    const t0 = Date.now();
    const decision = await propose(ana.client, room, {
      kind: 'publish-text',
      action: { text: 'open on Sunday' },
    });
    // The attacker claims it is two hours later and ticks: only the authority makes time pass.
    const forgedTick = await forger.sendOk(room, 'org.imago.governance.tick', {}, { ts: t0 + 2 * HOUR });
    // Its vote from the future counts, but at the authority's clock: it closes nothing either.
    const futureVote = await forger.sendOk(
      room,
      'org.imago.governance.vote',
      { decision, ballot: [0, 1] },
      { ts: t0 + 2 * HOUR },
    );
    const beaVote = await vote(bea.client, room, decision, [1, 0]);
    await vote(ana.client, room, decision, [1, 0]);
    // A do-ocracy act backdated two days would have stood "unchallenged" long ago: it starts now.
    const backdatedAct = await forger.sendOk(
      room,
      'org.imago.governance.propose',
      { kind: 'publish-offer', action: { title: 'The garden shed, free' } },
      { ts: t0 - 48 * HOUR },
    );
    // The authority's server has received what B sent before the period ends: sent earlier, the
    // tick would be concurrent with Bea's vote, which A could then order after it (too late).
    for (const id of [forgedTick, futureVote, beaVote, backdatedAct]) await hasEvent(service, room, id);
    // One hour and one minute later by the authority's clock, the authority ticks.
    const close = await service.sendOk(room, 'org.imago.governance.tick', {}, { ts: t0 + HOUR + MINUTE });
    // The attacker's server has received the tick: what it sends now comes after it in every
    // server's history (a vote sent before its server knew of the tick would be concurrent with
    // it, and Matrix leaves the order of concurrent events to each homeserver).
    await hasEvent(forger, room, close);
    // Too late for a vote, however early it claims to be; not too late to challenge the act.
    const lateVote = await forger.sendOk(
      room,
      'org.imago.governance.vote',
      { decision, ballot: [0, 1] },
      { ts: t0 + 1_000 },
    );
    const challenge = await bea.client.sendEvent(
      room,
      'org.imago.governance.challenge' as never,
      {
        decision: backdatedAct,
        reason: 'we have no shed to give',
      } as never,
    );

    const last = challenge.event_id;
    const replayFrom = async (user: LiveUser) => {
      const history = await historyUntil(user, room, last);
      return replayDecisions(appendToRoomLog(emptyRoomLog(room), history));
    };
    const [onA, onB] = await Promise.all([replayFrom(ana), replayFrom(bea)]);
    await eventually(
      async () => follower.log(),
      (log) => log.seen.has(last),
    );
    const live = replayDecisions(follower.log());

    for (const replay of [onA, onB, live]) {
      const settled = replay.state.decisions.get(decision);
      expect(settled?.outcome).toMatchObject({ status: 'adopted', winners: [0] });
      expect(settled?.outcome?.at).toBe(settled?.closesAt);
      // Two yes (Ana, Bea) against the forger's one no: its late vote was refused.
      expect(settled?.outcome?.tally?.count.totals).toEqual([2, 1]);
      const act = replay.state.decisions.get(backdatedAct);
      expect(act?.proposedAt).toBeGreaterThanOrEqual(t0 - MINUTE);
      expect(act?.challenge?.by).toBe(bea.userId);
      expect(act?.status).toBe('open');
      const codes = Object.fromEntries(
        [forgedTick, lateVote].map((id) => {
          const warning = replay.warnings.find((w) => w.eventId === id);
          return [id, [warning?.code, warning?.reason]];
        }),
      );
      expect(codes).toEqual({
        [forgedTick]: ['rejected', 'wrong-sender'],
        [lateVote]: ['rejected', 'too-late'],
      });
      const adjusted = new Map(replay.clock.map((c) => [c.eventId, c]));
      expect(adjusted.get(futureVote)?.effective).toBeLessThan(t0 + 10 * MINUTE);
      expect(adjusted.get(backdatedAct)?.claimed).toBe(t0 - 48 * HOUR);
    }
    expect(onB.state.decisions.get(decision)?.outcome).toEqual(onA.state.decisions.get(decision)?.outcome);
    expect(live.state.decisions.get(decision)?.outcome).toEqual(onA.state.decisions.get(decision)?.outcome);
  }, 180_000);
});
