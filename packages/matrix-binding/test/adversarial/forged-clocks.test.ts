/**
 * Forged clocks, on two federating Synapses. The group lives on server A; its authority is a
 * service account (a user of the service's own application service on A, which makes time pass
 * in this test the way a real service does by waiting). The attacker is a user of an application
 * service on server B, which claims any `origin_server_ts` it likes (`?ts=`), and speaks raw
 * client-server HTTP. A fresh replay on each server and a live follower must agree, the
 * attacker's tick must settle nothing, its backdated events must land now, and each of its
 * events that had no effect must come back as a warning with a stable code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  followRoom,
  initControlTable,
  propose,
  type RoomFollower,
  replayDecisions,
  vote,
} from '../../src/index';
import { DedicatedSynapse } from '../support/dedicated-synapse';
import { eventually } from '../support/eventually';
import { type LiveUser, liveUser, run, stopAll } from '../support/live-users';
import { forgingAppservice, type RawMatrix } from '../support/raw-matrix';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('forged clocks: a second homeserver’s application service lies about time (raw HTTP)', () => {
  let work: string;
  let one: DedicatedSynapse;
  let two: DedicatedSynapse;
  let ana: LiveUser;
  let bea: LiveUser;
  let service: RawMatrix; // the group's authority, on A
  let forger: RawMatrix; // the attacker, on B
  let room: string;
  let follower: RoomFollower;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'imago-clocks-'));
    const trusted = await forgingAppservice(work, `svc${run}_`);
    const hostile = await forgingAppservice(work, `forger${run}_`);
    one = new DedicatedSynapse(`clock-a-${run}`, { federation: true, appservices: [trusted.registration] });
    two = new DedicatedSynapse(`clock-b-${run}`, { federation: true, appservices: [hostile.registration] });
    const [a, b] = await Promise.all([one.start(), two.start()]);
    [ana, bea] = await Promise.all([liveUser('ana', { homeserver: a }), liveUser('bea', { homeserver: b })]);
    service = await trusted.ghost(a.baseUrl, a.serverName, 'authority');
    forger = await hostile.ghost(b.baseUrl, b.serverName, 'mallory');
    const group = await createGroup(ana.client, {
      profile: { name: 'Horloge' },
      rooms: ['decisions'],
      authority: [service.userId as string],
      invite: [service.userId as string, bea.userId, forger.userId as string],
    });
    room = group.rooms.decisions as string;
    await bea.client.joinRoom(room, { viaServers: [...group.via] });
    for (const who of [service, forger]) {
      const joined = await eventually(
        () => who.join(room, group.via),
        (answer) => answer.status === 200,
      );
      expect(joined.status).toBe(200);
      // A remote join completes in the background (partial state): wait until the server says so.
      await eventually(
        () => who.request('GET', `/rooms/${encodeURIComponent(room)}/joined_members`),
        (answer) => answer.status === 200 && Object.hasOwn(answer.body.joined ?? {}, who.userId as string),
      );
    }
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
      group.authority,
    );
    follower = await followRoom(ana.client, room);
  }, 180_000);

  afterAll(async () => {
    follower?.stop();
    stopAll();
    await Promise.all([one?.reset(), two?.reset()]);
    await rm(work, { recursive: true, force: true });
  });

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
    for (const id of [forgedTick, futureVote, beaVote, backdatedAct])
      await eventually(
        () => service.request('GET', `/rooms/${encodeURIComponent(room)}/event/${encodeURIComponent(id)}`),
        (answer) => answer.status === 200,
        `server A has ${id}`,
      );
    // One hour and one minute later by the authority's clock, the authority ticks.
    const close = await service.sendOk(room, 'org.imago.governance.tick', {}, { ts: t0 + HOUR + MINUTE });
    // The attacker's server has received the tick: what it sends now comes after it in every
    // server's history (a vote sent before its server knew of the tick would be concurrent with
    // it, and Matrix leaves the order of concurrent events to each homeserver).
    await eventually(
      () => forger.request('GET', `/rooms/${encodeURIComponent(room)}/event/${encodeURIComponent(close)}`),
      (answer) => answer.status === 200,
    );
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
      const history = await eventually(
        () => fetchRoomHistory(user.client, room),
        (events) => events.some((e) => e.event_id === last),
      );
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
