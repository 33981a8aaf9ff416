/**
 * Who may change a group's government on a live Synapse. A moderator given power 50 by hand, a
 * member and an outsider speak raw client-server HTTP; each try fails at the homeserver (403) or
 * has no effect in the replay, with a stable warning code. Powers follow the control table per
 * event type: a former oligarchy decider, raised by hand as an earlier version of Imago did, is
 * lowered when the table changes, and a former authority hands over and loses its power.
 */
import type { ControlTable } from '@imago/governance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  applyGroupPowerLevels,
  type CreatedGroup,
  closeDecision,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  followRoom,
  groupRoom,
  initControlTable,
  joinGroup,
  propose,
  publishAuthority,
  type RoomFollower,
  readGroup,
  replayDecisions,
  sendGovernanceEvent,
  unbackedStateChanges,
} from '../../src/index';
import { eventually } from '../support/eventually';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const HOUR = 3_600_000;
const anaDecides = (deciders: string[]) => ({
  protocol: 'oligarchy' as const,
  deciders: { members: deciders },
  required: 1,
  duration: HOUR,
});

describe('a group’s government cannot be taken by power given by hand (raw HTTP, live Synapse)', () => {
  let ana: LiveUser; // founder: a room version 12 creator, not the authority
  let bot: LiveUser; // the group's authority
  let mod: LiveUser; // a moderator, power 50 given by hand
  let bo: LiveUser;
  let cy: LiveUser;
  let outsider: LiveUser;
  let group: CreatedGroup;
  let decisions: string;
  let follower: RoomFollower;
  const raw = (user: LiveUser) => new RawMatrix(user.session.baseUrl, user.session.accessToken);

  const replay = async () =>
    replayDecisions(appendToRoomLog(emptyRoomLog(decisions), await fetchRoomHistory(bo.client, decisions)));
  const audit = async () =>
    unbackedStateChanges(await fetchRoomHistory(bo.client, group.spaceId), await replay());

  beforeAll(async () => {
    [ana, bot, mod, bo, cy, outsider] = (await Promise.all(
      ['ana', 'bot', 'mod', 'bo', 'cy', 'outsider'].map((name) => liveUser(name)),
    )) as [LiveUser, LiveUser, LiveUser, LiveUser, LiveUser, LiveUser];
    group = await createGroup(ana.client, {
      profile: { name: 'Gouvernement' },
      rooms: ['chat', 'decisions', 'announcements'],
      authority: [bot.userId],
      invite: [bot, mod, bo, cy].map((user) => user.userId),
      powerLevels: { [mod.userId]: 50 },
    });
    decisions = group.rooms.decisions as string;
    for (const user of [bot, mod, bo, cy]) await joinGroup(user.client, group);
    const table: ControlTable = {
      rules: {
        'change-control-table': anaDecides([ana.userId, bo.userId]),
        'change-profile': anaDecides([bo.userId]),
        'change-authority': anaDecides([ana.userId]),
      },
    };
    await initControlTable(ana.client, decisions, table, group.authority);
    follower = await followRoom(bo.client, decisions);
  });
  afterAll(() => {
    follower?.stop();
    stopAll();
  });

  it('a moderator cannot add a decisions room, change who joins or reads, the ACL, the tombstone, encryption or the pin', async () => {
    const attacker = raw(mod);
    const tries = [
      attacker.state(group.spaceId, 'm.space.child', '!elsewhere:localhost', {
        via: ['localhost'],
        'org.imago.room': 'decisions',
      }),
      attacker.state(group.spaceId, 'm.room.join_rules', '', { join_rule: 'public' }),
      attacker.state(decisions, 'm.room.join_rules', '', { join_rule: 'public' }),
      attacker.state(group.spaceId, 'm.room.history_visibility', '', {
        history_visibility: 'world_readable',
      }),
      attacker.state(decisions, 'm.room.history_visibility', '', { history_visibility: 'world_readable' }),
      attacker.state(decisions, 'm.room.server_acl', '', { allow: ['*'], deny: ['evil.example'] }),
      attacker.state(decisions, 'm.room.tombstone', '', {
        body: 'moved',
        replacement_room: '!elsewhere:localhost',
      }),
      attacker.state(decisions, 'm.room.encryption', '', { algorithm: 'm.megolm.v1.aes-sha2' }),
      attacker.state(group.spaceId, 'org.imago.authority', '', {
        decisions: '!elsewhere:localhost',
        authority: [mod.userId],
      }),
      attacker.state(decisions, 'm.room.power_levels', '', { users: { [mod.userId]: 100 } }),
      attacker.request('POST', `/rooms/${encodeURIComponent(decisions)}/invite`, {
        user_id: outsider.userId,
      }),
      attacker.request('POST', `/rooms/${encodeURIComponent(decisions)}/kick`, { user_id: bo.userId }),
    ];
    for (const [i, answer] of (await Promise.all(tries)).entries()) {
      expect({ i, ...answer }).toMatchObject({ i, status: 403, body: { errcode: 'M_FORBIDDEN' } });
    }
    const view = await readGroup(bo.client, group.spaceId);
    expect(groupRoom(view, 'decisions')).toBe(decisions);
    expect(view.authority?.authority).toEqual([bot.userId]);
    expect(await audit()).toEqual([]);
  });

  it('a member cannot invite an outsider; an outsider cannot join without an admission', async () => {
    for (const roomId of [group.spaceId, decisions]) {
      const answer = await raw(bo).request('POST', `/rooms/${encodeURIComponent(roomId)}/invite`, {
        user_id: outsider.userId,
      });
      expect(answer).toMatchObject({ status: 403, body: { errcode: 'M_FORBIDDEN' } });
    }
    const stranger = raw(outsider);
    for (const roomId of [group.spaceId, decisions, group.rooms.chat as string]) {
      expect((await stranger.join(roomId, group.via)).status).toBe(403);
    }
    // The decisions room takes no requests: only the space does, and a request is no admission.
    expect((await stranger.request('POST', `/knock/${encodeURIComponent(decisions)}`, {})).status).toBe(403);
    expect(
      (await stranger.send(decisions, 'org.imago.governance.propose', { kind: 'x', action: {} })).status,
    ).toBe(403);
    // The announcements room stays open to other groups' members: joining it gives no say.
    expect((await stranger.join(group.rooms.announcements as string, group.via)).status).toBe(200);
  });

  it('someone let into the decisions room without an admission does not count, live or replayed', async () => {
    // Ana, a room version 12 creator with unlimited power but not the authority, lets a sock puppet in.
    await ana.client.invite(decisions, outsider.userId);
    const puppet = raw(outsider);
    const join = await puppet.join(decisions, group.via);
    expect(join.status).toBe(200);
    const proposal = await puppet.sendOk(decisions, 'org.imago.governance.propose', {
      kind: 'change-profile',
      action: { name: 'Puppets' },
    });
    const fresh = await replay();
    const joinWarning = fresh.warnings.find((w) => w.code === 'unadmitted-member');
    expect(joinWarning).toMatchObject({ sender: outsider.userId });
    expect(fresh.warnings.find((w) => w.eventId === proposal)).toMatchObject({
      code: 'rejected',
      reason: 'not-a-member',
    });
    expect(fresh.state.decisions.has(proposal)).toBe(false);
    await eventually(
      async () => follower.log(),
      (log) => log.seen.has(proposal),
      'the follower sees the proposal',
    );
    const live = replayDecisions(follower.log());
    expect(live.state.decisions.has(proposal)).toBe(false);
    expect(live.warnings.map((w) => w.code)).toEqual(fresh.warnings.map((w) => w.code));
  });

  it('a former oligarchy decider raised by hand loses the power when the table changes', async () => {
    // What an earlier version derived: a decider of change-profile raised to 50, the profile at 50.
    const current = (await ana.client.getStateEvent(group.spaceId, 'm.room.power_levels', '')) as Record<
      string,
      unknown
    >;
    await ana.client.sendStateEvent(
      group.spaceId,
      'm.room.power_levels' as never,
      {
        ...current,
        users: { ...(current.users as object), [bo.userId]: 50 },
        events: { ...(current.events as object), 'org.imago.group': 50 },
      } as never,
      '',
    );
    const profile = { name: 'Bo’s group', places: [], themes: [], blocks: [] };
    const byHand = await raw(bo).state(group.spaceId, 'org.imago.group', '', profile);
    expect(byHand.status).toBe(200);
    // Both stand on Matrix, and every member sees that no decision made them.
    const warnings = await audit();
    expect(warnings.map((w) => [w.code, w.type])).toEqual([
      ['unbacked-state', 'm.room.power_levels'],
      ['unbacked-state', 'org.imago.group'],
    ]);

    // The table changes: profile changes are now Cy's to decide. The authority applies the powers.
    const change = await propose(ana.client, decisions, {
      kind: 'change-control-table',
      action: {
        table: {
          rules: {
            'change-control-table': anaDecides([ana.userId]),
            'change-profile': anaDecides([cy.userId]),
            'change-authority': anaDecides([ana.userId]),
          },
        },
      },
    });
    await sendGovernanceEvent(ana.client, decisions, 'org.imago.governance.approve', { decision: change });
    // Adopted by the approval, provisionally: the authority's close confirms it, and the table changes.
    expect((await replay()).state.tableVersion).toBe(0);
    await closeDecision(bot.client, decisions, change, (await replay()).state);
    const { state } = await replay();
    expect(state.tableVersion).toBe(1);
    const result = await applyGroupPowerLevels(bot.client, await readGroup(bot.client, group.spaceId), state);
    expect(result.failed).toEqual([]);
    for (const roomId of [group.spaceId, ...Object.values(group.rooms)]) {
      const levels = (await bo.client.getStateEvent(roomId as string, 'm.room.power_levels', '')) as {
        users: Record<string, number>;
      };
      // Nobody but the authority: the former decider and the hand-made moderator are lowered.
      expect(levels.users).toEqual({ [bot.userId]: 100 });
    }
    const again = await raw(bo).state(group.spaceId, 'org.imago.group', '', { ...profile, name: 'Again' });
    expect(again).toMatchObject({ status: 403, body: { errcode: 'M_FORBIDDEN' } });
    expect((await raw(mod).state(group.spaceId, 'm.room.topic', '', { topic: 'mine' })).status).toBe(403);
  });

  it('a change of authority is handed over by the former authority, which loses its power', async () => {
    const decision = await propose(ana.client, decisions, {
      kind: 'change-authority',
      action: { authority: [cy.userId] },
    });
    await sendGovernanceEvent(ana.client, decisions, 'org.imago.governance.approve', { decision });
    await closeDecision(bot.client, decisions, decision, (await replay()).state);
    const { state } = await replay();
    expect(state.authority).toEqual([cy.userId]);
    const view = await readGroup(bot.client, group.spaceId);
    await publishAuthority(bot.client, view, state.authority, decision);
    expect((await applyGroupPowerLevels(bot.client, view, state)).failed).toEqual([]);
    const after = await readGroup(bo.client, group.spaceId);
    expect(after.authority).toMatchObject({ decisions, authority: [cy.userId], decision });
    expect(after.members.find((m) => m.userId === bot.userId)?.powerLevel).toBe(0);
    expect(after.members.find((m) => m.userId === cy.userId)?.powerLevel).toBe(100);
    // The former authority can no longer change anything that needs 100.
    const back = await raw(bot).state(group.spaceId, 'm.room.power_levels', '', {
      users: { [bot.userId]: 100 },
    });
    expect(back).toMatchObject({ status: 403, body: { errcode: 'M_FORBIDDEN' } });
    // The hand-over itself is backed: only the earlier hand-made changes are reported.
    expect((await audit()).map((w) => w.type)).toEqual(['m.room.power_levels', 'org.imago.group']);
  });
});
