/**
 * @module
 * Joining a group on Matrix: its space, then the rooms chosen. Thin I/O over `MatrixClient.joinRoom`.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';
import type { CreatedGroup } from './create-group';
import type { GroupRoomRole } from './group-power-levels';
import { type GroupView, groupRoom } from './group-view';
import { readGroup } from './read-group';

/**
 * Joins a group: its space, then the given rooms (restricted rooms admit members of the space).
 *
 * @param client - the joining user's client.
 * @param group - the group's space and rooms.
 * @param roles - which rooms to join (default: all).
 * @throws {@link HomeserverError} (operation `join`).
 */
export async function joinGroup(
  client: MatrixClient,
  group: Pick<CreatedGroup, 'spaceId' | 'via' | 'rooms'>,
  roles: readonly GroupRoomRole[] = Object.keys(group.rooms) as GroupRoomRole[],
): Promise<void> {
  await joinThrough(client, group.spaceId, group.via);
  for (const role of roles) {
    const roomId = group.rooms[role];
    if (roomId) await joinThrough(client, roomId, group.via);
  }
}

async function joinThrough(client: MatrixClient, roomId: string, via: readonly string[]): Promise<void> {
  try {
    await client.joinRoom(roomId, { viaServers: [...via] });
  } catch (cause) {
    throw new HomeserverError('join', `could not join ${roomId}`, { cause });
  }
}

/** The rooms a member joins by default: every role but the space itself. */
const MEMBER_ROOMS: readonly GroupRoomRole[] = ['chat', 'decisions', 'announcements', 'debate'];

/**
 * Joins a group known by its space alone (an invitation, a link): the space, then the rooms its
 * state names — the decisions room from the group's pin, never a space child someone added as a
 * decoy; the other rooms as {@link groupRoom} finds them. A role the group has no room for is
 * skipped.
 *
 * @param client - the joining user's client.
 * @param spaceId - the group's space.
 * @param options - `via`: servers to join the space through (needed for a room on another
 *   homeserver that this one does not know yet); `roles`: which rooms to join (default: chat,
 *   decisions, announcements, debate).
 * @returns the group as read once joined.
 * @throws {@link HomeserverError} (operation `join`, or `read-state` when its state cannot be read).
 */
export async function joinGroupBySpace(
  client: MatrixClient,
  spaceId: string,
  options: { readonly via?: readonly string[]; readonly roles?: readonly GroupRoomRole[] } = {},
): Promise<GroupView> {
  const via = options.via ?? [];
  await joinThrough(client, spaceId, via);
  // Read from the homeserver once joined: sync may not have brought the space's state yet.
  const group = await readGroup(client, spaceId);
  const roles = options.roles ?? MEMBER_ROOMS;
  for (const role of roles) {
    const roomId = groupRoom(group, role);
    if (roomId) await joinThrough(client, roomId, via);
  }
  return group;
}
