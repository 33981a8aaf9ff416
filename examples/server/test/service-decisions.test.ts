/**
 * The service against a live Synapse: it closes a decision when its period ends, publishes the
 * outcome in the room, and applies an adopted control-table change to the group's space. What it
 * did is checked from a member's side, by replaying the room with @imago/matrix-binding.
 */
import { GovernanceEventTypes, parseControlTable } from '@imago/governance';
import {
  appendToRoomLog,
  assertRelation,
  createGroup,
  createImagoClient,
  emptyRoomLog,
  fetchRoomHistory,
  fetchRoomState,
  followDecisions,
  initControlTable,
  propose,
  readGroupCard,
  replayDecisions,
  sendGovernanceEvent,
  vote,
} from '@imago/matrix-binding';
import { registerUser, testHomeserverFromEnvironment } from '@imago/matrix-binding/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForLog } from '../src/demo/wait';
import { OUTCOME_KEY } from '../src/duties/decisions';
import { createLog } from '../src/service/log';
import { quietLogger } from '../src/service/quiet-logger';
import { type ImagoService, startService } from '../src/service/service';
import { startTestService } from './test-service';

const table = (rules: Record<string, unknown>) => {
  const parsed = parseControlTable({ rules });
  if (!parsed.ok) throw new Error('bad table');
  return parsed.value;
};

