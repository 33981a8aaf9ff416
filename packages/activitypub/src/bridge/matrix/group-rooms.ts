/**
 * @module
 * What the bridge reads of a group on Matrix, as its bot: the space's state (the group's view),
 * the replayed decisions room, who speaks for the group, and whether a room is encrypted.
 */
import {
  appendToRoomLog,
  emptyRoomLog,
  fetchRoomHistory,
  fetchRoomState,
  type GroupView,
  groupFromState,
  groupRoom,
  replayDecisions,
} from '@imago/matrix-binding';
import type { MatrixClient } from './appservice-client';

/**
 * The group whose space this is, from the space's current state.
 *
 * @param bot - the bridge's bot (a member of the space).
 * @param spaceId - the group's space.
 * @returns the group's view.
 */
export async function readGroup(bot: MatrixClient, spaceId: string): Promise<GroupView> {
  return groupFromState(spaceId, await fetchRoomState(bot, spaceId));
}

/**
 * A room's whole history, as a room log.
 *
 * @param bot - the bridge's bot (a member of the room).
 * @param roomId - the room.
 * @returns its log.
 */
export async function readRoomLog(bot: MatrixClient, roomId: string) {
  return appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(bot, roomId));
}

/**
 * The decisions of a decisions room, replayed from its whole history.
 *
 * @param bot - the bridge's bot (a member of the room).
 * @param roomId - the group's decisions room.
 * @returns the replay.
 */
export async function replayDecisionsRoom(bot: MatrixClient, roomId: string) {
  return replayDecisions(await readRoomLog(bot, roomId));
}

/**
 * Members with power to speak for the group in its space: moderators and administrators.
 *
 * @param view - the group.
 * @returns their user ids.
 */
export function moderatorsOf(view: GroupView): string[] {
  return view.members.filter((m) => m.role === 'moderator' || m.role === 'admin').map((m) => m.userId);
}

/**
 * The server name of a Matrix id (`@user:server`, `!room:server`).
 *
 * @param id - the id.
 * @returns what follows its first colon, or `undefined`.
 */
export function serverOf(id: string): string | undefined {
  const colon = id.indexOf(':');
  return colon < 0 ? undefined : id.slice(colon + 1);
}

/**
 * Whether a room names a space as its parent, in its own state (`m.space.parent`, which only the
 * room's administrators write). A space's `m.space.child` or pin is the space's claim alone: any
 * account can found a space that lists another group's rooms.
 *
 * @param bot - the bridge's bot (a member of the room).
 * @param roomId - the room.
 * @param spaceId - the space it should belong to.
 * @returns `true` when the room names the space, with servers to reach it through.
 */
export async function namesParent(bot: MatrixClient, roomId: string, spaceId: string): Promise<boolean> {
  const state = await fetchRoomState(bot, roomId);
  return state.some((event) => {
    const via = (event.content as { via?: unknown } | undefined)?.via;
    return (
      event.type === 'm.space.parent' && event.state_key === spaceId && Array.isArray(via) && via.length > 0
    );
  });
}

/**
 * The first of the group's rooms (its space included) that is end-to-end encrypted.
 *
 * @param bot - the bridge's bot.
 * @param view - the group.
 * @param spaceId - its space.
 * @returns the room, or `undefined` when none is.
 */
export async function encryptedRoom(
  bot: MatrixClient,
  view: GroupView,
  spaceId: string,
): Promise<string | undefined> {
  const rooms = [
    spaceId,
    ...(['chat', 'decisions', 'announcements'] as const).map((role) => groupRoom(view, role)),
  ];
  for (const roomId of new Set(rooms)) {
    if (roomId === undefined) continue;
    const state = await fetchRoomState(bot, roomId);
    if (state.some((e) => e.type === 'm.room.encryption')) return roomId;
  }
  return undefined;
}
