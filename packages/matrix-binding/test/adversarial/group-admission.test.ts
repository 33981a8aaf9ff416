/**
 * Admission as a kind of action, on a live Synapse: someone knocks on a group's space (raw HTTP),
 * a member proposes `admit-member`, the control table's deciders adopt it, the authority invites,
 * and the newcomer joins and counts. An adopted `exclude-member` takes them off the roll at once
 * and the authority removes them. Whatever the knocker tries before or after, raw, fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admissionRequests,
  appendToRoomLog,
  type CreatedGroup,
  closeDecision,
  createGroup,
  emptyRoomLog,
  executeMemberships,
  fetchRoomHistory,
  initControlTable,
  joinGroup,
  proposeAdmission,
  proposeExclusion,
  readGroup,
  replayDecisions,
  sendGovernanceEvent,
} from '../../src/index';
import { eventually } from '../support/eventually';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const HOUR = 3_600_000;

describe('knock → admission decision → join, and exclusion (raw HTTP knocker, live Synapse)', () => {
  let ana: LiveUser; // founder, decides admissions
  let bot: LiveUser; // the group's authority
  let bo: LiveUser; // a member
  let kay: LiveUser; // asks to join
  let knocker: RawMatrix;
  let group: CreatedGroup;
  let decisions: string;

  const replay = async () =>
    replayDecisions(appendToRoomLog(emptyRoomLog(decisions), await fetchRoomHistory(bo.client, decisions)));
  /** The authority's client knows the memberships it acts on (it follows the rooms by sync). */
  const execute = async (ready: (membership: string | undefined) => boolean, roomId: string) => {
    await eventually(
      async () => bot.client.getRoom(roomId)?.getMember(kay.userId)?.membership,
      ready,
      "the authority's client sees Kay's membership",
    );
    return executeMemberships(bot.client, await readGroup(bot.client, group.spaceId), (await replay()).state);
  };

  beforeAll(async () => {
    [ana, bot, bo, kay] = (await Promise.all(['ana', 'bot', 'bo', 'kay'].map((name) => liveUser(name)))) as [
      LiveUser,
      LiveUser,
      LiveUser,
      LiveUser,
    ];
    knocker = new RawMatrix(kay.session.baseUrl, kay.session.accessToken);
    group = await createGroup(ana.client, {
      profile: { name: 'Portes ouvertes' },
      rooms: ['chat', 'decisions'],
      authority: [bot.userId],
      invite: [bot.userId, bo.userId],
    });
    decisions = group.rooms.decisions as string;
    for (const user of [bot, bo]) await joinGroup(user.client, group);
    const anaDecides = {
      protocol: 'oligarchy' as const,
      deciders: { members: [ana.userId] },
      required: 1,
      duration: HOUR,
    };
    await initControlTable(
      ana.client,
      decisions,
      {
        rules: {
          'change-control-table': { protocol: 'consensus', duration: HOUR },
          'admit-member': anaDecides,
          'exclude-member': anaDecides,
          'publish-text': { protocol: 'consensus', duration: HOUR },
        },
      },
      group.authority,
    );
  });
  afterAll(stopAll);

  it('a knock is answered by a decision; once adopted the authority invites, and the newcomer counts', async () => {
    expect((await knocker.join(group.spaceId, group.via)).status).toBe(403);
    const knock = await knocker.request('POST', `/knock/${encodeURIComponent(group.spaceId)}`, {
      reason: 'I keep bees',
    });
    expect(knock.status).toBe(200);
    const view = await readGroup(bo.client, group.spaceId);
    expect(view.knocks.map((k) => [k.userId, k.reason])).toEqual([[kay.userId, 'I keep bees']]);
    expect(admissionRequests(view, (await replay()).state)[0]?.decision).toBeUndefined();
    // Nobody invites before the decision: the authority owes nothing yet.
    expect((await execute((m) => m === 'knock', group.spaceId)).done).toEqual([]);

    const admission = await proposeAdmission(bo.client, decisions, kay.userId);
    expect(admissionRequests(view, (await replay()).state)[0]?.decision?.status).toBe('open');
    await sendGovernanceEvent(ana.client, decisions, 'org.imago.governance.approve', { decision: admission });
    expect((await replay()).state.decisions.get(admission)?.status).toBe('adopted');
    // Provisional until the authority's close names it: nothing owed yet; then the invitations.
    expect((await execute((m) => m === 'knock', group.spaceId)).done).toEqual([]);
    await closeDecision(bot.client, decisions, admission, (await replay()).state);

    const { done, failed } = await execute((m) => m === 'knock', group.spaceId);
    expect(failed).toEqual([]);
    expect(done.map((step) => [step.action, step.roomId])).toEqual([
      ['invite', group.spaceId],
      ['invite', group.rooms.chat],
      ['invite', decisions],
    ]);
    // Running again owes nothing more.
    expect((await execute((m) => m === 'invite', decisions)).done).toEqual([]);
    for (const roomId of [group.spaceId, decisions])
      expect((await knocker.join(roomId, group.via)).status).toBe(200);
    const proposal = await knocker.sendOk(decisions, 'org.imago.governance.propose', {
      kind: 'publish-text',
      action: { text: 'Honey for everyone' },
    });
    const after = await replay();
    expect(after.state.decisions.get(proposal)?.eligible).toContain(kay.userId);
    expect(after.warnings.filter((w) => w.code === 'unadmitted-member')).toEqual([]);
  });

  it('an adopted exclusion takes the member off the roll once the authority’s close confirms it; the authority removes them', async () => {
    const exclusion = await proposeExclusion(bo.client, decisions, kay.userId);
    await sendGovernanceEvent(ana.client, decisions, 'org.imago.governance.approve', { decision: exclusion });
    await closeDecision(bot.client, decisions, exclusion, (await replay()).state);
    // Still joined, but no longer counted: their next proposal has no effect.
    const late = await knocker.sendOk(decisions, 'org.imago.governance.propose', {
      kind: 'publish-text',
      action: { text: 'Still here' },
    });
    const replayed = await replay();
    expect(replayed.warnings.find((w) => w.eventId === late)).toMatchObject({
      code: 'rejected',
      reason: 'not-a-member',
    });
    const { done, failed } = await execute((m) => m === 'join', decisions);
    expect(failed).toEqual([]);
    expect(done.map((step) => step.action)).toContain('kick');
    expect(done.map((step) => step.roomId)).toEqual(expect.arrayContaining([group.spaceId, decisions]));
    // Removed from the space, the restricted rooms refuse them.
    expect((await knocker.join(decisions, group.via)).status).toBe(403);
    expect((await knocker.join(group.spaceId, group.via)).status).toBe(403);
  });
});
