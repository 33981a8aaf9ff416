/**
 * Publishing a group for readers on other servers: its space in the server's public directory,
 * its card in the announcing room's `m.space.child` (what a hierarchy shows without joining).
 *
 * @module
 */
import { type MatrixClient, Visibility } from 'matrix-js-sdk';
import { announcingRooms } from '../announcements/announcement-origin';
import { sendState } from '../client/send';
import { HomeserverError } from '../errors/homeserver-error';
import { MatrixEventTypes } from '../events/event-types';
import { readGroup } from '../group/read-group';
import { cardOf, GROUP_CARD_KEY, groupCardContent } from './group-card';

/**
 * Lists (or unlists) a group's space in its server's public room directory, so that other servers
 * find it with `discoverGroups`. The server's `room_list_publication_rules` decide who may.
 *
 * @param client - a client with the right to publish the space (its authority).
 * @param spaceId - the group's space.
 * @param listed - `false` to remove it from the directory.
 * @throws {@link HomeserverError} (operation `publish-directory`) when refused.
 */
export async function listGroupInDirectory(
  client: MatrixClient,
  spaceId: string,
  listed = true,
): Promise<void> {
  try {
    await client.setRoomDirectoryVisibility(spaceId, listed ? Visibility.Public : Visibility.Private);
  } catch (cause) {
    throw new HomeserverError('publish-directory', `cannot list ${spaceId} in the directory`, { cause });
  }
}

/**
 * Writes the group's card (its profile, pin and relations as the space's state has them) into the
 * `m.space.child` of its announcing room, for servers that are not in the space. The authority
 * calls it after the profile, the authority or a relation changed (`createGroup` writes the first).
 *
 * @param client - a client with power 100 in the space (the group's authority).
 * @param spaceId - the group's space.
 * @returns the event id of the new `m.space.child`, or `undefined` when the group has no profile,
 *   no pin or no announcing room.
 * @throws {@link HomeserverError} when reading or writing is refused.
 */
export async function publishGroupCard(client: MatrixClient, spaceId: string): Promise<string | undefined> {
  const view = await readGroup(client, spaceId);
  const card = cardOf(view);
  const room = announcingRooms(view)[0];
  if (card === undefined || room === undefined) return undefined;
  let current: Record<string, unknown>;
  try {
    current = (await client.getStateEvent(spaceId, MatrixEventTypes.spaceChild, room)) as Record<
      string,
      unknown
    >;
  } catch (cause) {
    throw new HomeserverError('read-state', `cannot read the link to ${room}`, { cause });
  }
  return sendState(client, spaceId, MatrixEventTypes.spaceChild, room, {
    ...current,
    [GROUP_CARD_KEY]: groupCardContent(card),
  });
}
