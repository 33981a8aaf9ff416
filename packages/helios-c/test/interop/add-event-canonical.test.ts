/**
 * `helios-c archive add-event` only ever writes archives that belenios-tool's regeneration check
 * accepts: the same bytes as `belenios-tool archive add-event` for a well-formed input, and a
 * refusal (archive untouched) for input that would leave a missing, extra or misplaced record.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readTar } from '../../src/archive/tar';
import { fixtureArchive } from '../support/archive-surgery';
import { belenios, helios, heliosCli, ok, requireBeleniosTool } from '../support/tools';

const uuid = 'R6Hy46qYtRmUJ3';
const full = fixtureArchive('nh-rfc');
const entries = readTar(full);
// The archive up to its last PartialDecryption: the Result (data, event) is what we add back.
const resultData = entries.at(-2);
const beforeResult = full.subarray(0, resultData?.offset);
const resultLine = new TextDecoder().decode(resultData?.content);

function electionDir(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'helios-c-add-event-'));
  writeFileSync(join(dir, `${uuid}.bel`), bytes);
  return dir;
}
const archiveOf = (dir: string) => new Uint8Array(readFileSync(join(dir, `${uuid}.bel`)));

test('adds the same bytes as belenios-tool, and belenios-tool verifies the result', async () => {
  requireBeleniosTool();
  const ours = electionDir(beforeResult);
  const theirs = electionDir(beforeResult);
  await ok(helios(['archive', 'add-event', '--type=Result'], ours, `${resultLine}\n`), 'helios-c add-event');
  await ok(
    belenios(['archive', 'add-event', '--type=Result'], theirs, `${resultLine}\n`),
    'belenios add-event',
  );
  expect(Buffer.from(archiveOf(ours)).equals(Buffer.from(archiveOf(theirs)))).toBe(true);
  expect(Buffer.from(archiveOf(ours)).equals(Buffer.from(full))).toBe(true);
  await ok(belenios(['election', 'verify'], ours), 'belenios-tool election verify');
}, 60_000);

const refused: Record<string, { type: string; input: string }> = {
  'an extra line before the ballot': { type: 'Ballot', input: `{"stray":1}\n${resultLine}\n` },
  'no payload for a Shuffle': { type: 'Shuffle', input: '' },
  'a payload for EndShuffles': { type: 'EndShuffles', input: `${resultLine}\n` },
  'the owned wrapper before its partial decryption': (() => {
    const inner = entries.at(-4);
    const owned = entries.at(-3);
    const text = (e: typeof inner) => new TextDecoder().decode(e?.content);
    return { type: 'PartialDecryption', input: `${text(owned)}\n${text(inner)}\n` };
  })(),
};

for (const [name, { type, input }] of Object.entries(refused)) {
  test(`refuses ${name}, leaving the archive untouched`, async () => {
    const dir = electionDir(full);
    const r = await helios(['archive', 'add-event', `--type=${type}`], dir, input);
    expect(r.code).toBe(124);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(Buffer.from(archiveOf(dir)).equals(Buffer.from(full))).toBe(true);
  }, 30_000);
}

test('waits for a non-blocking standard input instead of recording an empty payload', async () => {
  // python3 switches the read end of the pipe to O_NONBLOCK, then runs helios-c on it; the payload
  // arrives a moment later. Reading it as empty would append a Result event without payload.
  if (!existsSync('/usr/bin/python3'))
    throw new Error('/usr/bin/python3 is needed to make a non-blocking pipe');
  const dir = electionDir(beforeResult);
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'result.json'), `${resultLine}\n`);
  const script = [
    'import fcntl, os, sys',
    'fcntl.fcntl(0, fcntl.F_SETFL, fcntl.fcntl(0, fcntl.F_GETFL) | os.O_NONBLOCK)',
    'os.execv(sys.argv[1], sys.argv[1:])',
  ].join('\n');
  const code = await new Promise<number>((resolve) => {
    execFile(
      '/bin/bash',
      [
        '-c',
        `(sleep 1; cat in/result.json) | /usr/bin/python3 -c "$0" "$1" "$2" archive add-event --type=Result`,
        script,
        process.execPath,
        heliosCli(),
      ],
      { cwd: dir },
      (error) => resolve(error ? 1 : 0),
    );
  });
  expect(code).toBe(0);
  expect(Buffer.from(archiveOf(dir)).equals(Buffer.from(full))).toBe(true);
}, 30_000);
