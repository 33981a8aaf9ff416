import type { ControlTable } from '@imago/governance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  applyDerivedPowerLevels,
  type CreatedGroup,
  closeDecision,
  controlTableMirror,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  fetchRoomState,
  initControlTable,
  joinGroup,
  latestState,
  mirrorAsPoll,
  propose,
  publishControlTable,
  readGroup,
  replayDecisions,
  respondToPoll,
  sendGovernanceEvent,
  setDelegations,
  vote,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';

const HOUR = 3_600_000;
const VOTE_PERIOD = 10_000;

describe('decisions on a live Synapse', () => {
  let users: Record<'alice' | 'bob' | 'carol' | 'dave' | 'eve', LiveUser>;
  let group: CreatedGroup;
  let sub: CreatedGroup;
  let room: string;

  const replayRoom = async (client = users.alice.client) => {
    const log = appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room, { pageSize: 7 }));
    const subMembers = new Set(
      (await readGroup(users.alice.client, sub.spaceId)).members.map((m) => m.userId),
    );
    return replayDecisions(log, { groups: new Map([[sub.spaceId, subMembers]]) });
  };

  beforeAll(async () => {
    const names = ['alice', 'bob', 'carol', 'dave', 'eve'] as const;
    const list = await Promise.all(names.map((name) => liveUser(name)));
    users = Object.fromEntries(names.map((name, i) => [name, list[i]])) as typeof users;
    group = await createGroup(users.alice.client, {
      profile: { name: 'Coopérative' },
      rooms: ['decisions'],
      invite: (['bob', 'carol', 'dave', 'eve'] as const).map((name) => users[name].userId),
    });
    sub = await createGroup(users.alice.client, {
      profile: { name: 'Atelier vélo' },
      parent: group.spaceId,
      rooms: [],
    });
    room = group.rooms.decisions as string;
    for (const name of ['bob', 'carol', 'dave', 'eve'] as const) await joinGroup(users[name].client, group);
    for (const name of ['carol', 'dave'] as const) {
      await users[name].client.joinRoom(sub.spaceId, { viaServers: [...sub.via] });
    }
    const table: ControlTable = {
      rules: {
        'change-control-table': {
          protocol: 'oligarchy',
          deciders: { members: [users.alice.userId, users.bob.userId] },
          required: 2,
          duration: HOUR,
        },
        'publish-text': { protocol: 'consent', duration: HOUR },
      },
    };
    await initControlTable(users.alice.client, room, table);
    await publishControlTable(users.alice.client, group.spaceId, table);
  });
  afterAll(stopAll);

  it('changes the control table only by the rule the table names', async () => {
    const newTable = {
      rules: {
        'change-control-table': {
          protocol: 'oligarchy' as const,
          deciders: { members: [users.alice.userId, users.bob.userId] },
          required: 2,
          duration: HOUR,
        },
        'spend-resource': {
          protocol: 'democracy' as const,
          method: 'plurality' as const,
          quorum: 0.5,
          threshold: 0.5,
          duration: VOTE_PERIOD,
          ballot: 'public' as const,
          delegation: true,
          groupDelegation: 'majority' as const,
        },
      },
    };
    const change = await propose(users.alice.client, room, {
      kind: 'change-control-table',
      action: { table: newTable },
    });
    const { GovernanceEventTypes } = await import('@imago/governance');
    // Carol is no decider: her approval has no effect.
    const carolApproval = await sendGovernanceEvent(users.carol.client, room, GovernanceEventTypes.approve, {
      decision: change,
    });
    await sendGovernanceEvent(users.alice.client, room, GovernanceEventTypes.approve, { decision: change });
    let { state, warnings } = await replayRoom();
    expect(state.decisions.get(change)?.status).toBe('open');
    expect(warnings.find((w) => w.eventId === carolApproval)?.code).toBe('rejected');
    await sendGovernanceEvent(users.bob.client, room, GovernanceEventTypes.approve, { decision: change });
    ({ state } = await replayRoom());
    expect(state.decisions.get(change)?.status).toBe('adopted');
    // Adopted before its deadline, provisionally: the table changes once the authority (Alice, who
    // set it) confirms it with a close naming the approvals.
    expect(state.tableVersion).toBe(0);
    await closeDecision(users.alice.client, room, change, state);
    ({ state } = await replayRoom());
    expect(state.tableVersion).toBe(1);
    expect(state.table?.rules['spend-resource']?.protocol).toBe('democracy');

    // The state mirror is checked against the replay: the old mirror no longer matches, the new one does.
    const mirrorOf = async () =>
      latestState(
        appendToRoomLog(emptyRoomLog(group.spaceId), await fetchRoomState(users.alice.client, group.spaceId)),
        'org.imago.control_table',
      ).get('');
    expect(controlTableMirror(await mirrorOf(), state).consistent).toBe(false);
    // Powers follow the table per event type, never per user: the deciders Bob and Carol get
    // nothing, only the authority (Alice) publishes what the decision adopted.
    await applyDerivedPowerLevels(users.alice.client, group.spaceId, state);
    for (const member of [users.bob, users.carol]) {
      await expect(publishControlTable(member.client, group.spaceId, newTable, change)).rejects.toMatchObject(
        { code: 'homeserver-error' },
      );
    }
    await publishControlTable(users.alice.client, group.spaceId, newTable, change);
    expect(controlTableMirror(await mirrorOf(), state)).toMatchObject({ consistent: true, warnings: [] });
  });

  it('counts a public vote with liquid delegation to a sub-group, Element poll answers included', async () => {
    const { alice, bob, carol, dave, eve } = users;
    const proposedAt = Date.now();
    const decision = await propose(alice.client, room, {
      kind: 'spend-resource',
      action: { amount: 120 },
      title: 'New tools?',
    });
    const poll = await mirrorAsPoll(alice.client, room, decision, 'New tools?', ['yes', 'no']);
    // A forged mirror by someone else than the proposer is ignored.
    const forgedPoll = await mirrorAsPoll(eve.client, room, decision, 'New tools?', ['no', 'yes']);
    await setDelegations(bob.client, room, [{ scope: { type: 'group' }, to: { group: sub.spaceId } }]);
    await vote(carol.client, room, decision, [1, 0]);
    await respondToPoll(dave.client, room, poll, ['option-0']); // Dave votes from Element
    await respondToPoll(eve.client, room, forgedPoll, ['option-1']); // would be "yes" on the forged poll
    await vote(alice.client, room, decision, [0, 1]);
    await vote(eve.client, room, decision, [0, 1]);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, proposedAt + VOTE_PERIOD + 1_000 - Date.now())),
    );
    // Only the group's authority (Alice, who created it) closes a decision.
    const forgedClose = await closeDecision(eve.client, room, decision);
    await closeDecision(alice.client, room, decision);

    const { state, warnings } = await replayRoom();
    expect(warnings.find((w) => w.eventId === forgedClose)).toMatchObject({
      code: 'rejected',
      reason: 'wrong-sender',
    });
    const outcome = state.decisions.get(decision)?.outcome;
    expect(outcome?.status).toBe('adopted');
    expect(outcome?.winners).toEqual([0]);
    // Bob's weight went to the sub-group, whose voting members (Carol, Dave) said yes: 3 against 2.
    expect(outcome?.tally?.eligibleWeight).toBe(5);
    expect(warnings.find((w) => w.eventId === forgedPoll)?.code).toBe('unauthorised');
    // Every member replays the room and gets the same outcome.
    const fromEve = await replayRoom(eve.client);
    expect(fromEve.state.decisions.get(decision)?.outcome).toEqual(outcome);
  });
});
