/**
 * Test support for the `imago-vf` CLI suites: running the built CLI in a child process, input
 * files in a temporary folder, and how many lines it wrote on stderr.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
export const BIN = fileURLToPath(new URL('../../dist/cli/imago-vf.js', import.meta.url));
export const work = mkdtempSync(join(tmpdir(), 'imago-vf-cli-'));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

export const jsonl = (...items: object[]) => items.map((i) => JSON.stringify(i)).join('\n');
export const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });
export const oneLine = (r: Run) => r.stderr.split('\n').filter((l) => l !== '').length;
