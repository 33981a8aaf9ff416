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
   * in memory unless `cryptoStore` names one; in browsers it uses IndexedDB. Default: `false`.
   */
  encryption?: boolean;
  /** Keep the crypto store in memory even where IndexedDB exists. Default: `true` outside browsers. */
  inMemoryCrypto?: boolean;
  /**
   * Keep the crypto store in IndexedDB under this prefix, encrypted with this passphrase: in
   * Node, the prefix of a store from `openPersistentCryptoStore` (`@imago/matrix-binding/node`),
   * so that a restarted process keeps its keys.
   */
  cryptoStore?: { readonly prefix: string; readonly passphrase?: string };
  /** The `fetch` the client uses (default: the global one), e.g. to watch what travels on the wire. */
  fetchFn?: typeof fetch;
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
    ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
  });
  if (options.encryption) {
    // Outside browsers an IndexedDB is there only for a store given explicitly.
    const browser = typeof indexedDB !== 'undefined' && typeof window !== 'undefined';
    const store = options.cryptoStore;
    try {
      await client.initRustCrypto(
        store
          ? {
              useIndexedDB: true,
              cryptoDatabasePrefix: store.prefix,
              ...(store.passphrase ? { storagePassword: store.passphrase } : {}),
            }
          : { useIndexedDB: !(options.inMemoryCrypto ?? !browser) },
      );
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
