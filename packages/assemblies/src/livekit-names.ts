/**
 * @module
 * How MatrixRTC names map to LiveKit (MSC4195, "Mapping MatrixRTC members to LiveKit"): the
 * LiveKit room of a slot is pseudonymous, the unpadded base64 of SHA-256 over the canonical JSON
 * of `[room_id, slot_id]`; a participant's identity is `user_id:device_id`, as Element Call's
 * session memberships use it, so every member can tell whose tile is whose.
 */

/** The slot of a room-wide call (Element Call's `m.call` application with the room slot). */
export const ROOM_SLOT_ID = 'm.call#ROOM';

function unpaddedBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '');
}

/**
 * The LiveKit room name of a MatrixRTC slot.
 *
 * @param roomId - the Matrix room.
 * @param slotId - the slot (default {@link ROOM_SLOT_ID}).
 * @returns `Base64(SHA256(Canonicalize([room_id, slot_id])))`.
 * @example
 * ```ts
 * await livekitRoomName('!debate:example.org'); // "…" (43 characters)
 * ```
 */
export async function livekitRoomName(roomId: string, slotId: string = ROOM_SLOT_ID): Promise<string> {
  // Canonical JSON of an array of two strings is what JSON.stringify writes (no spaces; no
  // escapes beyond those canonical JSON requires).
  const canonical = JSON.stringify([roomId, slotId]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return unpaddedBase64(new Uint8Array(digest));
}

/**
 * The LiveKit identity of a member's device.
 *
 * @param userId - the Matrix user.
 * @param deviceId - the device.
 * @returns `user_id:device_id`.
 */
export function participantIdentity(userId: string, deviceId: string): string {
  return `${userId}:${deviceId}`;
}

/**
 * The Matrix user of a LiveKit identity made by {@link participantIdentity}.
 *
 * @param identity - the participant identity.
 * @returns the user id, or `undefined` when the identity is not of that form.
 */
export function userOfIdentity(identity: string): string | undefined {
  const cut = identity.lastIndexOf(':');
  const userId = cut > 0 ? identity.slice(0, cut) : '';
  return /^@[^:\s]+:[^\s]+$/.test(userId) ? userId : undefined;
}
