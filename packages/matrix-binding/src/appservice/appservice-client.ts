/**
 * @module
 * Acting as an application service (Matrix client-server API, "Application Services" section):
 * clients that authenticate with the service's `as_token` and name the user they act for with the
 * `user_id` query parameter (identity assertion), and the registration of the users in the
 * service's exclusive namespace (`m.login.application_service`). Bridges use these to speak for
 * their ghost users; no password or device is involved.
 */
import { createClient, type MatrixClient } from 'matrix-js-sdk';
import type { CreateImagoClientOptions } from '../client/create-client';
import { quietMatrixLogger } from '../client/matrix-logger';
import { HomeserverError } from '../errors/homeserver-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';

/** What an application service needs to act for one of its users. */
export interface AppserviceIdentity {
  /** Client-server API base URL of the homeserver the service is registered with. */
  readonly baseUrl: string;
  /** The service's `as_token` (from its registration file). */
  readonly asToken: string;
  /** The user to act as: the service's sender or a user of its exclusive namespace. */
  readonly userId: string;
  /** Where matrix-js-sdk's messages go; default: {@link quietMatrixLogger} (see {@link createImagoClient}). */
  readonly logger?: CreateImagoClientOptions['logger'];
}

const USER_ID = /^@[a-z0-9._=/+-]+:[A-Za-z0-9.:[\]-]+$/;

/**
 * Makes a `matrix-js-sdk` client that acts as `userId` through the application service's token
 * (every request carries `?user_id=`). Not syncing: application services receive events by
 * transactions, not by `/sync`.
 *
 * @param identity - homeserver, `as_token` and the user to act as.
 * @returns the client.
 * @throws {@link InvalidArgumentError} when `userId` is not a user id.
 * @example
 * ```ts
 * const bot = createAppserviceClient({ baseUrl, asToken, userId: '@_ap_bridge:example.org' });
 * await bot.joinRoom(roomId);
 * ```
 */
export function createAppserviceClient(identity: AppserviceIdentity): MatrixClient {
  if (!USER_ID.test(identity.userId)) {
    throw new InvalidArgumentError(`userId: not a Matrix user id: ${identity.userId}`);
  }
  return createClient({
    baseUrl: identity.baseUrl,
    accessToken: identity.asToken,
    userId: identity.userId,
    useAuthorizationHeader: true,
    queryParams: { user_id: identity.userId },
    logger: identity.logger ?? quietMatrixLogger,
  });
}

/**
 * Registers a user of the service's exclusive namespace (idempotent: a user that exists already
 * is fine), without logging in.
 *
 * @param service - homeserver and `as_token` (its `userId` is ignored).
 * @param localpart - the new user's localpart, inside the service's namespace.
 * @returns the full user id.
 * @throws {@link HomeserverError} (operation `register`) when the homeserver refuses.
 */
export async function registerAppserviceUser(
  service: Pick<AppserviceIdentity, 'baseUrl' | 'asToken'>,
  localpart: string,
): Promise<string> {
  const url = `${service.baseUrl.replace(/\/$/, '')}/_matrix/client/v3/register`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${service.asToken}` },
    body: JSON.stringify({ type: 'm.login.application_service', username: localpart, inhibit_login: true }),
  });
  const body = (await response.json().catch(() => ({}))) as { user_id?: string; errcode?: string };
  if (response.ok && body.user_id) return body.user_id;
  if (body.errcode === 'M_USER_IN_USE') {
    const server = await serverName(service);
    return `@${localpart}:${server}`;
  }
  throw new HomeserverError(
    'register',
    `could not register ${localpart} (HTTP ${response.status}: ${body.errcode ?? 'no error code'})`,
  );
}

async function serverName(service: Pick<AppserviceIdentity, 'baseUrl' | 'asToken'>): Promise<string> {
  const response = await fetch(`${service.baseUrl.replace(/\/$/, '')}/_matrix/client/v3/account/whoami`, {
    headers: { authorization: `Bearer ${service.asToken}` },
  });
  const body = (await response.json().catch(() => ({}))) as { user_id?: string };
  if (!response.ok || !body.user_id) {
    throw new HomeserverError('register', `whoami failed (HTTP ${response.status})`);
  }
  return body.user_id.slice(body.user_id.indexOf(':') + 1);
}
