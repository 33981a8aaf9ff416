/**
 * belenios-tool's own demo scripts, unchanged except for where the tool, the template and the
 * working directory are, run with helios-c in place of belenios-tool; the resulting archives must
 * then verify with belenios-tool.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { belenios, beleniosTool, helios, heliosCli, requireBeleniosTool } from '../support/tools';

const examples = '/usr/share/doc/belenios-tool/examples';

const description = 'Description of the election.';
const name = 'Name of the election';

/** The template the demo scripts expect in the Belenios source tree (tests/tool/templates). */
const template = JSON.stringify({
  description,
  name,
  questions: [
    { answers: ['Answer 1', 'Answer 2'], min: 0, max: 1, question: 'Question 1?' },
    { answers: ['Answer 1', 'Answer 2', 'Answer 3'], min: 1, max: 2, question: 'Question 2?' },
  ],
});

/**
 * The templates of demo-nh.sh, demo-mj.sh and demo-stv.sh (tests/tool/templates/questions-nh.json,
 * questions-mj.json and questions-stv.json in the Belenios source tree, not shipped with
 * belenios-tool) are reconstructed from what each script implies: its ballots, its reference
 * result and the arguments of the counting method it applies.
 */
const nonHomomorphic = (answers: number, question: string) => ({
  type: 'NonHomomorphic',
  value: { answers: Array.from({ length: answers }, (_, i) => `Answer ${i + 1}`), question },
});

/**
 * demo-nh.sh: ballots [[a,b],[x,y,z],[r1,r2,r3]]. Question 1 has two answers and is sometimes left
 * empty ([0,0]); question 2 always has exactly one 1 among three cells, read here as two answers
 * with a blank vote allowed (the first cell is the blank choice, as Belenios lays out such
 * questions); question 3 is non-homomorphic with three ranked answers, the one `.result[2]` feeds
 * to Schulze (a 3×3 matrix, 60 valid ballots).
 */
const templateNh = JSON.stringify({
  description,
  name,
  questions: [
    { answers: ['Answer 1', 'Answer 2'], min: 0, max: 1, question: 'Question 1?' },
    { answers: ['Answer 1', 'Answer 2'], blank: true, min: 1, max: 1, question: 'Question 2?' },
    nonHomomorphic(3, 'Question 3?'),
  ],
});

/**
 * demo-mj.sh: one non-homomorphic question with four answers, each graded 1 to 5
 * (--ngrades 5); [[0,0,0,0]] is the blank ballot (--blank-allowed true) and [[5,0,5,5]] the
 * invalid one of the reference result.
 */
const templateMj = JSON.stringify({ description, name, questions: [nonHomomorphic(4, 'Question?')] });

/** demo-stv.sh: one non-homomorphic question with five answers ranked 1 to 5 (--nseats 2). */
const templateStv = JSON.stringify({ description, name, questions: [nonHomomorphic(5, 'Question?')] });

interface Demo {
  readonly script: string;
  readonly template: string;
  /** Lines the script prints when it succeeds, including its own check of the result. */
  readonly success: readonly string[];
}

const successful = 'The simulated election was successful!';

const demos: readonly Demo[] = [
  { script: 'demo.sh', template, success: [successful, 'Result is correct!'] },
  { script: 'demo-threshold.sh', template, success: [successful] },
  { script: 'demo-nh.sh', template: templateNh, success: [successful, 'Schulze output is identical!'] },
  {
    script: 'demo-mj.sh',
    template: templateMj,
    success: [successful, 'Majority Judgment output is identical!'],
  },
  { script: 'demo-stv.sh', template: templateStv, success: [successful, 'STV output is identical!'] },
];

function adapt(script: string): string {
  // Only the locations change: the tool to call, the template, and the working directory.
  return (
    script
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a template
      .replace(/^BELENIOS=.*$/m, 'BELENIOS_TOOL="${BELENIOS_TOOL:?}"')
      .replace('$BELENIOS/_run/tool-debug/bin/belenios-tool', '$BELENIOS_TOOL')
      .replace(/^DIR=.*$/m, 'DIR=$WORKDIR/$UUID')
      .replace(/\$BELENIOS\/tests\/tool\/templates\/questions(-[a-z]+)?\.json/, '$$TEMPLATE')
  );
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command the scripts run as belenios-tool: helios-c, except for `method` (the counting
 * methods Schulze, majority judgment and STV applied to a decrypted result), which helios-c does
 * not provide and which goes to belenios-tool.
 */
function writeTool(work: string): string {
  const path = join(work, 'tool');
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      `if [ "$1" = method ]; then exec ${shellQuote(beleniosTool)} "$@"; fi`,
      `exec ${shellQuote(process.execPath)} ${shellQuote(heliosCli())} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}

function runScript(path: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [path],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: stdout + stderr,
        });
      },
    );
  });
}

function electionDirectory(work: string): string {
  const electionDir = readdirSync(work, { withFileTypes: true }).find((d) => d.isDirectory());
  if (!electionDir) throw new Error('the demo left no election directory');
  return join(work, electionDir.name);
}

describe('belenios-tool demo scripts run with helios-c', () => {
  for (const demo of demos) {
    test.concurrent(demo.script, async () => {
      requireBeleniosTool();
      const original = join(examples, demo.script);
      if (!existsSync(original)) throw new Error(`${original} is missing (package belenios-tool)`);
      const work = mkdtempSync(join(tmpdir(), 'helios-c-demo-'));
      const script = join(work, demo.script);
      writeFileSync(script, adapt(readFileSync(original, 'utf8')));
      writeFileSync(join(work, 'questions.json'), demo.template);
      const started = performance.now();
      const { code, output } = await runScript(script, {
        BELENIOS_TOOL: writeTool(work),
        TEMPLATE: join(work, 'questions.json'),
        WORKDIR: work,
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`${demo.script} with helios-c: ${seconds} s`);
      expect(code, output.slice(-3000)).toBe(0);
      for (const line of demo.success) expect(output).toContain(line);
      const verified = await belenios(['election', 'verify'], electionDirectory(work));
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stderr).toContain('all checks passed');
      // Kept for inspection when a check fails.
      rmSync(work, { recursive: true, force: true });
    }, 600_000);
  }

  test.concurrent('demo.sh run by belenios-tool itself: helios-c verifies the fresh archive', async () => {
    requireBeleniosTool();
    const work = mkdtempSync(join(tmpdir(), 'helios-c-demo-belenios-'));
    const script = join(work, 'demo.sh');
    writeFileSync(script, adapt(readFileSync(join(examples, 'demo.sh'), 'utf8')));
    writeFileSync(join(work, 'questions.json'), template);
    const { code, output } = await runScript(script, {
      BELENIOS_TOOL: beleniosTool,
      TEMPLATE: join(work, 'questions.json'),
      WORKDIR: work,
    });
    expect(code, output.slice(-3000)).toBe(0);
    const verified = await helios(['election', 'verify'], electionDirectory(work));
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stderr).toContain('all checks passed');
    rmSync(work, { recursive: true, force: true });
  }, 240_000);
});
