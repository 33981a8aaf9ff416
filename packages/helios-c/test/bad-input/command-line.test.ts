/**
 * Bad input on helios-c's command line: one `helios-c:` line on standard error naming the file (or
 * the option) and the place, never a doubled message or a raw system error; exit codes as
 * belenios-tool's where it gives one for the same input (124), 123 for other rejected files.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { belenios, helios, type RunResult, requireBeleniosTool } from '../support/tools';

requireBeleniosTool();
const work = mkdtempSync(join(tmpdir(), 'helios-c-bad-input-'));

/** The error lines (belenios-tool's `I:` progress lines aside). */
const errorLines = (result: RunResult) =>
  result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('I: '));

function expectOneLine(result: RunResult, code: number, names: string): void {
  expect(result.code).toBe(code);
  expect(errorLines(result)).toHaveLength(1);
  expect(errorLines(result)[0]).toMatch(/^helios-c: /);
  expect(result.stderr).toContain(names);
}

describe('helios-c on bad input', () => {
  it('a junk archive: one line naming the archive and the byte, exit 124 as belenios-tool', async () => {
    const dir = join(work, 'junk');
    mkdirSync(dir);
    const archive = join(dir, 'HxCJunk2345678912.bel');
    writeFileSync(archive, new Uint8Array(100).fill(7));
    const args = ['election', 'verify', `--dir=${dir}`];
    const ours = await helios(args, work);
    expectOneLine(ours, 124, archive);
    expect(ours.stderr).toContain('byte 0');
    expect((await belenios(args, work)).code).toBe(124);
  });

  it('a directory that does not exist: the option and the path, no system error, exit 124', async () => {
    const dir = join(work, 'nowhere');
    const args = ['election', 'verify', `--dir=${dir}`];
    const ours = await helios(args, work);
    expectOneLine(ours, 124, dir);
    expect(ours.stderr).not.toContain('ENOENT');
    expect((await belenios(args, work)).code).toBe(124);
  });

  it('a uuid that is not Base58 of at least 14 characters is refused, nothing written', async () => {
    const dir = join(work, 'uuid');
    mkdirSync(dir);
    for (const uuid of ['bad', 'HxC0lIO23456789', 'HxC234567891']) {
      const args = [
        'setup',
        'generate-credentials',
        `--uuid=${uuid}`,
        '--group=BELENIOS-2048',
        '--count=2',
        `--dir=${dir}`,
      ];
      expectOneLine(await helios(args, work), 124, '--uuid');
      expect((await belenios(args, work)).code).toBe(124);
    }
    const election = [
      'setup',
      'make-election',
      '--uuid=bad',
      '--group=BELENIOS-2048',
      `--template=${join(dir, 't.json')}`,
    ];
    expectOneLine(await helios([...election, `--dir=${dir}`], work), 124, '--uuid');
  });

  it('a truncated template or trustees file: one line naming the file and the JSON path', async () => {
    const dir = join(work, 'template');
    mkdirSync(dir);
    const template = join(dir, 'template.json');
    writeFileSync(template, '{"name":"Board","questions":[');
    writeFileSync(join(dir, 'trustees.json'), '[]');
    const args = [
      'setup',
      'make-election',
      '--uuid=HxCBoard23456789',
      '--group=BELENIOS-2048',
      `--template=${template}`,
      `--dir=${dir}`,
    ];
    const ours = await helios(args, work);
    expectOneLine(ours, 123, template);
    expect(ours.stderr).toContain('$');
    writeFileSync(
      template,
      '{"name":"Board","description":"","questions":[{"question":"Chair?","answers":["Ana","Bo"],"min":1,"max":1}]}',
    );
    writeFileSync(join(dir, 'trustees.json'), '[["Single",');
    expectOneLine(await helios(args, work), 123, join(dir, 'trustees.json'));
  });

  it('a voter file that cannot be read: one line naming it', async () => {
    const missing = join(work, 'voters.txt');
    const args = [
      'setup',
      'generate-credentials',
      '--uuid=HxCVoters23456789',
      '--group=BELENIOS-2048',
      `--file=${missing}`,
      `--dir=${work}`,
    ];
    const ours = await helios(args, work);
    expect(ours.code).not.toBe(0);
    expect(errorLines(ours)).toHaveLength(1);
    expect(ours.stderr).toContain(missing);
  });
});
