/**
 * belenios-tool's own demo scripts, unchanged except for where the tool and the working directory
 * are, run with helios-c in place of belenios-tool; the resulting archives must then verify with
 * belenios-tool.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { belenios, beleniosTool, helios, heliosCli, requireBeleniosTool } from '../support/tools';

const examples = '/usr/share/doc/belenios-tool/examples';

/** The template the demo scripts expect in the Belenios source tree (tests/tool/templates). */
const template = JSON.stringify({
  description: 'Description of the election.',
  name: 'Name of the election',
  questions: [
    { answers: ['Answer 1', 'Answer 2'], min: 0, max: 1, question: 'Question 1?' },
    { answers: ['Answer 1', 'Answer 2', 'Answer 3'], min: 1, max: 2, question: 'Question 2?' },
  ],
});

function adapt(script: string): string {
  // Only the locations change: the tool to call, the template, and the working directory.
  return (
    script
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a template
      .replace(/^BELENIOS=.*$/m, 'BELENIOS_TOOL="${BELENIOS_TOOL:?}"')
      .replace('$BELENIOS/_run/tool-debug/bin/belenios-tool', '$BELENIOS_TOOL')
      .replace(/^DIR=.*$/m, 'DIR=$WORKDIR/$UUID')
      .replace('$BELENIOS/tests/tool/templates/questions.json', '$TEMPLATE')
  );
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

describe('belenios-tool demo scripts run with helios-c', () => {
  for (const name of ['demo.sh', 'demo-threshold.sh']) {
    test.concurrent(name, async () => {
      requireBeleniosTool();
      const original = join(examples, name);
      if (!existsSync(original)) throw new Error(`${original} is missing (package belenios-tool)`);
      const work = mkdtempSync(join(tmpdir(), 'helios-c-demo-'));
      const script = join(work, name);
      writeFileSync(script, adapt(readFileSync(original, 'utf8')));
      writeFileSync(join(work, 'questions.json'), template);
      const { code, output } = await runScript(script, {
        BELENIOS_TOOL: `${process.execPath} ${heliosCli()}`,
        TEMPLATE: join(work, 'questions.json'),
        WORKDIR: work,
      });
      expect(code, output.slice(-3000)).toBe(0);
      expect(output).toContain('The simulated election was successful!');
      if (name === 'demo.sh') expect(output).toContain('Result is correct!');
      const electionDir = readdirSync(work, { withFileTypes: true }).find((d) => d.isDirectory());
      if (!electionDir) throw new Error('the demo left no election directory');
      const verified = await belenios(['election', 'verify'], join(work, electionDir.name));
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stderr).toContain('all checks passed');
    }, 240_000);
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
    const electionDir = readdirSync(work, { withFileTypes: true }).find((d) => d.isDirectory());
    if (!electionDir) throw new Error('the demo left no election directory');
    const verified = await helios(['election', 'verify'], join(work, electionDir.name));
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stderr).toContain('all checks passed');
  }, 240_000);
});
