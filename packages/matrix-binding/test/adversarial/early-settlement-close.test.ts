/**
 * An oligarchy's last approval concurrent with the authority's close, on two federating Synapses
 * (set-up of `counted-close.test.ts`: the group on A, its authority a service account on A, Bea and
 * the attacker Mallory on B, Mallory speaking raw HTTP). A change of the control table is decided
 * by two of Ana, Bea and Mallory. Ana approves; Mallory's approval, the one that would adopt it,
 * races the authority's close at the deadline. One server orders it before the close, where it
 * settles the decision at once, but only provisionally; the close names what the authority counted
 * (Ana's approval alone), and every reader — a replay on A, one on B, a live follower, and A's
 * history with the approval moved to the other side of the close — ends with the decision expired
 * and the table unchanged.
 */
import { countsToName, type Decision, GovernanceEventTypes, type OligarchyRule } from '@imago/governance';
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
  sendGovernanceEvent,
} from '../../src/index';
import { eventually } from '../support/eventually';
import { across, federatedGroup, hasEvent, historyUntil, joinRoom } from '../support/federated-group';
import type { LiveUser } from '../support/live-users';
import type { RawMatrix } from '../support/raw-matrix';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const house = federatedGroup('early', { name: 'Trois clés', ghosts: ['mallory'], invited: ['mallory'] });

describe('an oligarchy’s last approval racing the close settles alike everywhere (raw HTTP)', () => {
  let ana: LiveUser;
  let bea: LiveUser;
  let service: RawMatrix; // the group's authority, on A
  let mallory: RawMatrix; // a decider, on B
  let room: string;
  let follower: RoomFollower;
  let oligarchy: OligarchyRule;

  const has = (who: RawMatrix, id: string) => hasEvent(who, room, id);
  const replay = (events: RawMatrixEvent[]) => replayDecisions(appendToRoomLog(emptyRoomLog(room), events));

  beforeAll(async () => {
    const made = house();
    ({ ana, bea, service, room } = made);
    mallory = made.ghosts.mallory;
    const deciders = [ana.userId, bea.userId, mallory.userId as string].sort();
    oligarchy = { protocol: 'oligarchy', deciders: { members: deciders }, required: 2, duration: HOUR };
    await initControlTable(
      ana.client,
      room,
      { rules: { 'change-control-table': oligarchy } },
      made.group.authority,
    );
    for (const who of [service, mallory]) await joinRoom(who, room, made.group.via);
    follower = await followRoom(ana.client, room);
  }, 240_000);

  afterAll(() => follower?.stop());

  it('gives every reader the authority’s outcome and the same table, whichever side of the close the approval falls', async () => {
    const table = { rules: { 'change-control-table': { ...oligarchy, required: 1 } } };
    const decision = await propose(ana.client, room, { kind: 'change-control-table', action: { table } });
    const approval = await sendGovernanceEvent(ana.client, room, GovernanceEventTypes.approve, { decision });
    await Promise.all([has(service, approval), has(mallory, approval)]);
    // The authority names what its server's history counted: Ana's approval alone…
    const seen = replay(await historyUntil(ana, room, approval));
    const closesAt = (seen.state.decisions.get(decision) as Decision).closesAt;
    const { close } = countedClose(decision, countsToName(seen.state, closesAt + MINUTE));
    expect(close.counted[decision]).toEqual([approval]);
    // …while Mallory's approval, claiming to be in time, races the close from the other server.
    const [closeId, racing] = await Promise.all([
      service.sendOk(room, GovernanceEventTypes.close, close, { ts: closesAt + MINUTE }),
      mallory.sendOk(room, GovernanceEventTypes.approve, { decision }, { ts: closesAt - 10 * MINUTE }),
    ]);
    await Promise.all([has(service, racing), has(mallory, closeId)]);
    const onA = await historyUntil(ana, room, racing);
    const onB = await historyUntil(bea, room, closeId);
    await eventually(
      async () => follower.log(),
      (log) => log.seen.has(racing) && log.seen.has(closeId),
    );
    const readers = [onA, onB, across(onA, racing, closeId)].map(replay);
    readers.push(replayDecisions(follower.log()));
    const settled = readers.map((reader) => reader.state.decisions.get(decision) as Decision);
    // The close did not count Mallory's approval: one approval of two, the decision expires.
    expect(settled[0]?.outcome).toEqual({ status: 'expired', reason: 'deadline', at: closesAt });
    expect(settled[0]?.count).toEqual({ counted: [approval], missing: [], invalid: [] });
    for (const other of settled.slice(1)) expect(other).toEqual(settled[0]);
    for (const { state } of readers) {
      expect(state.tableVersion).toBe(0);
      expect(state.table).toEqual(readers[0]?.state.table);
      expect(state.provisional.has(decision)).toBe(false);
    }
    // Where it came first it is reported as not counted; where it came after, as too late.
    const about = readers.map((reader) =>
      reader.warnings.filter((w) => w.eventId === racing).map((w) => w.code),
    );
    for (const codes of about)
      expect(codes.length === 1 && ['uncounted', 'rejected'].includes(codes[0]!)).toBe(true);
    expect(about.flat()).toContain('uncounted');
  }, 180_000);
});
