/**
 * @module
 * A group's publication, recomputed from its rooms whenever something that decides it changes:
 * published under the handle its adopted decision names, renamed, or withdrawn (its decision
 * revoked, or a room turned end-to-end encrypted); and the decisions the bridge waits for,
 * answered once they settle.
 */
import { PUBLIC_COLLECTION } from '@fedify/fedify/vocab';
import { groupRoom } from '@imago/matrix-binding';
import { readPublication } from '../../vocabulary/action-kinds';
import { describeError } from '../bridge-log';
import type { BridgeParts } from '../bridge-parts';
import type { GroupRecord } from '../bridge-store';
import { settlePending } from '../decisions/settle-pending';
import { encryptedRoom, namesParent, readGroup, replayDecisionsRoom, serverOf } from './group-rooms';

/**
 * Recomputes a group's publication and the decisions the bridge waits for, from the group's
 * rooms: publishes or withdraws the group, answers followers and agreement offers whose
 * decision has settled, and closes decisions whose period has ended.
 *
 * @param parts - the bridge.
 * @param spaceId - the group's space.
 * @returns when the group's records follow its rooms.
 */
export async function syncGroup(parts: BridgeParts, spaceId: string): Promise<void> {
  const { store, log } = parts;
  const view = await readGroup(parts.bot, spaceId);
  if (view.profile === undefined) return;
  const decisionsRoom = groupRoom(view, 'decisions');
  if (decisionsRoom === undefined) return;
  // The pin is the space's claim: another group's decisions room would carry that group's decisions.
  if (!(await namesParent(parts.bot, decisionsRoom, spaceId))) {
    log('warn', 'room-not-of-group', { roomId: decisionsRoom, spaceId });
    return;
  }
  const replay = await replayDecisionsRoom(parts.bot, decisionsRoom);
  const publication = readPublication(replay.state.decisions.values(), replay.state.provisional);
  const existing = await store.groupOfSpace(spaceId);
  // An end-to-end encrypted room never has its messages leave in clear: such a group is not
  // shown on the fediverse (and is withdrawn when one of its rooms turns encryption on).
  const encrypted = publication === undefined ? undefined : await encryptedRoom(parts.bot, view, spaceId);
  if (encrypted !== undefined)
    log('warn', 'group-encrypted', { spaceId, roomId: encrypted, handle: publication?.handle });
  if (publication === undefined || encrypted !== undefined) {
    if (existing !== undefined) await withdrawGroup(parts, existing, encrypted ? 'encrypted' : 'decision');
    return;
  }
  const taken = await store.group(publication.handle);
  if (taken !== undefined && taken.spaceId !== spaceId) {
    log('warn', 'handle-taken', { spaceId, handle: publication.handle });
    return;
  }
  const chat = groupRoom(view, 'chat');
  const announcements = groupRoom(view, 'announcements');
  const record: GroupRecord = {
    handle: publication.handle,
    spaceId,
    via: [serverOf(spaceId) ?? ''].filter(Boolean),
    ...(chat ? { chat } : {}),
    decisions: decisionsRoom,
    ...(announcements ? { announcements } : {}),
    followers: publication.followers,
    decision: publication.decision,
  };
  if (existing?.handle !== record.handle || existing.followers !== record.followers) {
    if (existing !== undefined && existing.handle !== record.handle)
      await withdrawGroup(parts, existing, 'renamed');
    if (existing?.handle === record.handle) await store.saveGroup(record);
    else await store.startGroup(record);
    log('info', 'group-published', { spaceId, handle: record.handle, followers: record.followers });
  }
  for (const pending of await store.pendingOf(record.handle)) {
    const decision = replay.state.decisions.get(pending.decision);
    // A settlement still provisional (approvals before the deadline) waits for the authority's close.
    if (decision === undefined || replay.state.provisional.has(decision.id)) continue;
    if (
      decision.status === 'adopted' ||
      decision.status === 'rejected' ||
      decision.status === 'expired' ||
      decision.status === 'withdrawn'
    ) {
      await settlePending(parts, record, pending, decision.status === 'adopted', decisionsRoom);
    }
    // Open decisions settle when the group's authority closes them (or on approvals): the
    // event reaches the bridge in a transaction and brings it back here.
  }
}

/**
 * Withdraws a group from the fediverse: its followers are told first (`Delete` of the actor,
 * signed with its key while its actor document can still be fetched to check it; each delivery
 * has its deadline), then its keys, followers, proposals and awaited decisions are deleted and a
 * tombstone answers for its actor (410), so a later group under the same handle inherits none.
 */
async function withdrawGroup(parts: BridgeParts, group: GroupRecord, reason: string): Promise<void> {
  const actor = parts.iris.actor(group.handle);
  if ((await parts.store.keys(group.handle)) !== undefined) {
    await parts.outbox
      .sendNow(group.handle, {
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${actor}#delete-${crypto.randomUUID()}`,
        type: 'Delete',
        actor,
        object: actor,
        to: [PUBLIC_COLLECTION.href],
        cc: [parts.iris.followers(group.handle)],
      })
      .catch((error: unknown) => parts.log('warn', 'delivery-failed', { actor, ...describeError(error) }));
  }
  await parts.store.withdrawGroup(group, new Date().toISOString());
  parts.log('info', 'group-withdrawn', { spaceId: group.spaceId, handle: group.handle, reason });
}
