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
  private port: number | undefined;
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
    this.port = Number(new URL(vars.IMAGO_HOMESERVER_URL as string).port);
    return {
      baseUrl: vars.IMAGO_HOMESERVER_URL as string,
      sharedSecret: vars.IMAGO_SYNAPSE_SHARED_SECRET as string,
      serverName: vars.IMAGO_SERVER_NAME as string,
    };
  }

  private async pid(): Promise<number> {
    return Number((await readFile(`${cache}/${this.name}/run.pid`, 'utf8')).trim());
  }

  /**
   * SIGSTOP: the process stays alive but reads nothing. Requests sent from now on are accepted by
   * the kernel and wait, unread, in its sockets ({@link bufferedRequests}) until it is continued
   * or killed.
   */
  async freeze(): Promise<void> {
    process.kill(await this.pid(), 'SIGSTOP');
  }

  /**
   * How many connections to the instance hold bytes it has not read (Linux `/proc/net/tcp`):
   * with the process frozen, each is a request sent and not answered.
   */
  async bufferedRequests(): Promise<number> {
    const port = this.port?.toString(16).toUpperCase().padStart(4, '0');
    let count = 0;
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
      for (const line of lines) {
        const [, local, , state, queues] = line.trim().split(/\s+/);
        const received = Number.parseInt(queues?.split(':')[1] ?? '0', 16);
        // 01: established (accepted by the process or still in its backlog).
        if (local?.endsWith(`:${port}`) && state === '01' && received > 0) count++;
      }
    }
    return count;
  }

  /** SIGKILL, as a crash would: no graceful shutdown (a frozen process dies as it is). */
  async kill(): Promise<void> {
    const pid = await this.pid();
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
