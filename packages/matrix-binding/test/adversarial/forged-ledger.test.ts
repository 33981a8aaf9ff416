/**
 * A group's ledger on a live Synapse, attacked by a member speaking raw client-server HTTP. The
 * ledger lives in the group's pinned decisions room; the founder is the group's authority and the
 * control table lets one treasurer act for the group (`spend-resource`, an oligarchy of Bo).
 * Mallory, a member, tries to take the group's flour, to correct away its stock, to raise stock in
 * its name, to take the rights to it by giving nothing into it, to publish an offer in its name
 * and to redact its entries. A fresh replay and a live follower agree on the legitimate ledger, and
 * every forged event comes back as a warning with a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  type CreatedGroup,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  followRoom,
  type GroupView,
  initControlTable,
  joinGroup,
  type RoomFollower,
  readGroup,
  recordEconomicEvent,
  replayResources,
} from '../../src/index';
import { type LiveUser, liveUser, stopAll } from '../support/live-users';
import { RawMatrix } from '../support/raw-matrix';

const kg = (value: number) => ({ hasNumericalValue: value, hasUnit: 'kilogram' });
const HOUR = 3_600_000;

describe('forged ledger entries (raw HTTP attacker, live Synapse)', () => {
  let ana: LiveUser; // founder and the group's authority
  let bo: LiveUser; // the treasurer the control table names
  let mallory: LiveUser;
  let raw: RawMatrix; // Mallory, without any Imago code
  let group: CreatedGroup;
  let view: GroupView;
  let room: string;
  let follower: RoomFollower;

  beforeAll(async () => {
    [ana, bo, mallory] = await Promise.all([liveUser('ana'), liveUser('bo'), liveUser('mallory')]);
    raw = new RawMatrix(mallory.session.baseUrl, mallory.session.accessToken);
    group = await createGroup(ana.client, {
      profile: { name: 'Fournil' },
      rooms: ['decisions'],
      joinRule: 'public',
    });
    room = group.rooms.decisions as string;
    await Promise.all([joinGroup(bo.client, group), joinGroup(mallory.client, group)]);
    await initControlTable(ana.client, room, {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: HOUR },
        'spend-resource': {
          protocol: 'oligarchy',
          deciders: { members: [bo.userId] },
          required: 1,
          duration: HOUR,
        },
      },
    });
    view = await readGroup(bo.client, group.spaceId);
    // Only power 100 redacts here: the group's authority.
    follower = await followRoom(bo.client, room, { mayRedact: (user) => user === ana.userId });
  });
  afterAll(() => {
    follower?.stop();
    stopAll();
  });

  const fresh = async () =>
    replayResources(appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(bo.client, room)), {
      group: view,
    });
  const live = async (last: string) => {
    for (let i = 0; i < 100 && !follower.log().seen.has(last); i++)
      await new Promise((r) => setTimeout(r, 100));
    return replayResources(follower.log(), { group: view });
  };

  it('refuses a transfer, a correction, a receipt, a theft by naming and an offer in the group’s name', async () => {
    const space = group.spaceId;
    const raise = await recordEconomicEvent(ana.client, room, {
      action: 'raise',
      provider: space,
      receiver: space,
      resourceQuantity: kg(20),
      newInventoriedResource: { id: 'flour' },
    });
    await recordEconomicEvent(bo.client, room, {
      action: 'consume',
      provider: space,
      receiver: space,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(2),
    });

    const vf = (content: Record<string, unknown>) => raw.sendOk(room, 'org.imago.vf.economic_event', content);
    const forgedTransfer = await vf({
      action: 'transfer',
      provider: space,
      receiver: mallory.userId,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(18),
      newInventoriedResource: { id: 'loot' },
    });
    const forgedCorrection = await vf({ action: 'raise', provider: space, receiver: space, corrects: raise });
    const forgedReceipt = await vf({
      action: 'raise',
      provider: space,
      receiver: space,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(1000),
    });
    const forgedPerson = await vf({
      action: 'transfer',
      provider: bo.userId,
      receiver: mallory.userId,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(1),
    });
    await vf({
      action: 'raise',
      provider: mallory.userId,
      receiver: mallory.userId,
      resourceQuantity: kg(1),
      newInventoriedResource: { id: 'bran' },
    });
    const theft = await vf({
      action: 'transfer',
      provider: mallory.userId,
      receiver: mallory.userId,
      resourceInventoriedAs: 'bran',
      toResourceInventoriedAs: 'flour',
      resourceQuantity: kg(0),
    });
    const unmapped = await vf({
      action: 'raise',
      provider: 'group:fournil',
      receiver: space,
      resourceQuantity: kg(5),
    });
    const forgedOffer = await raw.sendOk(room, 'org.imago.vf.proposal', {
      purpose: 'offer',
      name: 'Free flour',
      proposer: space,
      unitBased: false,
      publishes: [{ action: 'transfer', provider: space, resourceConformsTo: 'flour' }],
      reciprocal: [],
    });
    // Only power 100 redacts in the decisions room: the homeserver refuses Mallory.
    expect((await raw.redact(room, raise)).status).toBe(403);

    for (const replay of [await fresh(), await live(forgedOffer)]) {
      const flour = replay.ledger.resources.get('flour');
      expect(flour?.onhandQuantity).toEqual(kg(18));
      expect(flour?.primaryAccountable).toBe(space);
      expect(replay.ledger.resources.has('loot')).toBe(false);
      expect(replay.ledger.events.get(raise)?.correctedBy).toBeUndefined();
      expect(replay.ledger.resources.get('bran')?.primaryAccountable).toBe(mallory.userId);
      expect(replay.proposals).toEqual([]);
      expect(replay.warnings.map((w) => [w.eventId, w.code, w.reason, w.path])).toEqual([
        [forgedTransfer, 'unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.provider'],
        [forgedCorrection, 'unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.receiver'],
        [forgedReceipt, 'unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.receiver'],
        [forgedPerson, 'unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.provider'],
        [theft, 'rejected', 'VF_WRONG_RECEIVER', undefined],
        [unmapped, 'malformed-content', 'unmapped-agent', 'content.provider'],
        [forgedOffer, 'unauthorised', 'not-proposer', 'content.proposer'],
      ]);
    }
  });

  it('a redaction of a ledger entry by the authority is reported in every replay', async () => {
    const space = group.spaceId;
    const spend = await recordEconomicEvent(bo.client, room, {
      action: 'consume',
      provider: space,
      receiver: space,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(1),
    });
    await ana.client.redactEvent(room, spend);
    const marker = await recordEconomicEvent(ana.client, room, {
      action: 'consume',
      provider: space,
      receiver: space,
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(3),
    });
    for (const replay of [await fresh(), await live(marker)]) {
      expect(replay.ledger.resources.get('flour')?.onhandQuantity).toEqual(kg(15));
      expect(replay.warnings.filter((w) => w.eventId === spend).map((w) => [w.code, w.reason])).toEqual([
        ['settled-evidence-redacted', 'ledger-entry'],
      ]);
    }
  });
});
