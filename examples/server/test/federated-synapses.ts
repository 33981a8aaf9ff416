/**
 * Two federating Synapses of this suite's own (`SYNAPSE_FEDERATION=1 scripts/synapse.sh start`):
 * each named `localhost:PORT`, with a TLS federation listener and a self-signed certificate.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestHomeserver } from '@imago/matrix-binding/testing';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../../scripts/synapse.sh', import.meta.url));

/** Starts instance `name` with federation and returns its address and registration secret. */
export async function startFederatingSynapse(name: string): Promise<TestHomeserver & { serverName: string }> {
  const { stdout } = await run('bash', [script, 'start', name], {
    encoding: 'utf8',
    env: { ...process.env, SYNAPSE_FEDERATION: '1' },
  });
  const vars = new Map(
    stdout
      .split('\n')
      .map((line) => /^(IMAGO_[A-Z_]+)=(.*)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  const baseUrl = vars.get('IMAGO_HOMESERVER_URL');
  const sharedSecret = vars.get('IMAGO_SYNAPSE_SHARED_SECRET');
  const serverName = vars.get('IMAGO_SERVER_NAME');
  if (!baseUrl || !sharedSecret || !serverName)
    throw new Error(`synapse.sh start ${name} printed no environment`);
  return { baseUrl, sharedSecret, serverName };
}

/** Stops instance `name` and deletes its data. */
export async function resetSynapse(name: string): Promise<void> {
  await run('bash', [script, 'reset', name]);
}

/**
 * Stops instance `name` and keeps its data and logs (`.cache/synapse/<name>/homeserver.log`) when
 * `IMAGO_KEEP_SYNAPSE=1`, to read what each server did after a failure; else deletes them.
 */
export async function releaseSynapse(name: string): Promise<void> {
  if (process.env.IMAGO_KEEP_SYNAPSE !== '1') return resetSynapse(name);
  await run('bash', [script, 'stop', name]);
  process.stderr.write(
    `kept ${name}'s data and logs (IMAGO_KEEP_SYNAPSE=1): scripts/synapse.sh reset ${name} deletes them\n`,
  );
}
