/**
 * @module
 * Runs a command with bytes on standard input and takes its exit code and raw output, for the
 * tests that compare imago-tally with belenios-tool byte for byte.
 */
import { execFile } from 'node:child_process';

/** What a process wrote and how it ended. */
export interface ProcessOutput {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

/**
 * Runs `command args…` with `input` on standard input.
 *
 * @returns the exit code (0 on success) and the raw bytes of standard output and error
 * @throws when the command cannot be started at all
 */
export function runProcess(
  command: string,
  args: readonly string[],
  input: string | Uint8Array,
): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { encoding: 'buffer', maxBuffer: 1 << 28 },
      (error, stdout, stderr) => {
        if (error === null) resolve({ code: 0, stdout, stderr });
        else if (typeof error.code === 'number') resolve({ code: error.code, stdout, stderr });
        else reject(error);
      },
    );
    // A process that refuses its arguments may exit before reading: a closed pipe is its answer, not ours.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}
