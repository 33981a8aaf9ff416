// A Synapse instance of its own for a test that kills and restarts it (scripts/synapse.sh).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestHomeserver } from '../../src/testing/index';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const script = `${root}scripts/synapse.sh`;
const cache = `${process.env.IMAGO_CACHE_DIR ?? `${root}.cache`}/synapse`;

export class DedicatedSynapse {
  readonly name: string;
  readonly options: {
    federation?: boolean;
    appservices?: readonly string[];
    /** The database of a new instance (kept by it afterwards); default SQLite. */
    database?: 'sqlite' | 'postgres';
  };

  // Explicit fields rather than parameter properties: the bench runs this file under Node's type
  // stripping, which does not transform them.
  constructor(name: string, options: DedicatedSynapse['options'] = {}) {
    this.name = name;
    this.options = options;
  }

  /** Starts (or restarts, keeping its data) the instance; `serverName` is its Matrix server name. */
  async start(): Promise<TestHomeserver & { serverName: string }> {
    const env = {
      ...process.env,
      SYNAPSE_FEDERATION: this.options.federation ? '1' : '0',
      ...(this.options.appservices ? { SYNAPSE_APPSERVICES: this.options.appservices.join(':') } : {}),
      ...(this.options.database ? { SYNAPSE_DATABASE: this.options.database } : {}),
    };
    const { stdout } = await run('bash', [script, 'start', this.name], { encoding: 'utf8', env });
    const vars = Object.fromEntries(
      stdout
        .split('\n')
        .map((line) => /^(IMAGO_[A-Z_]+)=(.*)$/.exec(line.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]),
    );
    return {
      baseUrl: vars.IMAGO_HOMESERVER_URL as string,
      sharedSecret: vars.IMAGO_SYNAPSE_SHARED_SECRET as string,
      serverName: vars.IMAGO_SERVER_NAME as string,
    };
  }

  /** SIGKILL, as a crash would: no graceful shutdown. */
  async kill(): Promise<void> {
    const pid = Number((await readFile(`${cache}/${this.name}/run.pid`, 'utf8')).trim());
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stops the instance gracefully, keeping its data. */
  async stop(): Promise<void> {
    await run('bash', [script, 'stop', this.name]);
  }

  async reset(): Promise<void> {
    await run('bash', [script, 'reset', this.name]);
  }
}
