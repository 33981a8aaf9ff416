/**
 * Standard streams for the command-line tool.
 *
 * @module
 */
import { readSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Reads all of standard input, up to its end. A non-blocking standard input (`EAGAIN`, e.g. a pipe
 * shared with a process that switched it to non-blocking mode) is waited for, never taken for an
 * empty one: a lost payload line would otherwise be silently recorded as a missing payload.
 * @returns the bytes (empty when standard input is closed)
 * @throws the operating-system error of any other failed read
 */
export function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      if (code === 'EBADF' && chunks.length === 0) return Buffer.alloc(0);
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** Writes an informational line on standard error, belenios-tool style. */
export function info(message: string): void {
  process.stderr.write(`I: ${message}\n`);
}

/** Writes a warning line on standard error, belenios-tool style. */
export function warn(message: string): void {
  process.stderr.write(`W: ${message}\n`);
}
