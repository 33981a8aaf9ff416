/**
 * @module
 * The `imago-tally` executable for tests: built from source with tsup (the repository's build
 * tool) into a temporary directory and run as a process, as users run it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { type ProcessOutput, runProcess } from './run-process';

/** A built `imago-tally`. */
export interface ImagoTallyProcess {
  /** Runs `imago-tally args…` with `input` on standard input. */
  run(args: readonly string[], input: string | Uint8Array): Promise<ProcessOutput>;
  /** Removes the build. */
  dispose(): void;
}

/** Builds `imago-tally` from `src/cli/imago-tally.ts`. */
export async function buildImagoTally(): Promise<ImagoTallyProcess> {
  const outDir = mkdtempSync(join(tmpdir(), 'imago-tally-test-'));
  await build({
    entry: { 'imago-tally': fileURLToPath(new URL('../../src/cli/imago-tally.ts', import.meta.url)) },
    outDir,
    format: ['esm'],
    target: 'es2022',
    silent: true,
    config: false,
  });
  const bin = join(outDir, 'imago-tally.js');
  return {
    run: (args, input) => runProcess(process.execPath, [bin, ...args], input),
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
