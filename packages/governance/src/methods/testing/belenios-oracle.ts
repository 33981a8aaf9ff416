/**
 * @module
 * Runs `belenios-tool method …` (the reference implementation) on a case, for differential tests.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { MethodCase } from './random-ballot-sets';

/** Where belenios-tool is expected. */
export const BELENIOS_TOOL = process.env.BELENIOS_TOOL ?? '/usr/bin/belenios-tool';

/** Throws a clear error if belenios-tool is not installed: the differential tests need it. */
export function requireBeleniosTool(): void {
  if (!existsSync(BELENIOS_TOOL)) {
    throw new Error(
      `belenios-tool not found at ${BELENIOS_TOOL}: install the Debian package belenios-tool (Belenios 2.0) or set BELENIOS_TOOL`,
    );
  }
}

/** What belenios-tool printed: its standard output when it succeeded, or that it failed. */
export type OracleAnswer =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly stderr: string };

/** Runs belenios-tool on one case. */
export function runBeleniosTool(testCase: MethodCase): Promise<OracleAnswer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      BELENIOS_TOOL,
      ['method', testCase.method, ...testCase.args],
      { maxBuffer: 1 << 28 },
      (error, stdout, stderr) => {
        if (error === null) resolve({ ok: true, stdout: stdout.trimEnd() });
        else if (typeof error.code === 'number') resolve({ ok: false, stderr });
        else reject(error);
      },
    );
    child.stdin?.end(JSON.stringify(testCase.ballots));
  });
}

/** Runs belenios-tool on every case, `parallel` at a time, answers in case order. */
export async function runBeleniosToolAll(
  cases: readonly MethodCase[],
  parallel = 2,
): Promise<OracleAnswer[]> {
  const answers: OracleAnswer[] = new Array(cases.length);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < cases.length) {
      const i = nextIndex++;
      answers[i] = await runBeleniosTool(cases[i]!);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return answers;
}
