/**
 * Differential tests: imago-tally against belenios-tool (the reference), byte for byte. What
 * `belenios-tool method …` writes on standard output must be exactly what imago-tally writes
 * (whitespace, key order, number formatting included); where belenios-tool refuses the input,
 * imago-tally must refuse it too and write nothing on standard output.
 *
 * - The recorded cases (`test/vectors/belenios-tool/cases.json`) run through the `imago-tally`
 *   process and a live belenios-tool.
 * - Random ballot sets run through the command in-process (`runTally`, whose output the
 *   `imago-tally` process writes unchanged) — `IMAGO_DIFFERENTIAL_CASES` per method, default
 *   150 — and the first `IMAGO_DIFFERENTIAL_PROCESS_CASES` of them (default 10) through the
 *   process as well.
 *
 * Each run draws a new seed and prints it; `IMAGO_SEED=<seed>` replays a run (the seed is also
 * in every failure message). `pnpm test:differential` runs 3,000 random sets per method.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseInput,
  requireBeleniosTool,
  runBeleniosTool,
  runBeleniosToolAll,
} from '../../test/support/belenios-oracle';
import { buildImagoTally, type ImagoTallyProcess } from '../../test/support/imago-tally-process';
import { type MethodCase, Random, randomCase, runSeed } from '../../test/support/random-ballot-sets';
import type { ProcessOutput } from '../../test/support/run-process';
import { runTally } from '../cli/tally-command';

const CASES = Number(process.env.IMAGO_DIFFERENTIAL_CASES ?? 150);
const PROCESS_CASES = Math.min(CASES, Number(process.env.IMAGO_DIFFERENTIAL_PROCESS_CASES ?? 10));
const SEED = runSeed();
const REPLAY = `seed ${SEED} (replay with IMAGO_SEED=${SEED})`;
console.info(`belenios-tool differential: ${CASES} random ballot sets per method, ${REPLAY}`);

interface FixtureCase extends MethodCase {
  readonly output: unknown;
}

const fixtures = JSON.parse(
  readFileSync(new URL('../../test/vectors/belenios-tool/cases.json', import.meta.url), 'utf8'),
) as FixtureCase[];

/** The command in-process, its output as the bytes the process writes. */
function tallyInProcess(testCase: MethodCase): ProcessOutput {
  const outcome = runTally([testCase.method, ...testCase.args], () =>
    new TextEncoder().encode(caseInput(testCase)),
  );
  return {
    code: outcome.code,
    stdout: Buffer.from(outcome.stdout ?? '', 'utf8'),
    stderr: Buffer.from(outcome.stderr ?? '', 'utf8'),
  };
}

/** Both outputs, shown with their whitespace, for a failure message. */
const shown = (label: string, ours: ProcessOutput, theirs: ProcessOutput) =>
  `${label}\n  imago-tally  (exit ${ours.code}): ${JSON.stringify(ours.stdout.toString('utf8'))}\n  belenios-tool (exit ${theirs.code}): ${JSON.stringify(theirs.stdout.toString('utf8'))}`;

/** imago-tally agrees with belenios-tool: same bytes on success, a refusal (and no output) on refusal. */
function expectSameAnswer(ours: ProcessOutput, theirs: ProcessOutput, label: string): void {
  const message = shown(label, ours, theirs);
  if (theirs.code === 0) {
    expect(ours.code, message).toBe(0);
    expect(ours.stderr.length, message).toBe(0);
    expect(ours.stdout.equals(theirs.stdout), message).toBe(true);
  } else {
    expect(ours.code, message).not.toBe(0);
    expect(ours.stdout.length, message).toBe(0);
    expect(theirs.stdout.length, message).toBe(0);
  }
}

let imagoTally: ImagoTallyProcess;
beforeAll(async () => {
  imagoTally = await buildImagoTally();
}, 120_000);
afterAll(() => imagoTally?.dispose());

describe('the recorded belenios-tool cases (test/vectors/belenios-tool/cases.json)', () => {
  it.each(fixtures.map((c, i) => [i, c.method, c] as const))(
    'case %i (%s): the imago-tally process writes the bytes belenios-tool writes, the recorded result',
    async (i, _, c) => {
      requireBeleniosTool();
      const [ours, theirs] = await Promise.all([
        imagoTally.run([c.method, ...c.args], caseInput(c)),
        runBeleniosTool(c),
      ]);
      expect(theirs.code).toBe(0);
      expectSameAnswer(ours, theirs, `recorded case ${i}`);
      expect(JSON.parse(ours.stdout.toString('utf8'))).toEqual(c.output);
    },
  );
});

describe.each(['schulze', 'majority-judgment', 'stv'] as const)(
  '%s against belenios-tool on random ballot sets',
  (method) => {
    const random = new Random(SEED + method.length);
    const cases = Array.from({ length: CASES }, () => randomCase(method, random));
    const label = (i: number) =>
      `${REPLAY}, ${method} case ${i}: ${method} ${cases[i]!.args.join(' ')} < ${caseInput(cases[i]!)}`;
    let answers: ProcessOutput[];

    it(`${CASES} sets: the command writes the bytes belenios-tool writes`, {
      timeout: Math.max(120_000, CASES * 200),
    }, async () => {
      requireBeleniosTool();
      answers = await runBeleniosToolAll(cases);
      let refused = 0;
      for (const [i, testCase] of cases.entries()) {
        if (answers[i]!.code !== 0) refused++;
        expectSameAnswer(tallyInProcess(testCase), answers[i]!, label(i));
      }
      // The generator must mostly produce countable sets, or the comparison says little.
      expect(refused, REPLAY).toBeLessThan(CASES / 4);
    });

    it(`the first ${PROCESS_CASES} sets: the imago-tally process writes those bytes too`, {
      timeout: 120_000,
    }, async () => {
      expect(answers, 'the comparison above ran').toBeDefined();
      for (let i = 0; i < PROCESS_CASES; i++) {
        const ours = await imagoTally.run([method, ...cases[i]!.args], caseInput(cases[i]!));
        expectSameAnswer(ours, answers[i]!, label(i));
      }
    });
  },
);

describe('the byte comparison can fail', () => {
  const theirs: ProcessOutput = { code: 0, stdout: Buffer.from('{"a":1}\n'), stderr: Buffer.alloc(0) };
  it.each([
    ['a space', '{"a": 1}\n'],
    ['no final newline', '{"a":1}'],
    ['another number format', '{"a":1.0}\n'],
  ])('%s is a difference', (_, text) => {
    const ours: ProcessOutput = { code: 0, stdout: Buffer.from(text), stderr: Buffer.alloc(0) };
    expect(() => expectSameAnswer(ours, theirs, 'probe')).toThrow();
  });
});
