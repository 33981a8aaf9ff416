/**
 * Bad input on helios-c's command line: one `helios-c:` line on standard error naming the file (or
 * the option) and the place, never a doubled message or a raw system error; the exit code is
 * belenios-tool's for the same input (each case runs both tools).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { belenios, helios, ok, type RunResult, requireBeleniosTool } from '../support/tools';

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

  it('a truncated or malformed template, trustees file or voter list: one line naming the file, exit 124 as belenios-tool', async () => {
    const dir = join(work, 'template');
    mkdirSync(dir);
    // A real trustee, so that only the file under test is wrong.
    await ok(
      belenios(['setup', 'generate-trustee-key', '--group=BELENIOS-2048'], dir),
      'generate-trustee-key',
    );
    const pubkey = readdirSync(dir).find((file) => file.endsWith('.pubkey'))!;
    writeFileSync(join(dir, 'public_keys.jsons'), readFileSync(join(dir, pubkey)));
    await ok(belenios(['setup', 'make-trustees', `--dir=${dir}`], dir), 'make-trustees');
    const trustees = readFileSync(join(dir, 'trustees.json'), 'utf8');
    const template = join(dir, 'template.json');
    const good =
      '{"name":"Board","description":"","questions":[{"question":"Chair?","answers":["Ana","Bo"],"min":1,"max":1}]}';
    const election = [
      'setup',
      'make-election',
      '--uuid=HxCBoard23456789',
      '--group=BELENIOS-2048',
      `--template=${template}`,
      `--dir=${dir}`,
    ];
    const bad = [
      { file: template, text: '{"name":"Board","questions":[' },
      { file: template, text: '{' },
      { file: template, text: '' },
      { file: template, text: '[1]' },
      { file: template, text: '{"name":"Board"}' },
      { file: join(dir, 'trustees.json'), text: '[["Single",' },
      { file: join(dir, 'trustees.json'), text: '{}' },
    ];
    for (const { file, text } of bad) {
      writeFileSync(template, good);
      writeFileSync(join(dir, 'trustees.json'), trustees);
      writeFileSync(file, text);
      const theirs = await belenios(election, work);
      const ours = await helios(election, work);
      expect({ text, code: theirs.code }).toEqual({ text, code: 124 });
      expectOneLine(ours, theirs.code, file);
    }
    // The same files well formed: both tools make the election.
    writeFileSync(template, good);
    writeFileSync(join(dir, 'trustees.json'), trustees);
    expect((await belenios(election, work)).code).toBe(0);
    expect((await helios(election, work)).code).toBe(0);

    const voters = join(dir, 'voters.txt');
    writeFileSync(voters, 'ana@example.org,Ana,x\n');
    const credentials = [
      'setup',
      'generate-credentials',
      '--uuid=HxCBoard23456789',
      '--group=BELENIOS-2048',
      `--file=${voters}`,
      `--dir=${dir}`,
    ];
    const theirs = await belenios(credentials, work);
    expect(theirs.code).toBe(124);
    expectOneLine(await helios(credentials, work), theirs.code, voters);
  });

  it('a voter file that cannot be read: one line naming it, exit code as belenios-tool', async () => {
    const missing = join(work, 'voters.txt');
    const args = [
      'setup',
      'generate-credentials',
      '--uuid=HxCVoters23456789',
      '--group=BELENIOS-2048',
      `--file=${missing}`,
      `--dir=${work}`,
    ];
    expectOneLine(await helios(args, work), (await belenios(args, work)).code, missing);
  });
});
