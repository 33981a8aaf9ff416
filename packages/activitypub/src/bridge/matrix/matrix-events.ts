/**
 * @module
 * The events of an application service transaction, each to its stage: an invitation of the bot,
 * a proposal or announcement to publish, or a change that may change a group's publication or
 * settle a decision (governance, polls, power levels, encryption, the group's profile). The
 * bridge's own events and its ghosts' are not read back.
 */
import { ImagoEventTypes, ResourceEventTypes } from '@imago/matrix-binding';
import type { BridgeParts } from '../bridge-parts';
import { serverOf } from './group-rooms';
import { syncGroup } from './group-sync';
import { answerInvitation } from './invitation';
import { publishEvent } from './published-events';

/**
 * Handles one event of a transaction.
 *
 * @param parts - the bridge.
 * @param event - the event as the homeserver sent it.
 * @returns when it is handled (events of a room are handed over one at a time, in order).
 */
export async function routeMatrixEvent(parts: BridgeParts, event: Record<string, unknown>): Promise<void> {
  const { botUserId } = parts.options;
  const { room_id: roomId, type, sender, state_key: stateKey } = event;
  if (typeof roomId !== 'string' || typeof type !== 'string' || typeof sender !== 'string') return;
  if (
    type === 'm.room.member' &&
    stateKey === botUserId &&
    (event.content as { membership?: unknown } | undefined)?.membership === 'invite'
  ) {
    await answerInvitation(parts, roomId, [serverOf(sender) ?? ''].filter(Boolean), event);
    return;
  }
  if (sender === botUserId || parts.ghosts.isGhost(sender)) return;
  const spaceId = (await parts.store.spaceOfRoom(roomId)) ?? roomId;
  if (type === ResourceEventTypes.proposal || type === ImagoEventTypes.announcement) {
    await publishEvent(parts, spaceId, roomId, event);
    return;
  }
  if (
    type.startsWith('org.imago.governance.') ||
    type.startsWith('org.matrix.msc3381.poll.') ||
    type === 'm.room.power_levels' ||
    type === 'm.room.encryption' ||
    type === 'org.imago.group'
  ) {
    await syncGroup(parts, spaceId);
  }
}
