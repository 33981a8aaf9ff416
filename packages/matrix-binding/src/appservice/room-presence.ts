/**
 * @module
 * Entering rooms as a service and its users: joining a room one was invited to (or leaving it), bringing a user
 * of the service into a room (invite, then join, so it works in invite-only rooms), setting a
 * display name. Thin I/O over `MatrixClient`.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';

/**
 * Leaves a room, or declines an invitation to it.
 *
 * @param client - the leaving user's client.
 * @param roomId - the room.
 * @throws {@link HomeserverError} (operation `leave`).
 */
export async function leaveRoom(client: MatrixClient, roomId: string): Promise<void> {
  try {
    await client.leave(roomId);
  } catch (cause) {
    throw new HomeserverError('leave', `could not leave ${roomId}`, { cause });
  }
}

/**
 * Joins a room (after an invitation, or a public one).
 *
 * @param client - the joining user's client.
 * @param roomId - the room.
 * @param via - servers to join through (needed for a room on another homeserver).
 * @throws {@link HomeserverError} (operation `join`).
 */
export async function joinRoom(
  client: MatrixClient,
  roomId: string,
  via: readonly string[] = [],
): Promise<void> {
  try {
    await client.joinRoom(roomId, { viaServers: [...via] });
  } catch (cause) {
    throw new HomeserverError('join', `could not join ${roomId}`, { cause });
  }
}

/**
 * Brings a user into a room: `inviter` invites them (ignored if they are invited or joined
 * already), then they join.
 *
 * @param inviter - a member's client (e.g. the bridge's bot).
 * @param invitee - the client of the user who enters (e.g. a ghost user).
 * @param roomId - the room.
 * @param via - servers to join through.
 * @throws {@link HomeserverError} (operation `join`) when the join is refused.
 */
export async function admitToRoom(
  inviter: MatrixClient,
  invitee: MatrixClient,
  roomId: string,
  via: readonly string[] = [],
): Promise<void> {
  try {
    await inviter.invite(roomId, invitee.getSafeUserId());
  } catch {
    // Already invited or joined, or a public room where inviting is not needed: the join decides.
  }
  await joinRoom(invitee, roomId, via);
}

/**
 * Sets the user's display name.
 *
 * @param client - the user's client.
 * @param name - the display name.
 * @throws {@link HomeserverError} (operation `profile`).
 */
export async function setDisplayName(client: MatrixClient, name: string): Promise<void> {
  try {
    await client.setDisplayName(name);
  } catch (cause) {
    throw new HomeserverError('profile', `could not set the display name of ${client.getUserId()}`, {
      cause,
    });
  }
}
