// Users on the live test Synapse: registered once per name per run, clients synced and stopped after.
import { type ICreateClientOpts, type MatrixClient, type MatrixEvent, RoomEvent } from 'matrix-js-sdk';

type Logger = NonNullable<ICreateClientOpts['logger']>;

import { createImagoClient } from '../../src/index';
import {
  registerUser,
  startSynced as startSyncedWith,
  type TestHomeserver,
  testHomeserverFromEnvironment,
} from '../../src/testing/index';

/** A unique suffix for this test run: the Synapse instance is shared by concurrent files. */
export const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

const silent = (): Logger => {
  const nothing = () => undefined;
  const logger: Logger = {
    trace: nothing,
    debug: nothing,
    info: nothing,
    warn: nothing,
    error: nothing,
    getChild: () => logger,
  };
  return logger;
};

export interface LiveUser {
  client: MatrixClient;
  userId: string;
  session: Awaited<ReturnType<typeof registerUser>>;
}

/** Registers `name-<run>` and returns a synced client (stop it with `stopAll`). */
export async function liveUser(
  name: string,
  options: {
    encryption?: boolean;
    sync?: boolean;
    homeserver?: TestHomeserver;
    /** Collects the to-device events of every sync response, as they arrive on the wire. */
    toDevice?: WireToDevice[];
  } = {},
): Promise<LiveUser> {
  const session = await registerUser(options.homeserver ?? testHomeserverFromEnvironment(), `${name}-${run}`);
  const client = await createImagoClient({
    ...session,
    encryption: options.encryption ?? false,
    logger: silent(),
    ...(options.toDevice ? { fetchFn: recordingToDevice(options.toDevice) } : {}),
  });
  started.push(client);
  if (options.sync !== false) await startSynced(client);
  return { client, userId: session.userId, session };
}

const started: MatrixClient[] = [];

/** A to-device event as the homeserver sent it in a `/sync` response. */
export interface WireToDevice {
  readonly type: string;
  readonly sender: string;
  readonly content: Record<string, unknown>;
}

/** A `fetch` that records the raw `to_device` events of each `/sync` response. */
export function recordingToDevice(into: WireToDevice[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/_matrix/client/v3/sync') && response.ok) {
      const body = (await response.clone().json()) as { to_device?: { events?: WireToDevice[] } };
      into.push(...(body.to_device?.events ?? []));
    }
    return response;
  };
}

/** Stops every client made by {@link liveUser}. */
export function stopAll(): void {
  for (const client of started.splice(0)) client.stopClient();
}

/** Starts syncing and resolves when the first sync is done. */
export const startSynced = (client: MatrixClient) => startSyncedWith(client, { initialSyncLimit: 10 });

/** Resolves with the first live timeline event of `roomId` matching `predicate`. */
export function nextEvent(
  client: MatrixClient,
  roomId: string,
  predicate: (event: MatrixEvent) => boolean,
  timeoutMs = 20_000,
): Promise<MatrixEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(RoomEvent.Timeline, onEvent);
      reject(new Error(`no matching event in ${roomId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onEvent = (
      event: MatrixEvent,
      room: { roomId: string } | undefined,
      toStart: boolean | undefined,
    ) => {
      if (toStart || room?.roomId !== roomId || !predicate(event)) return;
      clearTimeout(timer);
      client.off(RoomEvent.Timeline, onEvent);
      resolve(event);
    };
    client.on(RoomEvent.Timeline, onEvent);
  });
}

/** Resolves once `check()` holds (polling every 50 ms), or fails naming what it waited for. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
