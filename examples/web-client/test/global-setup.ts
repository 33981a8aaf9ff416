import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerUser } from '@imago/matrix-binding/testing';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const synapseScript = fileURLToPath(new URL('../../../scripts/synapse.sh', import.meta.url));
const instance = 'vitest-web-client';
const serverMain = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
/** The service's log, kept with the screenshots. */
const SERVICE_LOG = fileURLToPath(new URL('../test-artifacts/service.log', import.meta.url));

/**
 * Starts the example server (`examples/server`) as the groups' service account, and resolves once
 * it says it is running. Its user id is exported as `IMAGO_SERVICE_USER_ID`.
 */
async function startService(): Promise<{ process: ChildProcess; workDir: string }> {
  if (!existsSync(serverMain)) {
    execFileSync('pnpm', ['--filter', '@imago/example-server', 'build'], { stdio: 'inherit' });
  }
  const homeserver = {
    baseUrl: process.env.IMAGO_HOMESERVER_URL as string,
    sharedSecret: process.env.IMAGO_SYNAPSE_SHARED_SECRET as string,
  };
  const localpart = `imago-service-${Date.now().toString(36)}`;
  const account = await registerUser(homeserver, localpart, { displayName: 'Imago service' });
  process.env.IMAGO_SERVICE_USER_ID = account.userId;
  mkdirSync(fileURLToPath(new URL('../test-artifacts/', import.meta.url)), { recursive: true });
  writeFileSync(SERVICE_LOG, '');
  const workDir = mkdtempSync(join(tmpdir(), 'imago-web-client-service-'));
  const child = spawn(process.execPath, [serverMain], {
    env: {
      ...process.env,
      IMAGO_SERVICE_USER: localpart,
      IMAGO_SERVICE_PASSWORD: account.password,
      IMAGO_SERVICE_WORKDIR: workDir,
      // belenios-tool, with which the service cross-checks its archives, knows the finite-field groups.
      IMAGO_HELIOS_GROUP: 'RFC-3526-2048',
      IMAGO_BELENIOS_TOOL: '/usr/bin/belenios-tool',
      IMAGO_CLOSE_MARGIN_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the example server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      appendFileSync(SERVICE_LOG, chunk);
      if (/running|started|watching|ready/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example server exited (${code}):\n${output}`));
    });
  });
  return { process: child, workDir };
}

/**
 * Builds the client, serves the build on a free loopback port (`IMAGO_WEB_CLIENT_URL`), and starts
 * a throw-away Synapse unless one is given by the environment.
 */
export default async function setup(): Promise<() => Promise<void>> {
  let stopSynapse = false;
  if (!(process.env.IMAGO_HOMESERVER_URL && process.env.IMAGO_SYNAPSE_SHARED_SECRET)) {
    const output = execFileSync('bash', [synapseScript, 'start', instance], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    for (const line of output.split('\n')) {
      const match = /^(IMAGO_[A-Z_]+)=(.*)$/.exec(line.trim());
      if (match?.[1] && match[2] !== undefined) process.env[match[1]] = match[2];
    }
    stopSynapse = true;
  }
  const service = await startService();
  await build({ root, logLevel: 'warn', build: { sourcemap: false } });
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  process.env.IMAGO_WEB_CLIENT_URL = `http://127.0.0.1:${address.port}/`;
  return async () => {
    service.process.kill('SIGTERM');
    rmSync(service.workDir, { recursive: true, force: true });
    await server.close();
    if (stopSynapse) execFileSync('bash', [synapseScript, 'reset', instance], { stdio: 'inherit' });
  };
}
