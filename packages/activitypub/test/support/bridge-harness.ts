/**
 * @module
 * The bridge under test: its registration on a free port, the bridge started against a
 * homeserver, and reading the rooms it works in (through the binding, or in raw HTTP).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendToRoomLog,
  type createImagoClient,
  emptyRoomLog,
  fetchRoomHistory,
  logEvents,
} from '@imago/matrix-binding';
import type { TestHomeserver } from '@imago/matrix-binding/testing';
import {
  type BridgeRegistration,
  createRegistration,
  type RunningBridge,
  startBridge,
} from '../../src/node/index';
import type { Json } from './peer';
import { freePort } from './services';

/** This run's suffix, for names that must not meet those of an earlier run. */
export const run = Date.now().toString(36);

/** A registration file for a bridge listening for transactions on a free port. */
export async function newRegistration(): Promise<{
  registration: BridgeRegistration;
  file: string;
  dir: string;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'imago-ap-'));
  const port = await freePort();
  const { registration, yaml } = createRegistration({ url: `http://127.0.0.1:${port}` });
  const file = join(dir, 'registration.yaml');
  await writeFile(file, yaml);
  return { registration, file, dir };
}

/** Starts the bridge with its store in `dir`, its log lines pushed to `lines`. */
export async function runBridge(
  registration: BridgeRegistration,
  homeserver: TestHomeserver,
  dir: string,
  lines: Json[],
): Promise<RunningBridge> {
  return startBridge({
    registration,
    homeserverUrl: homeserver.baseUrl,
    store: join(dir, 'bridge.sqlite'),
    allowPrivateAddress: true,
    // 40 requests per connecting address (and per verified server), refilled at one a minute: the
    // flood in the attacks meets the limit however slowly a loaded machine sends it (each test
    // file sends far fewer from 127.0.0.1, the peer's and the tests' address).
    guard: { rateLimit: { burst: 40, perMinute: 1 } },
    log: (entry) => lines.push(entry as unknown as Json),
  });
}

const none = () => undefined;
/** A matrix-js-sdk logger that says nothing (the SDK logs every request). */
export const silent = {
  trace: none,
  debug: none,
  info: none,
  warn: none,
  error: none,
  getChild: () => silent,
};

/** A room's events as the binding reads them. */
export async function roomEvents(client: Awaited<ReturnType<typeof createImagoClient>>, roomId: string) {
  return logEvents(appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId)));
}

/** A room's latest 200 events in raw HTTP, newest first. */
export async function rawHistory(homeserver: TestHomeserver, token: string, roomId: string): Promise<Json[]> {
  const url = `${homeserver.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=200`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { chunk: Json[] }).chunk;
}
