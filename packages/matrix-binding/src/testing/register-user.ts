/**
 * @module
 * Registration of test users through Synapse's shared-secret admin API
 * (`/_synapse/admin/v1/register`), with web-standard crypto only so it also runs in browsers.
 */

import type { MatrixSession } from '../client/create-client';
import { RegistrationFailedError } from '../errors/registration-failed-error';

/** A homeserver that accepts shared-secret registration (a test Synapse). */
export interface TestHomeserver {
  baseUrl: string;
  sharedSecret: string;
}

/** Options of {@link registerUser}. */
export interface RegisterUserOptions {
  /** Password; default: a random one (returned). */
  password?: string;
  admin?: boolean;
  displayName?: string;
}

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Registers a user with the shared secret and returns a logged-in session.
 *
 * @param homeserver - URL and registration shared secret.
 * @param localpart - the user's localpart (`alice` for `@alice:server`).
 * @param options - password, admin flag, display name.
 * @returns the new user's session and password.
 * @throws {@link RegistrationFailedError}.
 */
export async function registerUser(
  homeserver: TestHomeserver,
  localpart: string,
  options: RegisterUserOptions = {},
): Promise<MatrixSession & { password: string }> {
  const url = `${homeserver.baseUrl.replace(/\/$/, '')}/_synapse/admin/v1/register`;
  const password = options.password ?? hex(crypto.getRandomValues(new Uint8Array(16)).buffer);
  const nonceResponse = await fetch(url);
  if (!nonceResponse.ok) {
    throw new RegistrationFailedError(`no registration nonce (HTTP ${nonceResponse.status})`);
  }
  const { nonce } = (await nonceResponse.json()) as { nonce: string };
  const admin = options.admin ?? false;
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(homeserver.sharedSecret),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const message = [nonce, localpart, password, admin ? 'admin' : 'notadmin'].join('\0');
  const mac = hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)));
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      nonce,
      username: localpart,
      password,
      admin,
      mac,
      ...(options.displayName ? { displayname: options.displayName } : {}),
    }),
  });
  const body = (await response.json()) as Record<string, string>;
  if (!response.ok || !body.access_token || !body.user_id || !body.device_id) {
    throw new RegistrationFailedError(
      `registration of ${localpart} failed (HTTP ${response.status}: ${body.errcode ?? 'no error code'})`,
    );
  }
  return {
    baseUrl: homeserver.baseUrl,
    userId: body.user_id,
    accessToken: body.access_token,
    deviceId: body.device_id,
    password,
  };
}
