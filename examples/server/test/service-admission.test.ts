/**
 * The service as a group's authority on a live Synapse: a knock becomes an admission decision,
 * the adopted admission an invitation; a table change gives powers per event type; a change of
 * authority is handed over. Checked from the members' side with @imago/matrix-binding.
 */
import { GovernanceEventTypes, parseControlTable } from '@imago/governance';
import type { MatrixClient } from '@imago/matrix-binding';
import {
  appendToRoomLog,
  createGroup,
  createImagoClient,
  emptyRoomLog,
  fetchRoomHistory,
  initControlTable,
  joinGroup,
  knockOnGroup,
  propose,
  readGroup,
  replayDecisions,
  sendGovernanceEvent,
} from '@imago/matrix-binding';
import { registerUser, testHomeserverFromEnvironment } from '@imago/matrix-binding/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForLog } from '../src/demo/wait';
import { createLog } from '../src/service/log';
import { quietLogger } from '../src/service/quiet-logger';
import type { ImagoService } from '../src/service/service';
import { startTestService } from './test-service';

const HOUR = 3_600_000;

describe('the service admits, gives powers and hands over as the group decides', () => {
  const homeserver = testHomeserverFromEnvironment();
  const log = createLog({ sink: null });
  let service: ImagoService;
  let alice: MatrixClient;
  let kay: MatrixClient;
  let group: Awaited<ReturnType<typeof createGroup>>;
  let decisions: string;
  const aliceDecides = (alice: string) => ({
    protocol: 'oligarchy',
    deciders: { members: [alice] },
    required: 1,
    duration: HOUR,
  });
  const table = (rules: Record<string, unknown>) => {
    const parsed = parseControlTable({ rules });
    if (!parsed.ok) throw new Error('bad table');
    return parsed.value;
  };
  const replay = async () =>
    replayDecisions(appendToRoomLog(emptyRoomLog(decisions), await fetchRoomHistory(alice, decisions)));
  const adopt = (decision: string) =>
    sendGovernanceEvent(alice, decisions, GovernanceEventTypes.approve, { decision });

  beforeAll(async () => {
    const run = Date.now().toString(36);
    service = await startTestService(homeserver, `warden-${run}`, log);
    const client = async (name: string) =>
      createImagoClient({
        ...(await registerUser(homeserver, `${name}-${run}`)),
        logger: quietLogger() as never,
      });
    [alice, kay] = await Promise.all([client('alice'), client('kay')]);
    group = await createGroup(alice, {
      profile: { name: 'Rucher' },
      invite: [service.userId],
      authority: [service.userId],
    });
    decisions = group.rooms.decisions as string;
    const me = alice.getSafeUserId();
    await initControlTable(
      alice,
      decisions,
      table({
        'change-control-table': aliceDecides(me),
        'change-authority': aliceDecides(me),
        'admit-member': aliceDecides(me),
        'publish-text': { protocol: 'consensus', duration: HOUR },
      }),
      group.authority,
    );
  });

  afterAll(async () => {
    await service?.stop();
    alice?.stopClient();
    kay?.stopClient();
  });

  it('turns a knock into an admission decision, and invites once it is adopted', async () => {
    await knockOnGroup(kay, group.spaceId, { via: group.via, reason: 'I keep bees' });
    const proposed = await waitForLog(
      log,
      (e) => e.duty === 'admission' && e.message.startsWith(`${kay.getSafeUserId()} asks to join`),
      'the admission proposal',
      45_000,
    );
    const admission = proposed.decision as string;
    const before = await replay();
    expect(before.state.decisions.get(admission)).toMatchObject({
      kind: 'admit-member',
      action: { user: kay.getSafeUserId() },
      proposer: service.userId,
      status: 'open',
    });
    await adopt(admission);
    await waitForLog(
      log,
      (e) => e.duty === 'admission' && e.message.startsWith('invited') && e.roomId === decisions,
      'the invitation to the decisions room',
      45_000,
    );
    await joinGroup(kay, group);
    const proposal = await propose(kay, decisions, { kind: 'publish-text', action: { text: 'Honey' } });
    const after = await replay();
    expect(after.state.decisions.get(proposal)?.eligible).toContain(kay.getSafeUserId());
    expect(after.warnings.filter((w) => w.code === 'unadmitted-member')).toEqual([]);
  });

  it('gives the powers of a new table per event type, and hands over to a new authority', async () => {
    const me = alice.getSafeUserId();
    const change = await propose(alice, decisions, {
      kind: 'change-control-table',
      action: {
        table: table({
          'change-control-table': aliceDecides(me),
          'change-authority': aliceDecides(me),
          'admit-member': aliceDecides(me),
          'publish-text': { protocol: 'consensus', duration: HOUR },
          'change-profile': {
            protocol: 'do-ocracy',
            window: HOUR,
            escalation: { protocol: 'consensus', duration: HOUR },
          },
        }),
      },
    });
    await adopt(change);
    await waitForLog(
      log,
      (e) => e.duty === 'control-table' && e.message.startsWith('applied the powers of control table v1'),
      'the new powers',
      45_000,
    );
    const space = (await alice.getStateEvent(group.spaceId, 'm.room.power_levels', '')) as {
      events: Record<string, number>;
      users: Record<string, number>;
    };
    // Profile changes are do-ocracy now: any member may; nobody but the authority is listed.
    expect(space.events['org.imago.group']).toBe(0);
    expect(space.events['org.imago.relation']).toBe(100);
    expect(space.users).toEqual({ [service.userId]: 100 });

    const handOver = await propose(alice, decisions, {
      kind: 'change-authority',
      action: { authority: [me] },
    });
    await adopt(handOver);
    await waitForLog(
      log,
      (e) => e.duty === 'control-table' && e.decision === handOver,
      'the hand-over',
      45_000,
    );
    await waitForLog(
      log,
      (e) => e.duty === 'control-table' && e.message.endsWith(`only ${me} listed`),
      'the powers after the hand-over',
      45_000,
    );
    const view = await readGroup(alice, group.spaceId);
    expect(view.authority).toMatchObject({ decisions, authority: [me], decision: handOver });
    for (const roomId of [group.spaceId, ...Object.values(group.rooms)]) {
      const levels = (await alice.getStateEvent(roomId as string, 'm.room.power_levels', '')) as {
        users: Record<string, number>;
      };
      // Alice is a room version 12 creator: unlimited power, never listed. The service is lowered.
      expect(levels.users).toEqual({});
    }
  });
});
