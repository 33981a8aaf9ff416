/**
 * @module
 * Client factory: one place where a `matrix-js-sdk` client is made for Imago, with its Rust crypto
 * when end-to-end encryption is wanted.
 */
import { createClient, type MatrixClient } from 'matrix-js-sdk';
import { CryptoUnavailableError } from '../errors/crypto-unavailable-error';
import { LoginFailedError } from '../errors/login-failed-error';
import { type MatrixLogger, quietMatrixLogger } from './matrix-logger';

/** What is needed to act as a Matrix user on a homeserver. */
export interface MatrixSession {
  /** Client-server API base URL, e.g. `https://matrix.example.org`. */
  baseUrl: string;
  /** Full user id, e.g. `@alice:example.org`. */
  userId: string;
  accessToken: string;
  deviceId: string;
}

/** Options of {@link createImagoClient}. */
export interface CreateImagoClientOptions extends MatrixSession {
  /**
   * Set up end-to-end encryption with matrix-js-sdk's Rust crypto. In Node the crypto store is kept
   * in memory (`useIndexedDB: false`); in browsers it uses IndexedDB. Default: `false`.
   */
  encryption?: boolean;
  /** Keep the crypto store in memory even where IndexedDB exists. Default: `true` outside browsers. */
  inMemoryCrypto?: boolean;
  /**
   * Where matrix-js-sdk's messages go. Default: {@link quietMatrixLogger} (warnings and errors on
   * standard error, nothing on standard output); {@link matrixSdkLogger} shows everything.
   */
  logger?: MatrixLogger;
}

/**
 * Makes a `matrix-js-sdk` client for a logged-in session (not yet syncing: call `startClient`).
 *
 * @param options - the session, and whether to enable end-to-end encryption.
 * @returns the client, with its Rust crypto initialised when `encryption` is set.
 * @throws {@link CryptoUnavailableError} when the Rust crypto cannot start.
 * @example
 * ```ts
 * const session = await loginWithPassword('http://127.0.0.1:8008', 'alice', 'secret');
 * const client = await createImagoClient({ ...session, encryption: true });
 * await client.startClient({ initialSyncLimit: 20 });
 * ```
 */
export async function createImagoClient(options: CreateImagoClientOptions): Promise<MatrixClient> {
  const client = createClient({
    baseUrl: options.baseUrl,
    userId: options.userId,
    accessToken: options.accessToken,
    deviceId: options.deviceId,
    logger: options.logger ?? quietMatrixLogger,
  });
  if (options.encryption) {
    const inMemory = options.inMemoryCrypto ?? typeof indexedDB === 'undefined';
    try {
      await client.initRustCrypto({ useIndexedDB: !inMemory });
    } catch (cause) {
      client.stopClient();
      throw new CryptoUnavailableError('could not start the end-to-end encryption module', {
        cause,
      });
    }
  }
  return client;
}

/**
 * Logs in with a user name and password (`m.login.password`).
 *
 * @param baseUrl - client-server API base URL.
 * @param user - localpart or full user id.
 * @param password - the password.
 * @param deviceId - reuse this device id (optional).
 * @param logger - where matrix-js-sdk's messages go (default {@link quietMatrixLogger}).
 * @returns the session to give to {@link createImagoClient}.
 * @throws {@link LoginFailedError}.
 */
export async function loginWithPassword(
  baseUrl: string,
  user: string,
  password: string,
  deviceId?: string,
  logger: MatrixLogger = quietMatrixLogger,
): Promise<MatrixSession> {
  const client = createClient({ baseUrl, logger });
  try {
    const response = await client.loginRequest({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user },
      password,
      ...(deviceId ? { device_id: deviceId } : {}),
    });
    return {
      baseUrl,
      userId: response.user_id,
      accessToken: response.access_token,
      deviceId: response.device_id,
    };
  } catch (cause) {
    throw new LoginFailedError(`login of ${user} failed`, { cause });
  }
}
