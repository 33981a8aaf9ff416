import { GovernanceEventTypes } from '@imago/governance';
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  type CreatedGroup,
  configureDebate,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  fetchRoomState,
  giveFloor,
  groupFromState,
  initControlTable,
  joinDebateSession,
  joinGroup,
  logEvents,
  lowerHand,
  propose,
  raiseHand,
  replayDecisions,
  sendGovernanceEvent,
  sessionMemberships,
  speakingQueue,
  waitForMemberships,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';

async function untilKnown(client: MatrixClient, roomId: string): Promise<void> {
  for (let i = 0; i < 200 && !client.getRoom(roomId); i++) await new Promise((r) => setTimeout(r, 50));
}

describe('a debate with a speaking queue tied to the MatrixRTC session (live Synapse)', () => {
  let alice: LiveUser;
  let bob: LiveUser;
  let carol: LiveUser;
  let group: CreatedGroup;
  let roomId: string;
  const sessions: { leaveRoomSession(): Promise<boolean> }[] = [];

  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([liveUser('chair'), liveUser('bob'), liveUser('carol')]);
    group = await createGroup(alice.client, {
      profile: { name: 'Assemblée' },
      rooms: ['debate'],
      invite: [bob.userId, carol.userId],
    });
    roomId = group.rooms.debate as string;
    await Promise.all([joinGroup(bob.client, group), joinGroup(carol.client, group)]);
    for (const user of [alice, bob, carol]) {
      await untilKnown(user.client, roomId);
      sessions.push(joinDebateSession(user.client, roomId));
    }
  });
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.leaveRoomSession().catch(() => false)));
    stopAll();
  });

  it('raises hands (Element Call reaction and org.imago.debate.hand), gives the floor, replays the same queue', async () => {
    const memberships = await waitForMemberships(alice.client, roomId, (m) => m.length === 3);
    await configureDebate(alice.client, roomId, { chairs: [alice.userId], speakingTime: 120_000 });
    await waitForMemberships(bob.client, roomId, (m) => m.length === 3);
    const bobMembership = sessionMemberships(bob.client, roomId).find((m) => m.userId === bob.userId);
    expect(bobMembership).toBeDefined();
    const bobHand = await raiseHand(bob.client, roomId, bobMembership?.eventId);
    await raiseHand(carol.client, roomId);
    // Carol is no chair: her attempt to take the floor has no effect.
    const forged = await giveFloor(carol.client, roomId, carol.userId);
    const floor = await giveFloor(alice.client, roomId, bob.userId);

    const state = groupFromState(roomId, await fetchRoomState(alice.client, roomId));
    const replay = async () =>
      speakingQueue(
        logEvents(appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(alice.client, roomId))),
        {
          memberships,
          powerLevels: state.powerLevels,
        },
      );
    const queue = await replay();
    expect(queue.floor?.speaker).toBe(bob.userId);
    expect((queue.floor?.endsAt ?? 0) - (queue.floor?.since ?? 0)).toBe(120_000);
    expect(queue.queue.map((h) => h.userId)).toEqual([carol.userId]);
    expect(queue.warnings.map((w) => [w.code, w.eventId])).toEqual([['unauthorised', forged]]);
    expect(floor).toMatch(/^\$/);

    // Bob raises his hand again while speaking (ignored), then lowers the first one by redaction.
    await lowerHand(bob.client, roomId, bobHand);
    await lowerHand(carol.client, roomId);
    const after = await replay();
    expect(after.queue).toEqual([]);
    expect(after.floor?.speaker).toBe(bob.userId);
  });

  it('votes during the debate, in the same room', async () => {
    await initControlTable(alice.client, roomId, {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        'publish-text': {
          protocol: 'oligarchy',
          deciders: { members: [alice.userId, bob.userId, carol.userId] },
          required: 2,
          duration: 3_600_000,
        },
      },
    });
    const motion = await propose(bob.client, roomId, {
      kind: 'publish-text',
      action: { text: 'Motion finale' },
    });
    await sendGovernanceEvent(alice.client, roomId, GovernanceEventTypes.approve, { decision: motion });
    await sendGovernanceEvent(carol.client, roomId, GovernanceEventTypes.approve, { decision: motion });
    const log = appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(carol.client, roomId));
    expect(replayDecisions(log).state.decisions.get(motion)?.outcome?.status).toBe('adopted');
    // The speaking queue is unaffected by the votes.
    expect(speakingQueue(logEvents(log)).floor?.speaker).toBe(bob.userId);
  });
});
