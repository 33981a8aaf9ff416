/**
 * @module
 * The Matrix side of MatrixRTC media authorisation (MSC4143 transports, MSC4195 `get_token`
 * semantics): a client discovers the homeserver's RTC transports and asks it for an OpenID token;
 * the authorisation service checks that token with the homeserver's federation
 * `openid/userinfo` endpoint (which names the user) and the user's membership of the room, before
 * issuing a media token.
 */
import { type MatrixClient, Method } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';

/** A MatrixRTC transport advertised by the homeserver (e.g. `{ type: 'livekit', livekit_service_url }`). */
export interface AdvertisedTransport {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** An OpenID token of the Matrix specification (client-server API, "OpenID"). */
export interface OpenIdToken {
  readonly access_token: string;
  readonly token_type: string;
  readonly matrix_server_name: string;
  readonly expires_in: number;
}

/**
 * The RTC transports the homeserver advertises (MSC4143 `GET …/org.matrix.msc4143/rtc/transports`).
 *
 * @param client - a logged-in client.
 * @returns the transports (empty when the homeserver advertises none or lacks the endpoint).
 * @throws {@link HomeserverError} when the homeserver fails otherwise.
 */
export async function rtcTransports(client: MatrixClient): Promise<AdvertisedTransport[]> {
  try {
    const response = await client.http.authedRequest<{ rtc_transports?: unknown }>(
      Method.Get,
      '/org.matrix.msc4143/rtc/transports',
      undefined,
      undefined,
      { prefix: '/_matrix/client/unstable' },
    );
    const list = Array.isArray(response.rtc_transports) ? response.rtc_transports : [];
    return list.filter(
      (item): item is AdvertisedTransport =>
        typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string',
    );
  } catch (cause) {
    const status = (cause as { httpStatus?: number }).httpStatus;
    if (status === 404 || status === 400) return [];
    throw new HomeserverError('rtc-transports', 'could not read the RTC transports', { cause });
  }
}

/**
 * Asks the homeserver for an OpenID token proving the user's identity to a third party.
 *
 * @param client - a logged-in client.
 * @returns the token.
 * @throws {@link HomeserverError} when refused.
 */
export async function requestOpenIdToken(client: MatrixClient): Promise<OpenIdToken> {
  try {
    return await client.getOpenIdToken();
  } catch (cause) {
    throw new HomeserverError('openid', 'could not obtain an OpenID token', { cause });
  }
}

/** Why an OpenID token was not accepted (stable codes). */
export type OpenIdRejection =
  /** The token's server is not one this service trusts (no base URL for it). */
  | 'unknown-server'
  /** The homeserver does not know the token (expired, forged). */
  | 'invalid-token'
  /** The homeserver named a user of another server. */
  | 'server-mismatch'
  /** The homeserver could not be asked. */
  | 'unreachable';

/** What {@link verifyOpenIdToken} found. */
export type OpenIdVerification =
  | { readonly ok: true; readonly userId: string }
  | { readonly ok: false; readonly reason: OpenIdRejection };

/**
 * Checks an OpenID token with its homeserver (`GET /_matrix/federation/v1/openid/userinfo`).
 *
 * @param token - the token as given by the client (untrusted).
 * @param federationUrl - the federation base URL of a server name this service trusts
 *   (`undefined`: not trusted). Resolving arbitrary server names is left to the caller.
 * @param fetchImpl - the fetch to use (default: the global one).
 * @returns the user the homeserver vouches for, or why not.
 */
export async function verifyOpenIdToken(
  token: Pick<OpenIdToken, 'access_token' | 'matrix_server_name'>,
  federationUrl: (serverName: string) => string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<OpenIdVerification> {
  const base = federationUrl(token.matrix_server_name);
  if (base === undefined) return { ok: false, reason: 'unknown-server' };
  const url = `${base.replace(/\/$/, '')}/_matrix/federation/v1/openid/userinfo?access_token=${encodeURIComponent(token.access_token)}`;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: 'application/json' } });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'invalid-token' };
  if (!response.ok) return { ok: false, reason: 'unreachable' };
  const body = (await response.json().catch(() => undefined)) as { sub?: unknown } | undefined;
  const userId = body?.sub;
  if (typeof userId !== 'string' || !/^@[^:\s]+:[^\s]+$/.test(userId))
    return { ok: false, reason: 'invalid-token' };
  if (userId.slice(userId.indexOf(':') + 1) !== token.matrix_server_name)
    return { ok: false, reason: 'server-mismatch' };
  return { ok: true, userId };
}

/**
 * Whether a user is joined to a room, as the client's room state says.
 *
 * @param client - a syncing client joined to the room.
 * @param roomId - the room.
 * @param userId - the user.
 * @returns `true` when the user's membership is `join`.
 */
export function isJoined(client: MatrixClient, roomId: string, userId: string): boolean {
  return client.getRoom(roomId)?.getMember(userId)?.membership === 'join';
}
