/**
 * @module
 * Runs `belenios-tool method …` (the reference implementation) on a case, for differential tests.
 */
import { existsSync } from 'node:fs';
import type { MethodCase } from './random-ballot-sets';
import { type ProcessOutput, runProcess } from './run-process';

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

/** The standard input of a case: its ballots as JSON. */
export const caseInput = (testCase: MethodCase): string => JSON.stringify(testCase.ballots);

/** Runs belenios-tool on one case: its exit code and raw output. */
export function runBeleniosTool(testCase: MethodCase): Promise<ProcessOutput> {
  return runProcess(BELENIOS_TOOL, ['method', testCase.method, ...testCase.args], caseInput(testCase));
}

/** Runs belenios-tool on every case, `parallel` at a time, answers in case order. */
export async function runBeleniosToolAll(
  cases: readonly MethodCase[],
  parallel = 2,
): Promise<ProcessOutput[]> {
  const answers: ProcessOutput[] = new Array(cases.length);
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
