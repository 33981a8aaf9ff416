/**
 * @module
 * The MatrixRTC session of a debate room (MSC4143, as Element Call uses it), read and joined
 * through matrix-js-sdk's `MatrixRTCSession`. Media needs an SFU and is out of scope: joining
 * publishes the membership (so raised hands and the floor are tied to session participants), with
 * the transport the application gives.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { SessionMembership } from './speaking-queue';

/** matrix-js-sdk's `MatrixRTCSession` of a room. */
export type MatrixRTCSession = ReturnType<MatrixClient['matrixRTC']['getRoomSession']>;

/** A MatrixRTC transport (e.g. `{ type: 'livekit', livekit_service_url, livekit_alias }`). */
export interface RtcTransport {
  readonly type: string;
  readonly [key: string]: unknown;
}

function sessionOf(client: MatrixClient, roomId: string): MatrixRTCSession {
  const room = client.getRoom(roomId);
  if (!room)
    throw new InvalidArgumentError(`the client does not know room ${roomId} (join it and sync first)`);
  return client.matrixRTC.getRoomSession(room);
}

/**
 * The current memberships of a room's MatrixRTC session.
 *
 * @param client - a syncing client in the room.
 * @param roomId - the debate room.
 * @returns each participant's membership event id and user id.
 * @throws {@link InvalidArgumentError} when the client does not know the room.
 */
export function sessionMemberships(client: MatrixClient, roomId: string): SessionMembership[] {
  return sessionOf(client, roomId).memberships.map((membership) => ({
    eventId: membership.eventId,
    userId: membership.sender,
  }));
}

/**
 * Joins the room's MatrixRTC session (publishes this device's membership).
 *
 * @param client - a syncing client in the room.
 * @param roomId - the debate room.
 * @param transport - the media transport to advertise (default: a LiveKit transport without URL,
 *   enough for the speaking-queue protocol; give a real SFU for media).
 * @returns the session (call `leaveRoomSession()` to leave).
 * @throws {@link InvalidArgumentError} when the client does not know the room.
 */
export function joinDebateSession(
  client: MatrixClient,
  roomId: string,
  transport?: RtcTransport,
): MatrixRTCSession {
  const session = sessionOf(client, roomId);
  session.joinRoomSession([
    { ...(transport ?? { type: 'livekit', livekit_service_url: '', livekit_alias: roomId }) },
  ]);
  return session;
}

/**
 * Waits until the session's memberships satisfy a condition.
 *
 * @param client - a syncing client in the room.
 * @param roomId - the debate room.
 * @param predicate - the condition on the memberships.
 * @param timeoutMs - how long to wait (default 20 s).
 * @returns the memberships.
 * @throws {@link InvalidArgumentError} on timeout or for an unknown room.
 */
export async function waitForMemberships(
  client: MatrixClient,
  roomId: string,
  predicate: (memberships: SessionMembership[]) => boolean,
  timeoutMs = 20_000,
): Promise<SessionMembership[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const memberships = sessionMemberships(client, roomId);
    if (predicate(memberships)) return memberships;
    if (Date.now() > deadline)
      throw new InvalidArgumentError(`session memberships of ${roomId} not reached in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
