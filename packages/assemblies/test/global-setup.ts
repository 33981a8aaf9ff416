import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const scripts = fileURLToPath(new URL('../../../scripts/', import.meta.url));

function start(script: string, instance: string): void {
  const output = execFileSync('bash', [`${scripts}${script}`, 'start', instance], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of output.split('\n')) {
    const match = /^(IMAGO_[A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) process.env[match[1]] = match[2];
  }
}

/** Starts a throw-away Synapse and LiveKit for this suite unless the environment gives them. */
export default function setup(): () => void {
  const stops: (() => void)[] = [];
  if (!(process.env.IMAGO_HOMESERVER_URL && process.env.IMAGO_SYNAPSE_SHARED_SECRET)) {
    start('synapse.sh', 'vitest-assemblies');
    stops.push(() =>
      execFileSync('bash', [`${scripts}synapse.sh`, 'reset', 'vitest-assemblies'], { stdio: 'inherit' }),
    );
  }
  if (!process.env.IMAGO_LIVEKIT_URL) {
    start('livekit.sh', 'vitest-assemblies');
    stops.push(() =>
      execFileSync('bash', [`${scripts}livekit.sh`, 'reset', 'vitest-assemblies'], { stdio: 'inherit' }),
    );
  }
  return () => {
    for (const stop of stops) stop();
  };
}
