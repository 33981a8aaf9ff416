/**
 * Resources and announcements on a live Synapse, under the rules that bind senders to what they
 * claim. The Ressourcerie's ledger lives in its pinned decisions room: Alice (its authority) and Bob
 * (the treasurer its control table names for `spend-resource`) record in the group's name, every
 * member may publish offers (`publish-offer` is a do-ocracy), and Carol, a member without a row,
 * speaks only for herself — her jam is hers until she gives it to the group. Announcements leave
 * through the group's authority, reach the groups propagation chooses (an invite-only group's room
 * refuses them, and the delivery says why), and count for a receiver only when it knows the origin
 * group and its authority posted them.
 */
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
  joinGroup,
  publishProposal,
  readFeed,
  readGroup,
  receivedAnnouncements,
  recordEconomicEvent,
  replayResources,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';

const kg = (value: number) => ({ hasNumericalValue: value, hasUnit: 'kilogram' });
const HOUR = 3_600_000;

describe('resources and announcements on a live Synapse', () => {
  let alice: LiveUser; // the Ressourcerie's authority; founder of the origin group
  let bob: LiveUser; // the Ressourcerie's treasurer; founder of the other groups
  let carol: LiveUser; // a member of the Ressourcerie without any row
  const groups: Record<string, CreatedGroup> = {};

  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([liveUser('alice'), liveUser('bob'), liveUser('carol')]);
    const make = async (
      key: string,
      user: LiveUser,
      profile: Parameters<typeof createGroup>[1]['profile'],
      joinRule: 'public' | 'invite' = 'public',
      rules: Record<string, unknown> = {},
    ) => {
      groups[key] = await createGroup(user.client, {
        profile,
        rooms: ['chat', 'decisions', 'announcements'],
        joinRule,
      });
      // The founder is the group's authority: the table's `init` names it in the decisions room.
      await initControlTable(
        user.client,
        groups[key].rooms.decisions as string,
        {
          rules: { 'change-control-table': { protocol: 'consensus', duration: HOUR }, ...rules },
        } as Parameters<typeof initControlTable>[2],
      );
    };
    // Paris (2.35 E), a partner in Paris, a group in Lyon (far), one that refuses offers, one that
    // blocks the origin, one whose rooms admit only the invited.
    await make(
      'origin',
      alice,
      { name: 'Ressourcerie', places: ['Q90'], coordinates: { lat: 48.8566, lon: 2.3522 } },
      'public',
      {
        'spend-resource': {
          protocol: 'oligarchy',
          deciders: { members: [bob.userId] },
          required: 1,
          duration: HOUR,
        },
        'publish-offer': {
          protocol: 'do-ocracy',
          window: HOUR,
          escalation: { protocol: 'consent', duration: HOUR },
        },
      },
    );
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
    await make('closed', bob, { name: 'Cercle', coordinates: { lat: 48.858, lon: 2.353 } }, 'invite');
    const origin = groups.origin as CreatedGroup;
    await Promise.all([joinGroup(bob.client, origin), joinGroup(carol.client, origin)]);
    await assertRelation(alice.client, origin.spaceId, groups.partner?.spaceId as string, 'partner');
    await assertRelation(bob.client, groups.partner?.spaceId as string, origin.spaceId, 'partner');
  });
  afterAll(stopAll);

  // The invite-only group's space admits no outsider: Alice knows its view from its founder.
  const knownGroups = (): Promise<GroupView[]> =>
    Promise.all(
      Object.values(groups).map((g) => readGroup((g === groups.closed ? bob : alice).client, g.spaceId)),
    );

  it('replays the group’s ledger from its decisions room: its authority and treasurer speak for it, every other member for themselves', async () => {
    const room = groups.origin?.rooms.decisions as string;
    const group = groups.origin?.spaceId as string;
    await recordEconomicEvent(alice.client, room, {
      action: 'raise',
      provider: group,
      receiver: group,
      resourceQuantity: kg(12.5),
      newInventoriedResource: { id: 'flour' },
    });
    await recordEconomicEvent(bob.client, room, {
      action: 'consume',
      provider: group,
      receiver: group,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(2),
    });
    const carolSpends = await recordEconomicEvent(carol.client, room, {
      action: 'consume',
      provider: group,
      receiver: group,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(5),
    });
    const overdraw = await recordEconomicEvent(alice.client, room, {
      action: 'consume',
      provider: group,
      receiver: group,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(100),
    });
    await recordEconomicEvent(carol.client, room, {
      action: 'raise',
      provider: carol.userId,
      receiver: carol.userId,
      resourceQuantity: kg(3),
      newInventoriedResource: { id: 'jam' },
    });
    // Something leaves Carol: she answers for the gift, and the group receives it.
    await recordEconomicEvent(carol.client, room, {
      action: 'transfer',
      provider: carol.userId,
      receiver: group,
      resourceInventoriedAs: 'jam',
      resourceQuantity: kg(1),
      newInventoriedResource: { id: 'jam-shelf' },
    });
    const offer = await publishProposal(carol.client, room, {
      purpose: 'offer',
      name: 'Farine',
      unitBased: true,
      proposer: group,
      publishes: [
        {
          id: 'flour-out',
          action: 'transfer',
          provider: group,
          resourceConformsTo: 'flour',
          resourceQuantity: kg(1),
        },
      ],
      reciprocal: [],
    });
    const need = await publishProposal(carol.client, room, {
      purpose: 'request',
      name: 'Bocaux',
      unitBased: false,
      proposer: group,
      publishes: [{ id: 'jars-in', action: 'transfer', receiver: group, resourceConformsTo: 'jar' }],
      reciprocal: [],
    });
    const log = appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(alice.client, room));
    const { ledger, proposals, warnings } = replayResources(log, {
      group: await readGroup(carol.client, group),
    });
    expect(ledger.resources.get('flour')?.onhandQuantity).toEqual(kg(10.5));
    expect(ledger.resources.get('flour')?.primaryAccountable).toBe(group);
    expect(ledger.resources.get('jam')?.onhandQuantity).toEqual(kg(2));
    expect(ledger.resources.get('jam')?.primaryAccountable).toBe(carol.userId);
    expect(ledger.resources.get('jam-shelf')?.onhandQuantity).toEqual(kg(1));
    expect(ledger.resources.get('jam-shelf')?.primaryAccountable).toBe(group);
    expect(proposals.map((p) => [p.eventId, p.sender, p.proposal.purpose])).toEqual([
      [offer, carol.userId, 'offer'],
    ]);
    expect(warnings.map((w) => [w.eventId, w.code, w.reason, w.path])).toEqual([
      [carolSpends, 'unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.provider'],
      [overdraw, 'rejected', 'VF_NEGATIVE_QUANTITY', undefined],
      [need, 'unauthorised', 'not-proposer', 'content.proposer'],
    ]);

    // Read as nobody's ledger, the same room lets persons speak only for themselves.
    const anonymous = replayResources(log);
    expect(anonymous.ledger.resources.has('flour')).toBe(false);
    expect(anonymous.ledger.resources.get('jam')?.onhandQuantity).toEqual(kg(2));
    expect(anonymous.proposals).toEqual([]);
  });

  it('announces through the origin’s authority to the groups propagation chooses, each delivery saying where or why not', async () => {
    const views = await knownGroups();
    const relations = consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations])));
    const origin = views.find((v) => v.spaceId === groups.origin?.spaceId) as GroupView;
    const announcement = { kind: 'offer', title: 'Farine à donner', payload: { quantity: 1.5 } } as const;
    const criteria = { by: 'geo', radiusKm: 50, k: 10 } as const;

    // Bob is a member and treasurer, not the group's authority: he cannot speak for it here.
    await expect(
      announce(bob.client, { from: origin, groups: views, relations, announcement, criteria }),
    ).rejects.toMatchObject({ code: 'invalid-argument' });

    const { original, deliveries } = await announce(alice.client, {
      from: origin,
      groups: views,
      relations,
      announcement,
      criteria,
    });
    const outcome = deliveries
      .map((d) => [d.target.key, d.eventId === undefined ? d.skipped : 'delivered', d.error?.status])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(outcome).toEqual(
      [
        [groups.near?.spaceId, 'delivered', undefined],
        [groups.partner?.spaceId, 'delivered', undefined],
        [groups.closed?.spaceId, 'not-allowed', 403],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    const partnerRoom = groups.partner?.rooms.announcements as string;
    const partnerView = views.find((v) => v.spaceId === groups.partner?.spaceId) as GroupView;
    const log = appendToRoomLog(emptyRoomLog(partnerRoom), await fetchRoomHistory(bob.client, partnerRoom));
    const { announcements } = receivedAnnouncements(log, partnerView.profile, views);
    expect(announcements.map((a) => [a.sender, a.announcement])).toEqual([
      [
        alice.userId,
        {
          ...announcement,
          origin: {
            group: origin.spaceId,
            room: origin.children.find((c) => c.role === 'announcements')?.roomId,
            event: original,
          },
          criteria: { ...criteria, kind: 'offer' },
        },
      ],
    ]);
    // A receiver that does not know the origin group takes nothing from it.
    const unknown = receivedAnnouncements(log, partnerView.profile, [partnerView]);
    expect(unknown.announcements).toEqual([]);
    expect(unknown.warnings.map((w) => [w.code, w.reason])).toEqual([
      ['unknown-reference', 'unknown-origin'],
    ]);
  });

  it('reads a manual feed from the rooms of the groups it selects, subscribing on the way', async () => {
    const views = await knownGroups();
    const relations = consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations])));
    const graph = groupGraph(views, relations);
    const origin = groups.origin as CreatedGroup;
    const definition = {
      id: 'partners-offers',
      owner: groups.partner?.spaceId as string,
      sources: [{ type: 'relations' as const, relations: ['partner'] }],
      kinds: ['offer'],
    };
    // Carol is in none of the partner's rooms; she joins the origin's announcements room on the way.
    const feed = await readFeed(carol.client, graph, definition, views, { subscribe: true });
    expect(feed.map((item) => [item.group, item.kind, item.title])).toEqual([
      [origin.spaceId, 'offer', 'Farine à donner'],
    ]);
  });
});
