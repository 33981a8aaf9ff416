/**
 * @module
 * Runs belenios-tool, the independent verifier of the archives this service exports from the
 * room history (`belenios-tool election verify --dir=…`).
 */
import { execFile } from 'node:child_process';

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

/**
 * Runs `belenios-tool ARGS` in `cwd`.
 *
 * @param tool - the belenios-tool executable.
 * @param args - the command line.
 * @param cwd - the election directory.
 * @returns standard output.
 * @throws {@link ElectionToolError} on a non-zero exit.
 */
export function beleniosTool(tool: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      [...args],
      { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new ElectionToolError(`belenios-tool ${args.slice(0, 2).join(' ')}`, stderr));
        else resolve(stdout);
      },
    );
  });
}
