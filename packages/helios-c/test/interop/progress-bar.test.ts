/**
 * Long operations draw a progress bar on standard error when it is a terminal (here a
 * pseudo-terminal made by util-linux's `script`), and print nothing of the kind otherwise.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { helios, heliosCli } from '../support/tools';

const uuid = 'bj5fpu5xwBZxHd';

function electionFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'helios-c-progress-'));
  copyFileSync(new URL(`../vectors/belenios/h-2048/${uuid}.bel`, import.meta.url), join(dir, `${uuid}.bel`));
  return dir;
}

/** Runs helios-c with its standard streams on a pseudo-terminal; returns what the terminal showed. */
function onTerminal(args: readonly string[], cwd: string): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, heliosCli(), ...args].map((a) => `'${a}'`).join(' ');
  return new Promise((resolve) => {
    execFile('script', ['-qec', command, '/dev/null'], { cwd }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, screen: stdout });
    });
  });
}

describe('progress bars', () => {
  test.each([
    ['verify', 'verifying'],
    ['compute-encrypted-tally', 'tallying'],
  ])(
    'election %s shows "%s" with the count of ballots on a terminal',
    async (command, label) => {
      const result = await onTerminal(['election', command], electionFolder());
      expect(result.code, result.screen).toBe(0);
      expect(result.screen).toContain(`${label} [`);
      expect(result.screen).toContain('10/10');
    },
    60_000,
  );

  test('no bar when standard error is not a terminal', async () => {
    const result = await helios(['election', 'verify'], electionFolder());
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('verifying [');
    expect(result.stderr).toContain('all checks passed');
  }, 60_000);
});
