/**
 * @module
 * Running the bridge in Node: the application service listener (`matrix-appservice`, which checks
 * the homeserver's `hs_token` and hands over each transaction's events), the ActivityPub HTTP
 * server (Node's `http`, requests turned into web `Request`s for the bridge), and the SQLite
 * key–value store.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AppService } from 'matrix-appservice';
import { ActivityPubBridge } from '../bridge/bridge';
import type { BridgeLogEntry } from '../bridge/bridge-log';
import type { InboxGuardOptions } from '../guard/inbox-guard';
import type { RateLimitOptions } from '../guard/rate-limit';
import type { BridgeRegistration } from './registration';
import { SqliteKvStore } from './sqlite-kv-store';

/** Options of {@link startBridge}. */
export interface StartBridgeOptions {
  readonly registration: BridgeRegistration;
  /** Client-server API URL of the homeserver. */
  readonly homeserverUrl: string;
  /** Public base URL of the ActivityPub side (default: `http://<host>:<port>` of `listen`). */
  readonly origin?: string;
  /** Where the ActivityPub side listens (default `127.0.0.1`, port 0: a free one). */
  readonly listen?: { readonly host?: string; readonly port?: number };
  /** The SQLite file of the key–value store (`:memory:` for none). */
  readonly store: string;
  /** Allow `http:` and loopback peers (tests, the demo); never in production. */
  readonly allowPrivateAddress?: boolean;
  readonly guard?: Omit<InboxGuardOptions, 'memory' | 'replayWindowMs'>;
  /** Age limit of incoming HTTP signatures, in ms (default one hour). */
  readonly signatureWindowMs?: number;
  /** Rate limit of `GET` requests per connecting address. */
  readonly getRateLimit?: RateLimitOptions;
  readonly log?: (entry: BridgeLogEntry) => void;
}

/** A running bridge. */
export interface RunningBridge {
  readonly bridge: ActivityPubBridge;
  /** The ActivityPub side's public base URL. */
  readonly origin: string;
  /** Stops both listeners and the timers, and closes the store. */
  close(): Promise<void>;
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = message.method ?? 'GET';
  const url = new URL(message.url ?? '/', origin);
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  // The body is streamed: the inbox guard stops reading past its limit.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      message.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      message.on('end', () => controller.close());
      message.on('error', (error) => controller.error(error));
    },
  });
  return new Request(url, { method, headers, body, duplex: 'half' } as RequestInit);
}

async function send(response: Response, out: ServerResponse): Promise<void> {
  out.statusCode = response.status;
  for (const [name, value] of response.headers) out.setHeader(name, value);
  out.end(Buffer.from(await response.arrayBuffer()));
}

async function whoami(homeserverUrl: string, asToken: string, localpart: string): Promise<string> {
  const response = await fetch(`${homeserverUrl.replace(/\/$/, '')}/_matrix/client/v3/account/whoami`, {
    headers: { authorization: `Bearer ${asToken}` },
  });
  const body = (await response.json().catch(() => ({}))) as { user_id?: string };
  if (!response.ok || !body.user_id) {
    throw new Error(`the homeserver does not know this application service (HTTP ${response.status})`);
  }
  if (!body.user_id.startsWith(`@${localpart}:`)) throw new Error(`unexpected sender ${body.user_id}`);
  return body.user_id;
}

/**
 * Starts the bridge: checks the registration against the homeserver, opens the store, and listens
 * for transactions (on the registration's URL port) and for ActivityPub requests.
 *
 * @param options - registration, homeserver, origin, listen address, store file.
 * @returns the running bridge.
 * @throws when the homeserver does not accept the `as_token` or a port is taken.
 */
export async function startBridge(options: StartBridgeOptions): Promise<RunningBridge> {
  const { registration } = options;
  const botUserId = await whoami(options.homeserverUrl, registration.asToken, registration.senderLocalpart);
  const kv = new SqliteKvStore(options.store);
  const host = options.listen?.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listen?.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const origin = (options.origin ?? `http://${host}:${port}`).replace(/\/$/, '');
  const bridge = new ActivityPubBridge({
    origin,
    homeserver: { baseUrl: options.homeserverUrl, asToken: registration.asToken },
    botUserId,
    ghostPrefix: registration.ghostPrefix,
    kv,
    ...(options.allowPrivateAddress !== undefined
      ? { allowPrivateAddress: options.allowPrivateAddress }
      : {}),
    ...(options.guard ? { guard: options.guard } : {}),
    ...(options.signatureWindowMs !== undefined ? { signatureWindowMs: options.signatureWindowMs } : {}),
    ...(options.getRateLimit ? { getRateLimit: options.getRateLimit } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  server.on('request', (message: IncomingMessage, out: ServerResponse) => {
    toRequest(message, origin)
      .then((request) => bridge.fetch(request, { remoteAddress: message.socket.remoteAddress ?? 'unknown' }))
      .then((response) => send(response, out))
      .catch((error: unknown) => {
        options.log?.({ level: 'error', what: 'http-failed', detail: { error: String(error) } });
        if (!out.headersSent) out.statusCode = 500;
        out.end();
      });
  });
  const appservice = new AppService({ homeserverToken: registration.hsToken });
  appservice.on('event', (event: Record<string, unknown>) => {
    void bridge.handleMatrixEvent(event);
  });
  const listenUrl = new URL(registration.url);
  await appservice.listen(Number(listenUrl.port || 80), listenUrl.hostname, 64);
  options.log?.({
    level: 'info',
    what: 'bridge-started',
    detail: { origin, appservice: registration.url, bot: botUserId },
  });
  return {
    bridge,
    origin,
    async close() {
      bridge.stop();
      await appservice.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      kv.close();
    },
  };
}
