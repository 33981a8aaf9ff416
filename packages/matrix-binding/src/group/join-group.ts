/**
 * @module
 * Joining a group on Matrix: its space, then the rooms chosen. Thin I/O over `MatrixClient.joinRoom`.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';
import type { CreatedGroup } from './create-group';
import type { GroupRoomRole } from './group-power-levels';

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
  const join = async (roomId: string) => {
    try {
      await client.joinRoom(roomId, { viaServers: [...group.via] });
    } catch (cause) {
      throw new HomeserverError('join', `could not join ${roomId}`, { cause });
    }
  };
  await join(group.spaceId);
  for (const role of roles) {
    const roomId = group.rooms[role];
    if (roomId) await join(roomId);
  }
}
