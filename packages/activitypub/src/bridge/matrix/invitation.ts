/**
 * @module
 * The bot's answer to an invitation. Only an Imago group's space is entered (joined, then left
 * again if its state shows no valid `org.imago.group`), and the group's own `chat`, `decisions`
 * and `announcements` rooms, which its space lists. An invitation to another room is left
 * pending (the room is joined when the space that lists it is), so a room that claims a group's
 * space as its parent gets nothing. The other way round, a room a space lists is the group's only
 * when it names the space as its parent: a space that lists another group's rooms takes nothing
 * of that group.
 */
import { fetchRoomState, groupFromState, joinRoom, leaveRoom } from '@imago/matrix-binding';
import { describeError } from '../bridge-log';
import type { BridgeParts } from '../bridge-parts';
import { namesParent } from './group-rooms';
import { syncGroup } from './group-sync';

/**
 * Answers an invitation of the bot.
 *
 * @param parts - the bridge.
 * @param roomId - the room the bot is invited to.
 * @param via - servers to join through (the inviter's).
 * @param invite - the invitation event (its stripped state tells a space from a room).
 * @returns when the bot has joined (and synced the group), left, or let the invitation wait.
 */
export async function answerInvitation(
  parts: BridgeParts,
  roomId: string,
  via: readonly string[],
  invite: Record<string, unknown>,
): Promise<void> {
  const { bot, store, log } = parts;
  const known = await store.spaceOfRoom(roomId);
  if (known !== undefined) {
    await joinRoom(bot, roomId, via);
    if (!(await namesParent(bot, roomId, known))) {
      log('warn', 'room-not-of-group', { roomId, spaceId: known });
      return;
    }
    log('info', 'joined-room', { roomId, spaceId: known });
    await syncGroup(parts, known).catch(() => undefined);
    return;
  }
  const stripped = (invite.unsigned as { invite_room_state?: unknown } | undefined)?.invite_room_state;
  const create = Array.isArray(stripped)
    ? (stripped as { type?: unknown; content?: { type?: unknown } }[]).find(
        (e) => e?.type === 'm.room.create',
      )
    : undefined;
  if (create !== undefined && create.content?.type !== 'm.space') {
    log('info', 'invite-pending', { roomId, reason: 'not a space the bot knows' });
    return;
  }
  await joinRoom(bot, roomId, via);
  const state = await fetchRoomState(bot, roomId);
  const isSpace =
    (state.find((e) => e.type === 'm.room.create')?.content as { type?: unknown } | undefined)?.type ===
    'm.space';
  const view = isSpace ? groupFromState(roomId, state) : undefined;
  if (view?.profile === undefined) {
    await leaveRoom(bot, roomId);
    log('warn', 'left-room', { roomId, reason: isSpace ? 'not an Imago group' : 'not a space' });
    return;
  }
  for (const child of view.children) {
    if (child.role !== 'chat' && child.role !== 'decisions' && child.role !== 'announcements') continue;
    await enterChildRoom(parts, roomId, child.roomId, child.via);
  }
  log('info', 'joined-group', { spaceId: roomId, name: view.profile.name });
  await syncGroup(parts, roomId);
}

/**
 * Joins a room the group's space lists, and takes it as the group's when the room names the space
 * as its parent. A room the bot cannot join yet is noted as the space's unless another space
 * claimed it first; the claim is checked when the bot is invited to it.
 */
async function enterChildRoom(
  parts: BridgeParts,
  spaceId: string,
  roomId: string,
  via: readonly string[],
): Promise<void> {
  const { bot, store, log } = parts;
  try {
    await joinRoom(bot, roomId, via);
  } catch (error) {
    log('info', 'child-room-not-joined', { roomId, ...describeError(error) });
    if ((await store.spaceOfRoom(roomId)) === undefined) await store.setSpaceOfRoom(roomId, spaceId);
    return;
  }
  if (await namesParent(bot, roomId, spaceId)) await store.setSpaceOfRoom(roomId, spaceId);
  else log('warn', 'room-not-of-group', { roomId, spaceId });
}
