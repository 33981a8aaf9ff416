import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { startService } from './browser/service';

const root = fileURLToPath(new URL('..', import.meta.url));
const synapseScript = fileURLToPath(new URL('../../../scripts/synapse.sh', import.meta.url));
const instance = 'vitest-web-client';
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
  const service = await startService(
    {
      baseUrl: process.env.IMAGO_HOMESERVER_URL as string,
      sharedSecret: process.env.IMAGO_SYNAPSE_SHARED_SECRET as string,
    },
    // Checkpoints early, so that members' browsers open decisions rooms from them.
    { IMAGO_CHECKPOINT_EVERY: '5' },
  );
  process.env.IMAGO_SERVICE_USER_ID = service.userId;
  // For the checkpoint test, which speaks for the service as a lying authority would.
  process.env.IMAGO_SERVICE_PASSWORD = service.password;
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
    await service.stop();
    await server.close();
    if (stopSynapse) execFileSync('bash', [synapseScript, 'reset', instance], { stdio: 'inherit' });
  };
}
