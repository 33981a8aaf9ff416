/**
 * A vote concurrent with the authority's close, on two federating Synapses. The group lives on
 * server A; its authority is a service account of an application service on A (`?ts=` makes an
 * hour pass); Bea and the attacker Mallory (a user of an application service on B, raw HTTP)
 * are on B. Mallory votes while the authority closes: each server orders the two concurrent
 * events itself (local event first), so the vote may come before the close on one server and
 * after it on the other. The close names what the authority counted, and every reader — a fresh
 * replay on A, one on B, a live follower, and a replay of A's history with the vote moved to the
 * other side of the close — settles the decision alike. So does a decision Mallory proposed and
 * withdraws while the authority closes it, and a do-ocracy act Mallory challenges meanwhile. A close forged by a member has no effect; a close
 * naming the vote of someone the group never admitted does not count it.
 */
import { countsToName, type Decision } from '@imago/governance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  countedClose,
  emptyRoomLog,
  followRoom,
  initControlTable,
  propose,
  type RawMatrixEvent,
  type RoomFollower,
  replayDecisions,
  vote,
} from '../../src/index';
import { eventually } from '../support/eventually';
import { across, federatedGroup, hasEvent, historyUntil, joinRoom } from '../support/federated-group';
import type { LiveUser } from '../support/live-users';
import type { RawMatrix } from '../support/raw-matrix';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const CLOSE = 'org.imago.governance.close';
const VOTE = 'org.imago.governance.vote';
const PROPOSE = 'org.imago.governance.propose';

const house = federatedGroup('count', {
  name: 'Décompte',
  ghosts: ['mallory', 'stranger'],
  invited: ['mallory'],
});

