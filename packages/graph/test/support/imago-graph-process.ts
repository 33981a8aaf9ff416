/**
 * The `imago-graph` executable for the CLI tests: run as a process, as users run it, with input
 * files written to a temporary directory of the test file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// Built by test/build-package.ts exactly as tsup builds dist/cli/imago-graph.js (the package's bin).
const BIN = fileURLToPath(new URL('../../test-artifacts/cli/imago-graph.js', import.meta.url));

/** The Paris–Lyon example graph (`test/graphs`). */
export const GRAPH = fileURLToPath(new URL('../graphs/paris-lyon.json', import.meta.url));

/** A temporary directory for the files of one test file. */
export const work = mkdtempSync(join(tmpdir(), 'imago-graph-cli-'));

/** How a run ended. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `imago-graph args…`. */
export function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Writes `content` to `name` in {@link work}; returns its path. */
export function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

/** The non-empty lines of an output. */
export const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** The target keys of one propagation output. */
export const keys = (output: { targets: { key: string }[] }) => output.targets.map((t) => t.key);

/** The run failed with `code`, no output and one line on stderr (naming `names`, if given). */
export function expectOneLineError(result: Run, code: number, names?: string): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(lines(result.stderr)).toHaveLength(1);
  if (names !== undefined) expect(result.stderr).toContain(names);
}
