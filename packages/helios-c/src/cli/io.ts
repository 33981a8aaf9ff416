/**
 * Standard streams for the command-line tool.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/**
 * Reads all of standard input (empty when it is a terminal or closed).
 * @returns the bytes
 */
export function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch {
    return Buffer.alloc(0);
  }
}

/** Writes an informational line on standard error, belenios-tool style. */
export function info(message: string): void {
  process.stderr.write(`I: ${message}\n`);
}

/** Writes a warning line on standard error, belenios-tool style. */
export function warn(message: string): void {
  process.stderr.write(`W: ${message}\n`);
}
