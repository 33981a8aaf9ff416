/**
 * @module
 * Asks an RTC authorisation service for a LiveKit token (MSC4195 `get_token` semantics, the
 * request Element Call sends to lk-jwt-service).
 */
import type { OpenIdToken } from '@imago/matrix-binding';
import { MediaUnavailableError } from '../errors/media-unavailable-error';
import { ROOM_SLOT_ID } from '../livekit-names';

/** Who asks for media, and where. */
export interface MediaTokenRequest {
  /** The `livekit_service_url` of the homeserver's advertised transport. */
  readonly serviceUrl: string;
  readonly roomId: string;
  /** The slot (default {@link ROOM_SLOT_ID}). */
  readonly slotId?: string;
  readonly openIdToken: OpenIdToken;
  readonly userId: string;
  readonly deviceId: string;
  /** The member's MatrixRTC membership id (default `user_id:device_id`). */
  readonly memberId?: string;
}

/**
 * Requests a LiveKit token.
 *
 * @param request - the service, room, OpenID token and member.
 * @param fetchImpl - the fetch to use (default: the global one).
 * @returns the SFU's URL and the token.
 * @throws {@link MediaUnavailableError} when the service refuses (`refused:<M_ERRCODE>`) or
 *   cannot be reached (`unreachable`).
 */
export async function requestMediaToken(
  request: MediaTokenRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<{ url: string; jwt: string }> {
  let response: Response;
  try {
    response = await fetchImpl(`${request.serviceUrl.replace(/\/$/, '')}/get_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        room_id: request.roomId,
        slot_id: request.slotId ?? ROOM_SLOT_ID,
        openid_token: request.openIdToken,
        member: {
          id: request.memberId ?? `${request.userId}:${request.deviceId}`,
          claimed_user_id: request.userId,
          claimed_device_id: request.deviceId,
        },
      }),
    });
  } catch (cause) {
    throw new MediaUnavailableError('unreachable', 'the RTC authorisation service could not be reached', {
      cause,
    });
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.jwt !== 'string' || typeof body.url !== 'string') {
    const errcode = typeof body.errcode === 'string' ? body.errcode : `HTTP_${response.status}`;
    throw new MediaUnavailableError(`refused:${errcode}`, 'the RTC authorisation service refused');
  }
  return { url: body.url, jwt: body.jwt };
}
