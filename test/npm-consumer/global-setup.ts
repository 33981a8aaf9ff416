import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/synapse.sh', import.meta.url));
const instance = 'vitest-npm-consumer';

/** Starts a throw-away Synapse for the README examples unless one is given by the environment. */
export default function setup(): (() => void) | undefined {
  if (process.env.IMAGO_HOMESERVER_URL && process.env.IMAGO_SYNAPSE_SHARED_SECRET) return undefined;
  const output = execFileSync('bash', [script, 'start', instance], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of output.split('\n')) {
    const match = /^(IMAGO_[A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) process.env[match[1]] = match[2];
  }
  return () => {
    execFileSync('bash', [script, 'reset', instance], { stdio: 'inherit' });
  };
}
