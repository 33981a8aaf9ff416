import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announce,
  appendToRoomLog,
  assertRelation,
  type CreatedGroup,
  consentedRelations,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  type GroupView,
  groupGraph,
  initControlTable,
  publishProposal,
  readFeed,
  readGroup,
  receivedAnnouncements,
  recordEconomicEvent,
  replayResources,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';

describe('resources and announcements on a live Synapse', () => {
  let alice: LiveUser;
  let bob: LiveUser;
  const groups: Record<string, CreatedGroup> = {};

  beforeAll(async () => {
    [alice, bob] = await Promise.all([liveUser('alice'), liveUser('bob')]);
    const make = async (
      key: string,
      user: LiveUser,
      profile: Parameters<typeof createGroup>[1]['profile'],
    ) => {
      groups[key] = await createGroup(user.client, {
        profile,
        rooms: ['chat', 'decisions', 'announcements'],
        joinRule: 'public',
      });
      // The founder is the group's authority: the table's `init` names it in the decisions room.
      await initControlTable(user.client, groups[key].rooms.decisions as string, {
        rules: { 'change-control-table': { protocol: 'consensus', duration: 3_600_000 } },
      });
    };
    // Paris (2.35 E), a partner in Paris, a group in Lyon (far), one that refuses offers, one that blocks the origin.
    await make('origin', alice, {
      name: 'Ressourcerie',
      places: ['Q90'],
      coordinates: { lat: 48.8566, lon: 2.3522 },
    });
    await make('partner', bob, {
      name: 'Repair café',
      places: ['Q90'],
      coordinates: { lat: 48.86, lon: 2.34 },
    });
    await make('near', bob, { name: 'AMAP', places: ['Q90'], coordinates: { lat: 48.85, lon: 2.36 } });
    await make('far', bob, { name: 'Lyon', places: ['Q456'], coordinates: { lat: 45.76, lon: 4.84 } });
    await make('needsOnly', bob, {
      name: 'Banque',
      coordinates: { lat: 48.85, lon: 2.35 },
      accepts: ['need'],
    });
    await make('blocker', bob, {
      name: 'Fermé',
      coordinates: { lat: 48.857, lon: 2.352 },
      blocks: [groups.origin?.spaceId as string],
    });
    await assertRelation(
      alice.client,
      groups.origin?.spaceId as string,
      groups.partner?.spaceId as string,
      'partner',
    );
    await assertRelation(
      bob.client,
      groups.partner?.spaceId as string,
      groups.origin?.spaceId as string,
      'partner',
    );
  });
  afterAll(stopAll);

  it('replays offers, needs and the group’s ledger from its decisions room, ignoring what breaks the ledger', async () => {
    const room = groups.origin?.rooms.decisions as string;
    const group = groups.origin?.spaceId as string;
    await recordEconomicEvent(alice.client, room, {
      action: 'raise',
      provider: group,
      receiver: group,
      resourceQuantity: { hasNumericalValue: 12.5, hasUnit: 'kilogram' },
      newInventoriedResource: { id: 'flour' },
    } as never);
    await recordEconomicEvent(alice.client, room, {
      action: 'consume',
      provider: group,
      receiver: group,
      resourceInventoriedAs: 'flour',
      resourceQuantity: { hasNumericalValue: 2, hasUnit: 'kilogram' },
    } as never);
    const overdraw = await recordEconomicEvent(alice.client, room, {
      action: 'consume',
      provider: group,
      receiver: group,
      resourceInventoriedAs: 'flour',
      resourceQuantity: { hasNumericalValue: 100, hasUnit: 'kilogram' },
    } as never);
    const offer = await publishProposal(alice.client, room, {
      purpose: 'offer',
      name: 'Farine',
      unitBased: true,
      proposer: group,
      publishes: [
        {
          action: 'transfer',
          provider: group,
          resourceConformsTo: 'flour',
          resourceQuantity: { hasNumericalValue: 1, hasUnit: 'kilogram' },
        },
      ],
      reciprocal: [],
    } as never);
    const { ledger, proposals, warnings } = replayResources(
      appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(alice.client, room)),
      { group: await readGroup(alice.client, group) },
    );
    expect(ledger.resources.get('flour')?.onhandQuantity).toEqual({
      hasNumericalValue: 10.5,
      hasUnit: 'kilogram',
    });
    expect(warnings.filter((w) => w.code === 'rejected').map((w) => w.eventId)).toEqual([overdraw]);
    expect(proposals.map((p) => [p.eventId, p.proposal.purpose])).toEqual([[offer, 'offer']]);
  });

  it('delivers an offer to the groups propagate chooses, with provenance, respecting their filters', async () => {
    const views: GroupView[] = await Promise.all(
      Object.values(groups).map((g) => readGroup(alice.client, g.spaceId)),
    );
    const relations = consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations])));
    const origin = views.find((v) => v.spaceId === groups.origin?.spaceId) as GroupView;
    const { original, deliveries } = await announce(alice.client, {
      from: origin,
      groups: views,
      relations,
      announcement: { kind: 'offer', title: 'Farine à donner', payload: { quantity: 1.5 } },
      criteria: { by: 'geo', radiusKm: 50, k: 10 },
    });
    const delivered = deliveries
      .filter((d) => d.eventId)
      .map((d) => d.target.key)
      .sort();
    expect(delivered).toEqual([groups.near?.spaceId, groups.partner?.spaceId].sort());

    const partnerRoom = groups.partner?.rooms.announcements as string;
    const partnerView = views.find((v) => v.spaceId === groups.partner?.spaceId) as GroupView;
    const log = appendToRoomLog(emptyRoomLog(partnerRoom), await fetchRoomHistory(bob.client, partnerRoom));
    const { announcements } = receivedAnnouncements(log, partnerView.profile, views);
    expect(announcements.map((a) => a.announcement)).toEqual([
      {
        kind: 'offer',
        title: 'Farine à donner',
        payload: { quantity: 1.5 },
        origin: {
          group: origin.spaceId,
          room: origin.children.find((c) => c.role === 'announcements')?.roomId,
          event: original,
        },
        criteria: { by: 'geo', radiusKm: 50, k: 10, kind: 'offer' },
      },
    ]);
  });

  it('reads a manual feed from the joined rooms of the groups it selects', async () => {
    const views: GroupView[] = await Promise.all(
      Object.values(groups).map((g) => readGroup(alice.client, g.spaceId)),
    );
    const relations = consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations])));
    const graph = groupGraph(views, relations);
    const origin = groups.origin as CreatedGroup;
    const definition = {
      id: 'partners-offers',
      owner: groups.partner?.spaceId as string,
      sources: [{ type: 'relations' as const, relations: ['partner'] }],
      kinds: ['offer'],
    };
    // Bob subscribes on the way to the announcements room of the groups the feed selects.
    const feed = await readFeed(bob.client, graph, definition, views, { subscribe: true });
    expect(feed.map((item) => [item.group, item.kind, item.title])).toEqual([
      [origin.spaceId, 'offer', 'Farine à donner'],
    ]);
  });
});
