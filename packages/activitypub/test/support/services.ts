// The live parts of the integration tests: Synapse (scripts/synapse.sh, with the bridge's
// registration) and the independent ActivityPub peer (scripts/activitypub-peer.sh).
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestHomeserver } from '@imago/matrix-binding/testing';

const run = promisify(execFile);
export const root = fileURLToPath(new URL('../../../../', import.meta.url));
export const cacheDir = `${process.env.IMAGO_CACHE_DIR ?? `${root}.cache`}`;

function vars(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^(IMAGO_[A-Z_]+)=(.*)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] as string, m[2] as string]),
  );
}

/** A Synapse instance of its own, loading the given application service registrations. */
export async function startSynapse(
  name: string,
  options: { federation?: boolean; appservices?: readonly string[] } = {},
): Promise<TestHomeserver & { serverName: string }> {
  const env = {
    ...process.env,
    SYNAPSE_FEDERATION: options.federation ? '1' : '0',
    SYNAPSE_APPSERVICES: (options.appservices ?? []).join(':'),
  };
  const { stdout } = await run('bash', [`${root}scripts/synapse.sh`, 'start', name], {
    encoding: 'utf8',
    env,
  });
  const v = vars(stdout);
  return {
    baseUrl: v.IMAGO_HOMESERVER_URL as string,
    sharedSecret: v.IMAGO_SYNAPSE_SHARED_SECRET as string,
    serverName: v.IMAGO_SERVER_NAME as string,
  };
}

export async function resetSynapse(name: string): Promise<void> {
  await run('bash', [`${root}scripts/synapse.sh`, 'reset', name]);
}

/** The independent ActivityPub server (fediverse-pasture + bovine). */
export async function startPeer(name: string): Promise<{ url: string; dir: string }> {
  const { stdout } = await run('bash', [`${root}scripts/activitypub-peer.sh`, 'start', name], {
    encoding: 'utf8',
  });
  return { url: vars(stdout).IMAGO_AP_PEER_URL as string, dir: `${cacheDir}/activitypub-peer/${name}` };
}

export async function resetPeer(name: string): Promise<void> {
  await run('bash', [`${root}scripts/activitypub-peer.sh`, 'reset', name]);
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `read` until `ok` holds (or fails after `timeoutMs`). */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
