/**
 * Differential tests: imago-tally against belenios-tool (the reference) on the published fixture
 * cases and on seeded random ballot sets. Every field of the output must be identical, byte for
 * byte; where belenios-tool refuses the input, imago-tally must refuse it too.
 *
 * `IMAGO_DIFFERENTIAL_CASES` sets the number of random cases per method (default 150);
 * `IMAGO_DIFFERENTIAL_SEED` the seed. `pnpm test:differential` runs thousands.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTally } from '../cli/tally-command';
import { requireBeleniosTool, runBeleniosToolAll } from './testing/belenios-oracle';
import { type MethodCase, Random, randomCase } from './testing/random-ballot-sets';

const CASES = Number(process.env.IMAGO_DIFFERENTIAL_CASES ?? 150);
const SEED = Number(process.env.IMAGO_DIFFERENTIAL_SEED ?? 20261126);

interface FixtureCase extends MethodCase {
  readonly output: unknown;
}

const fixtures = JSON.parse(
  readFileSync(new URL('../../test/vectors/belenios-tool/cases.json', import.meta.url), 'utf8'),
) as FixtureCase[];

function tally(testCase: MethodCase) {
  const input = new TextEncoder().encode(JSON.stringify(testCase.ballots));
  return runTally([testCase.method, ...testCase.args], () => input);
}

describe('belenios-tool fixture cases (test/vectors/belenios-tool/cases.json)', () => {
  it.each(fixtures.map((c, i) => [i, c.method, c] as const))(
    'case %i (%s) gives the recorded output',
    (_, __, c) => {
      const outcome = tally(c);
      expect(outcome.code).toBe(0);
      expect(JSON.parse(outcome.stdout!)).toEqual(c.output);
    },
  );
});

describe.each(['schulze', 'majority-judgment', 'stv'] as const)(
  '%s against belenios-tool on random ballot sets',
  (method) => {
    it(`agrees on ${CASES} seeded random cases`, { timeout: Math.max(120_000, CASES * 200) }, async () => {
      requireBeleniosTool();
      const random = new Random(SEED + method.length);
      const cases = Array.from({ length: CASES }, () => randomCase(method, random));
      const answers = await runBeleniosToolAll(cases);
      let refused = 0;
      for (const [i, testCase] of cases.entries()) {
        const answer = answers[i]!;
        const outcome = tally(testCase);
        const label = `case ${i}: ${method} ${testCase.args.join(' ')} ${JSON.stringify(testCase.ballots)}`;
        if (answer.ok) {
          expect(outcome.stderr, label).toBeUndefined();
          expect(outcome.stdout?.trimEnd(), label).toBe(answer.stdout);
        } else {
          refused++;
          expect(outcome.code, label).not.toBe(0);
        }
      }
      // The generator must mostly produce countable sets, or the comparison says little.
      expect(refused).toBeLessThan(CASES / 4);
    });
  },
);
