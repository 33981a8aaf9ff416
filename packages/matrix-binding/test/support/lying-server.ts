/**
 * A homeserver that lies: a TLS endpoint on loopback, named `localhost:PORT` like the test
 * Synapses, that answers federation requests with whatever the attacker wrote — a space hierarchy
 * for a space it is in none of, a join template for a room it does not know — and records what it
 * was asked. Nothing it serves is signed by a server that is in the room.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the lying server answers, by federation path prefix (`/_matrix/federation/v1/hierarchy/`). */
export type Lies = Record<string, (path: string) => { status: number; body: unknown }>;

export interface LyingServer {
  readonly serverName: string;
  /** The paths it was asked for. */
  readonly asked: string[];
  close(): Promise<void>;
}

/**
 * Starts the lying server.
 *
 * @param lies - answers by path prefix; anything else gets 404 `M_UNRECOGNIZED`.
 * @returns its server name and what it was asked.
 */
export async function startLyingServer(lies: Lies): Promise<LyingServer> {
  const dir = await mkdtemp(join(tmpdir(), 'imago-liar-'));
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  const asked: string[] = [];
  const server: Server = createServer(
    { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) },
    (request, response) => {
      const path = request.url ?? '/';
      asked.push(path);
      const lie = Object.entries(lies).find(([prefix]) => path.startsWith(prefix))?.[1];
      const { status, body } = lie ? lie(path) : { status: 404, body: { errcode: 'M_UNRECOGNIZED' } };
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serverName: `localhost:${port}`,
    asked,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
