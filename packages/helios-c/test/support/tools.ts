/**
 * Running belenios-tool (the reference implementation, the oracle of the interoperability tests)
 * and the built helios-c command.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export const beleniosTool = '/usr/bin/belenios-tool';

/** The helios-c executable built by the global setup. */
export function heliosCli(): string {
  const path = process.env.HELIOS_C_CLI;
  if (!path || !existsSync(path))
    throw new Error('helios-c was not built: run the tests through vitest with vitest.config.ts');
  return path;
}

/** Fails the test clearly when belenios-tool is not installed. */
export function requireBeleniosTool(): void {
  if (!existsSync(beleniosTool)) {
    throw new Error(
      `${beleniosTool} is missing: install the Debian package belenios-tool to run the interoperability tests`,
    );
  }
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

function run(file: string, args: readonly string[], cwd: string, input?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      [...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ stdout, stderr, code });
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(input ?? '');
  });
}

/** Runs belenios-tool. */
export function belenios(args: readonly string[], cwd: string, input?: string): Promise<RunResult> {
  return run(beleniosTool, args, cwd, input);
}

/** Runs the built helios-c. */
export function helios(args: readonly string[], cwd: string, input?: string): Promise<RunResult> {
  return run(process.execPath, [heliosCli(), ...args], cwd, input);
}

/** Runs a command and fails with its output when it does not succeed. */
export async function ok(result: Promise<RunResult>, what: string): Promise<string> {
  const r = await result;
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}
