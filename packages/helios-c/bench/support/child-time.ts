/**
 * Wall and CPU time of a child process: the command runs under `/usr/bin/time` (Debian package
 * `time`), which reports the user and system time of the process and of everything it waited for
 * (worker threads included), optionally pinned to CPU 0 with `taskset -c 0`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Seconds spent by one run. */
export interface ChildTime {
  readonly wall: number;
  /** User + system CPU time. */
  readonly cpu: number;
}

const time = '/usr/bin/time';
const taskset = '/usr/bin/taskset';

/** Throws a clear error when the timing tools are missing. */
export function requireTimingTools(): void {
  for (const [path, pkg] of [
    [time, 'time'],
    [taskset, 'util-linux'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing: install the Debian package ${pkg}`);
  }
}

/**
 * Runs a command to completion, its output discarded, and times it.
 * @param command - the executable and its arguments
 * @param options - `pinned`: run on CPU 0 alone
 * @returns wall and CPU seconds
 * @throws when the command exits with a non-zero status (its standard error is in the message)
 */
export function timeChild(command: readonly string[], options: { pinned: boolean }): Promise<ChildTime> {
  const scratch = mkdtempSync(join(tmpdir(), 'helios-c-bench-time-'));
  const report = join(scratch, 'time');
  const argv = ['-f', '%U %S', '-o', report, ...(options.pinned ? [taskset, '-c', '0'] : []), ...command];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(time, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      try {
        if (code !== 0) throw new Error(`${command.join(' ')} exited with ${code}: ${Buffer.concat(err)}`);
        const [user, system] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
        resolve({ wall, cpu: (user as number) + (system as number) });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}