describe('a close names what it counted: a vote racing it counts alike everywhere (raw HTTP)', () => {
  let ana: LiveUser;
  let bea: LiveUser;
  let service: RawMatrix; // the group's authority, on A
  let mallory: RawMatrix; // a member, on B
  let stranger: RawMatrix; // let into the room without an admission, on B
  let room: string;
  let follower: RoomFollower;

  const has = (who: RawMatrix, id: string) => hasEvent(who, room, id);
  const history = (user: LiveUser, last: string) => historyUntil(user, room, last);
  const replay = (events: RawMatrixEvent[]) => replayDecisions(appendToRoomLog(emptyRoomLog(room), events));

  beforeAll(async () => {
    const made = house();
    ({ ana, bea, service, room } = made);
    ({ mallory, stranger } = made.ghosts);
    const { group } = made;
    const rule = {
      protocol: 'democracy',
      method: 'plurality',
      quorum: 0,
      threshold: 0.5,
      duration: HOUR,
      ballot: 'public',
      delegation: false,
      groupDelegation: 'majority',
    } as const;
    await initControlTable(
      ana.client,
      room,
      {
        rules: {
          'change-control-table': rule,
          'publish-text': rule,
          'publish-offer': { protocol: 'do-ocracy', window: HOUR, escalation: rule },
        },
      },
      group.authority,
    );
    // Invited after the table was set, with no admission decision: not a member of the group.
    await ana.client.invite(room, stranger.userId as string);
    for (const who of [service, mallory, stranger]) await joinRoom(who, room, group.via);
    follower = await followRoom(ana.client, room);
  }, 240_000);

  afterAll(() => follower?.stop());

  it('settles a decision alike on both servers, live and replayed, whichever side of the close the vote falls', async () => {
    const t0 = Date.now();
    const decision = await propose(ana.client, room, { kind: 'publish-text', action: { text: 'paint it' } });
    const yes = await vote(ana.client, room, decision, [1, 0]);
    const no = await vote(bea.client, room, decision, [0, 1]);
    await Promise.all([has(service, yes), has(service, no), has(mallory, decision)]);
    // The authority names what its server's history counted…
    const seen = replay(await history(ana, no));
    const { close } = countedClose(decision, countsToName(seen.state, t0 + HOUR + MINUTE));
    const counted = close.counted[decision] as string[];
    expect([...counted].sort()).toEqual([yes, no].sort()); // in A's order of the two votes
    // …while Mallory's vote, claiming to be in time, races the close from the other server.
    const [closeId, racing] = await Promise.all([
      service.sendOk(room, CLOSE, close, { ts: t0 + HOUR + MINUTE }),
      mallory.sendOk(room, VOTE, { decision, ballot: [1, 0] }, { ts: t0 + 10 * MINUTE }),
    ]);
    await Promise.all([has(service, racing), has(mallory, closeId)]);
    const onA = await history(ana, racing);
    const onB = await history(bea, closeId);
    // A reader whose server put the vote on the other side of the close than A did.
    const moved = across(onA, racing, closeId);
    await eventually(
      async () => follower.log(),
      (log) => log.seen.has(racing) && log.seen.has(closeId),
    );
    const readers = [replay(onA), replay(onB), replay(moved), replayDecisions(follower.log())];
    const settled = readers.map((reader) => reader.state.decisions.get(decision) as Decision);
    // Ana yes, Bea no: a tie; the racing vote was not counted by the authority, so by nobody.
    expect(settled[0]?.outcome).toMatchObject({ status: 'rejected', reason: 'tie' });
    expect(settled[0]?.count).toEqual({ counted, missing: [], invalid: [] });
    for (const other of settled.slice(1)) expect(other).toEqual(settled[0]);
    // Where the vote came first it is reported as not counted; where it came after, as too late.
    for (const reader of readers) {
      const about = reader.warnings.filter((w) => w.eventId === racing).map((w) => w.code);
      expect(about.length).toBe(1);
      expect(['uncounted', 'rejected']).toContain(about[0]);
    }
  }, 180_000);

  it('ignores a close forged by a member, and does not count a named vote of someone never admitted', async () => {
    const t0 = Date.now();
    const decision = await propose(ana.client, room, { kind: 'publish-text', action: { text: 'repaint' } });
    const yes = await vote(ana.client, room, decision, [1, 0]);
    const no = await vote(bea.client, room, decision, [0, 1]);
    await has(stranger, decision);
    const intruder = await stranger.sendOk(room, VOTE, { decision, ballot: [1, 0] });
    // Mallory closes, naming only the yes votes, claiming the period is over.
    const forged = await mallory.sendOk(
      room,
      CLOSE,
      { decision, counted: { [decision]: [yes, intruder] } },
      { ts: t0 + 3 * HOUR },
    );
    await Promise.all([has(service, intruder), has(service, forged), has(service, no)]);
    // The authority (or a client of it gone wrong) names the stranger's vote.
    const closeId = await service.sendOk(
      room,
      CLOSE,
      { decision, counted: { [decision]: [yes, no, intruder] } },
      { ts: t0 + 3 * HOUR }, // past the period, which began at the group's clock (an hour on)
    );
    const readers = [replay(await history(ana, closeId)), replay(await history(bea, closeId))];
    for (const reader of readers) {
      const settled = reader.state.decisions.get(decision);
      expect(settled?.outcome).toMatchObject({ status: 'rejected', reason: 'tie' });
      expect(settled?.outcome?.tally?.count.totals).toEqual([1, 1]);
      expect(settled?.count?.invalid).toEqual([{ id: intruder, reason: 'not-a-member' }]);
      const code = (id: string) =>
        reader.warnings.filter((w) => w.eventId === id).map((w) => [w.code, w.reason]);
      expect(code(forged)).toEqual([['rejected', 'wrong-sender']]);
      expect(code(intruder)).toEqual([
        ['rejected', 'not-a-member'],
        ['invalid-evidence', 'not-a-member'],
      ]);
    }
  }, 180_000);
  it.each([
    ['its proposer withdraws it', 'withdraw'],
    ['a member challenges the act', 'challenge'],
  ] as const)(
    'settles a decision alike everywhere when, from the other server, %s while the authority closes',
    async (_, racer) => {
      // Mallory proposes from B and Ana and Bea approve; or Ana acts (do-ocracy) and Mallory challenges.
      const decision =
        racer === 'withdraw'
          ? await mallory.sendOk(room, PROPOSE, { kind: 'publish-text', action: { text: 'mine' } })
          : await propose(ana.client, room, { kind: 'publish-offer', action: { title: 'Seeds' } });
      await Promise.all([has(service, decision), has(mallory, decision)]);
      const votes =
        racer === 'withdraw'
          ? [await vote(ana.client, room, decision, [1, 0]), await vote(bea.client, room, decision, [1, 0])]
          : [];
      await Promise.all(votes.map((id) => has(service, id)));
      const seen = replay(await history(ana, votes.at(-1) ?? decision));
      const closesAt = (seen.state.decisions.get(decision) as Decision).closesAt;
      const { close } = countedClose(decision, countsToName(seen.state, closesAt + MINUTE));
      const counted = close.counted[decision] as string[];
      expect([...counted].sort()).toEqual([...votes].sort());
      // Mallory, claiming to be in time, races the close, which the authority sends without having seen it.
      const content = racer === 'withdraw' ? { decision } : { decision, reason: 'not in my name' };
      const [closeId, racing] = await Promise.all([
        service.sendOk(room, CLOSE, close, { ts: closesAt + MINUTE }),
        mallory.sendOk(room, `org.imago.governance.${racer}`, content, { ts: closesAt - 10 * MINUTE }),
      ]);
      await Promise.all([has(service, racing), has(mallory, closeId)]);
      const onA = await history(ana, racing);
      const onB = await history(bea, closeId);
      await eventually(
        async () => follower.log(),
        (log) => log.seen.has(racing) && log.seen.has(closeId),
      );
      const readers = [onA, onB, across(onA, racing, closeId)].map(replay);
      readers.push(replayDecisions(follower.log()));
      const settled = readers.map((reader) => reader.state.decisions.get(decision) as Decision);
      // The close did not name the withdrawal or the challenge: every reader adopts the decision.
      const reason = racer === 'withdraw' ? 'approved' : 'unchallenged';
      expect(settled[0]?.outcome).toMatchObject({ status: 'adopted', reason });
      expect(settled[0]?.count).toEqual({ counted, missing: [], invalid: [] });
      for (const other of settled.slice(1)) expect(other).toEqual(settled[0]);
      // Where it came first it is reported as not counted; where it came after, as too late.
      const about = readers.map((reader) =>
        reader.warnings.filter((w) => w.eventId === racing).map((w) => w.code),
      );
      for (const codes of about)
        expect(codes.length === 1 && ['uncounted', 'rejected'].includes(codes[0]!)).toBe(true);
      expect(about.flat()).toContain('uncounted');
    },
    180_000,
  );
});
