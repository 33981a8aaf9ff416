import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  assertRelation,
  consentedRelations,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  initControlTable,
  joinGroup,
  propose,
  readGroup,
  replayDecisions,
  sendGovernanceEvent,
} from '../../src/index';
import { DedicatedSynapse } from '../support/dedicated-synapse';
import { eventually } from '../support/eventually';
import { type LiveUser, liveUser, run, stopAll } from '../support/live-users';

describe('two federated homeservers each host part of the graph (scripts/synapse.sh SYNAPSE_FEDERATION=1)', () => {
  const one = new DedicatedSynapse(`fed-a-${run}`, { federation: true });
  const two = new DedicatedSynapse(`fed-b-${run}`, { federation: true });
  let ana: LiveUser;
  let bo: LiveUser;

  beforeAll(async () => {
    const [a, b] = await Promise.all([one.start(), two.start()]);
    [ana, bo] = await Promise.all([liveUser('ana', { homeserver: a }), liveUser('bo', { homeserver: b })]);
  });
  afterAll(async () => {
    stopAll();
    await Promise.all([one.reset(), two.reset()]);
  });

  it('relates groups across servers with consent, and a remote member votes in a decision', async () => {
    const garden = await createGroup(ana.client, {
      profile: { name: 'Jardin (A)' },
      rooms: ['decisions'],
      invite: [bo.userId],
    });
    const bees = await createGroup(bo.client, {
      profile: { name: 'Ruches (B)' },
      rooms: [],
      invite: [ana.userId],
    });
    expect(ana.userId.split(':').slice(1).join(':')).not.toBe(bo.userId.split(':').slice(1).join(':'));

    // Each side asserts the relation in its own space, on its own server.
    await assertRelation(ana.client, garden.spaceId, bees.spaceId, 'partner');
    await assertRelation(bo.client, bees.spaceId, garden.spaceId, 'partner');
    await joinGroup(bo.client, garden); // Bo (server B) joins the garden (server A) over federation
    await ana.client.joinRoom(bees.spaceId, { viaServers: [...bees.via] });
    const relations = await eventually(
      async () => {
        const views = await Promise.all([
          readGroup(ana.client, garden.spaceId),
          readGroup(ana.client, bees.spaceId),
        ]);
        return consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations])));
      },
      (r) => r.length === 1 && r[0]?.status === 'accepted',
    );
    expect(relations[0]?.type).toBe('partner');

    const room = garden.rooms.decisions as string;
    await initControlTable(ana.client, room, {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        'publish-text': {
          protocol: 'oligarchy',
          deciders: { members: [ana.userId, bo.userId] },
          required: 2,
          duration: 3_600_000,
        },
      },
    });
    const decision = await propose(ana.client, room, {
      kind: 'publish-text',
      action: { text: 'Fête des semences' },
    });
    const { GovernanceEventTypes } = await import('@imago/governance');
    await sendGovernanceEvent(ana.client, room, GovernanceEventTypes.approve, { decision });
    await eventually(
      () => fetchRoomHistory(bo.client, room),
      (events) => events.some((e) => e.event_id === decision),
    );
    await sendGovernanceEvent(bo.client, room, GovernanceEventTypes.approve, { decision });
    // Both servers' copies of the room replay to the same adopted decision.
    const outcomeFrom = async (client: typeof ana.client) =>
      replayDecisions(
        appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room)),
      ).state.decisions.get(decision)?.outcome;
    const onA = await eventually(
      () => outcomeFrom(ana.client),
      (o) => o?.status === 'adopted',
    );
    const onB = await outcomeFrom(bo.client);
    expect(onB).toEqual(onA);
  });
});