describe('the service on a live homeserver', () => {
  let oligarchy: Record<string, unknown>;
  const homeserver = testHomeserverFromEnvironment();
  const log = createLog({ sink: null });
  let service: ImagoService;
  let alice: Awaited<ReturnType<typeof createImagoClient>>;
  let group: Awaited<ReturnType<typeof createGroup>>;

  beforeAll(async () => {
    const run = Date.now().toString(36);
    service = await startTestService(homeserver, `service-${run}`, log, { checkpointEvery: 5 });
    alice = await createImagoClient({
      ...(await registerUser(homeserver, `alice-${run}`)),
      logger: quietLogger() as never,
    });
    // Alice alone decides removals, over ten minutes: her approval settles one long before its end.
    oligarchy = {
      protocol: 'oligarchy',
      deciders: { members: [alice.getSafeUserId()] },
      required: 1,
      duration: 600_000,
    };
    group = await createGroup(alice, {
      profile: { name: 'Jardin des Pentes', places: ['Q456'] },
      invite: [service.userId],
      // The service is the group's authority: it closes decisions and applies their outcome.
      authority: [service.userId],
    });
    await initControlTable(
      alice,
      group.rooms.decisions as string,
      table({
        'publish-text': { protocol: 'democracy', method: 'plurality', duration: 3000 },
        'change-control-table': { protocol: 'consent', duration: 3000 },
        'remove-content': oligarchy,
      }),
      group.authority,
    );
  });

  afterAll(async () => {
    await service?.stop();
    alice?.stopClient();
  });

  it('closes a due decision and publishes its outcome', async () => {
    const room = group.rooms.decisions as string;
    const decision = await propose(alice, room, {
      kind: 'publish-text',
      title: 'Publish the newsletter',
      action: {},
    });
    const ballot = await vote(alice, room, decision, [1, 0]);
    await waitForLog(
      log,
      (e) => e.duty === 'decisions' && e.decision === decision && e.message.startsWith('published'),
      'the outcome',
      45_000,
    );

    const history = await fetchRoomHistory(alice, room);
    const close = history.find((e) => e.type === GovernanceEventTypes.close);
    expect(close?.sender).toBe(service.userId);
    // It names what it counted, so that a reader whose server ordered a racing vote before it agrees.
    expect(close?.content).toEqual({ decision, counted: { [decision]: [ballot] } });
    const propose_ = history.find((e) => e.event_id === decision);
    expect(Number(close?.origin_server_ts)).toBeGreaterThanOrEqual(Number(propose_?.origin_server_ts) + 3000);
    const notice = history.find(
      (e) => (e.content as Record<string, unknown> | undefined)?.[OUTCOME_KEY] !== undefined,
    );
    expect(notice?.sender).toBe(service.userId);
    expect((notice?.content as Record<string, unknown> | undefined)?.[OUTCOME_KEY]).toMatchObject({
      decision,
      status: 'adopted',
    });
    // The member's own replay of the room agrees with what the service published.
    const replay = replayDecisions(appendToRoomLog(emptyRoomLog(room), history));
    expect(replay.state.decisions.get(decision)?.outcome?.status).toBe('adopted');
  });

  it('does nothing twice after a restart', async () => {
    const room = group.rooms.decisions as string;
    const config = service.context.config;
    await service.stop();
    const again = createLog({ sink: null });
    service = await startService(config, { log: again });
    await waitForLog(
      again,
      (e) => e.message.startsWith(`replayed decisions room ${room}`),
      'the replay',
      30_000,
    );
    const history = await fetchRoomHistory(alice, room);
    const outcomes = history.filter(
      (e) => (e.content as Record<string, unknown> | undefined)?.[OUTCOME_KEY] !== undefined,
    );
    expect(outcomes).toHaveLength(1);
    expect(history.filter((e) => e.type === GovernanceEventTypes.close)).toHaveLength(1);
    expect(again.entries.filter((e) => e.duty === 'decisions' && e.message.startsWith('published'))).toEqual(
      [],
    );
  });

  it('applies an adopted control-table change to the space', async () => {
    const room = group.rooms.decisions as string;
    const next = table({
      'publish-text': { protocol: 'democracy', method: 'plurality', duration: 3000 },
      'change-control-table': { protocol: 'consent', duration: 3000 },
      'publish-offer': { protocol: 'consensus', duration: 60_000 },
      'remove-content': oligarchy,
    });
    const decision = await propose(alice, room, {
      kind: 'change-control-table',
      title: 'Offers by consensus',
      action: { table: next },
    });
    await waitForLog(
      service.log,
      (e) => e.duty === 'control-table' && e.decision === decision,
      'the applied table',
      45_000,
    );
    const state = await fetchRoomState(alice, group.spaceId);
    const mirror = state.find((e) => e.type === 'org.imago.control_table');
    expect(mirror?.sender).toBe(service.userId);
    const content = mirror?.content as { decision?: string; table?: { rules?: Record<string, unknown> } };
    expect(content.decision).toBe(decision);
    expect(Object.keys(content.table?.rules ?? {}).sort()).toEqual([
      'change-control-table',
      'publish-offer',
      'publish-text',
      'remove-content',
    ]);
  });

  /** Waits for the service to publish a decision's outcome; where its close and its notice stand. */
  async function publishedAfterClose(room: string, decision: string) {
    await waitForLog(
      service.log,
      (e) => e.duty === 'decisions' && e.decision === decision && e.message.startsWith('published'),
      'the outcome',
      45_000,
    );
    const history = await fetchRoomHistory(alice, room);
    const close = history.findIndex(
      (e) =>
        e.type === GovernanceEventTypes.close && (e.content as { decision?: string }).decision === decision,
    );
    const notice = history.findIndex(
      (e) =>
        (
          (e.content as Record<string, unknown> | undefined)?.[OUTCOME_KEY] as
            | { decision?: string }
            | undefined
        )?.decision === decision,
    );
    return { history, close, notice };
  }

  it('publishes a withdrawal’s outcome only after its close, which names the withdrawal', async () => {
    const room = group.rooms.decisions as string;
    const decision = await propose(alice, room, {
      kind: 'publish-text',
      title: 'Paint the gate',
      action: {},
    });
    // Withdrawn within the period: provisional until the authority's close names it (one that did
    // not name the withdrawal would undo it), so no outcome before that close.
    const withdrawal = await sendGovernanceEvent(alice, room, GovernanceEventTypes.withdraw, { decision });
    const { history, close, notice } = await publishedAfterClose(room, decision);
    const content = (i: number) => (history[i]?.content ?? {}) as Record<string, unknown>;
    expect(close).toBeGreaterThan(-1);
    expect(history[close]?.sender).toBe(service.userId);
    expect((content(close).counted as Record<string, string[]>)[decision]).toContain(withdrawal);
    expect(notice).toBeGreaterThan(close);
    expect(content(notice)[OUTCOME_KEY]).toMatchObject({ decision, status: 'withdrawn' });
  });

  it('closes an oligarchy decision its deciders adopted at once, naming the approval, then publishes it', async () => {
    const room = group.rooms.decisions as string;
    const decision = await propose(alice, room, {
      kind: 'remove-content',
      title: 'Remove the spam',
      action: {},
    });
    // Adopted by alice's approval, provisionally: a close that did not name it would undo it.
    const approval = await sendGovernanceEvent(alice, room, GovernanceEventTypes.approve, { decision });
    const { history, close, notice } = await publishedAfterClose(room, decision);
    expect(history[close]?.sender).toBe(service.userId);
    const counted = (history[close]?.content ?? {}) as { counted?: Record<string, string[]> };
    expect(counted.counted?.[decision]).toEqual([approval]);
    // Closed at once (not at the period's end, ten minutes away), and published after the close.
    const approved = Number(history.find((e) => e.event_id === approval)?.origin_server_ts);
    expect(Number(history[close]?.origin_server_ts) - approved).toBeLessThan(10_000);
    expect(notice).toBeGreaterThan(close);
    const outcome = ((history[notice]?.content ?? {}) as Record<string, unknown>)[OUTCOME_KEY];
    expect(outcome).toMatchObject({ decision, status: 'adopted', reason: 'approved' });
    const replay = replayDecisions(appendToRoomLog(emptyRoomLog(room), history));
    expect(replay.state.decisions.get(decision)?.status).toBe('adopted');
    expect(replay.state.provisional.has(decision)).toBe(false);
  });

  it('posts checkpoints of its fold, from which a member opens the room and which the history confirms', async () => {
    const room = group.rooms.decisions as string;
    await propose(alice, room, { kind: 'publish-text', title: 'Open the shed', action: {} });
    await waitForLog(
      service.log,
      (e) => e.duty === 'checkpoints' && e.roomId === room,
      'a checkpoint',
      45_000,
    );
    const follower = await followDecisions(alice, room, { authority: group.authority });
    try {
      expect(follower.checkpoint?.sender).toBe(service.userId);
      expect(follower.provisional()).toBe(true);
      const verification = await follower.verification;
      expect(verification).toMatchObject({ ok: true, issues: [] });
      const replay = replayDecisions(
        appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(alice, room)),
      );
      expect([...(follower.decisions()?.state.decisions.keys() ?? [])].sort()).toEqual(
        [...replay.state.decisions.keys()].sort(),
      );
    } finally {
      follower.stop();
    }
  });

  it('keeps the group’s card in the space hierarchy equal to its space’s state', async () => {
    const other = await createGroup(alice, { profile: { name: 'Verger' }, rooms: [] });
    await assertRelation(alice, group.spaceId, other.spaceId, 'partner');
    let card = await readGroupCard(alice, group.spaceId);
    for (let i = 0; i < 150 && !card.relations.has(other.spaceId); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      card = await readGroupCard(alice, group.spaceId);
    }
    // Alice's server is in the other group's space: the relation names it to reach that group through.
    expect(card.relations.get(other.spaceId)).toEqual({ type: 'partner', via: [alice.getDomain()] });
    expect(card.authority?.authority).toEqual([service.userId]);
    expect(card.profile?.name).toBe('Jardin des Pentes');
    // Once for the relation: the card written at creation already matched, and the service's own
    // write changes nothing further.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(service.log.entries.filter((e) => e.duty === 'card' && e.roomId === group.spaceId)).toHaveLength(
      1,
    );
  });
});
