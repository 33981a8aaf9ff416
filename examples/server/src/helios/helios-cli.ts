/**
 * @module
 * Runs Helios-C (`@imago/helios-c`'s `helios-c` command, the belenios-tool-compatible CLI over its
 * pure core) and belenios-tool in an election directory. Each step of an election is one command,
 * as in Belenios' own demo scripts, so every artefact is the exact file the tools exchange.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const heliosBin = join(
  dirname(createRequire(import.meta.url).resolve('@imago/helios-c/package.json')),
  'dist/cli/helios-c.js',
);

/** A failed command, with its standard error. */
export class ElectionToolError extends Error {
  readonly code = 'ELECTION_TOOL_FAILED';
  constructor(
    readonly command: string,
    readonly stderr: string,
  ) {
    super(`${command} failed: ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
    this.name = 'ElectionToolError';
  }
}

function run(file: string, args: readonly string[], cwd: string, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      [...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new ElectionToolError(
              `${file.endsWith('.js') ? 'helios-c' : file} ${args.slice(0, 2).join(' ')}`,
              stderr,
            ),
          );
        else resolve(stdout);
      },
    );
    child.stdin?.end(input ?? '');
  });
}

/**
 * Runs `helios-c ARGS` in `cwd`.
 *
 * @param args - the command line (as for belenios-tool).
 * @param cwd - the election directory.
 * @param input - standard input.
 * @returns standard output.
 * @throws {@link ElectionToolError} on a non-zero exit.
 */
export function heliosC(args: readonly string[], cwd: string, input?: string): Promise<string> {
  return run(process.execPath, [heliosBin, ...args], cwd, input);
}

/**
 * Runs `belenios-tool ARGS` in `cwd`.
 *
 * @param tool - the belenios-tool executable.
 * @param args - the command line.
 * @param cwd - the election directory.
 * @returns standard output.
 * @throws {@link ElectionToolError} on a non-zero exit.
 */
export function beleniosTool(
  tool: string,
  args: readonly string[],
  cwd: string,
  input?: string,
): Promise<string> {
  return run(tool, args, cwd, input);
}
