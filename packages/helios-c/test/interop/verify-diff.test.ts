/**
 * `election verify-diff`: the first archive passes the structural checks, its events are a prefix
 * of the second's, and the second verifies; helios-c and belenios-tool agree on each case.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Entry, entriesOf, fixtureArchive, layOut } from '../support/archive-surgery';
import { belenios, helios, requireBeleniosTool } from '../support/tools';

const full = fixtureArchive('h-2048');
const uuid = 'bj5fpu5xwBZxHd';

/** The archive as it was after its `count`-th event: a prefix of the tar records. */
function upToEvent(count: number): Uint8Array {
  const entries = entriesOf(full);
  let seen = 0;
  const cut = entries.findIndex((e) => e.kind === 'event' && ++seen === count);
  return layOut(entries.slice(0, cut + 1), { fixReferences: false });
}

function folder(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'helios-c-diff-'));
  writeFileSync(join(dir, `${uuid}.bel`), bytes);
  return dir;
}

async function both(dir1: string, dir2: string) {
  requireBeleniosTool();
  const args = ['election', 'verify-diff', `--dir1=${dir1}`, `--dir2=${dir2}`];
  return { ours: await helios(args, dir1), theirs: await belenios(args, dir1) };
}

describe('election verify-diff', () => {
  test('an earlier state of the same election: accepted', async () => {
    const { ours, theirs } = await both(folder(upToEvent(4)), folder(full));
    expect(theirs.code).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
    expect(ours.stderr).toContain('all checks passed');
  }, 60_000);

  test('the same archive twice: accepted', async () => {
    const { ours, theirs } = await both(folder(full), folder(full));
    expect(theirs.code).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
  }, 60_000);

  test('a later state given first: not a prefix, rejected', async () => {
    const { ours, theirs } = await both(folder(full), folder(upToEvent(4)));
    expect(theirs.code).not.toBe(0);
    expect(ours.code).toBe(124);
    expect(ours.stderr).toContain('not a prefix');
  }, 60_000);

  test('another election given first: rejected', async () => {
    const other = readFileSync(
      new URL('../vectors/belenios/h-rfc-blank/', import.meta.url).pathname +
        JSON.parse(
          readFileSync(new URL('../vectors/belenios/h-rfc-blank/meta.json', import.meta.url), 'utf8'),
        ).archive,
    );
    const { ours, theirs } = await both(folder(other), folder(full));
    expect(theirs.code).not.toBe(0);
    expect(ours.code).toBe(124);
    expect(ours.stderr).toContain('not a prefix');
  }, 60_000);

  test('a first archive with a broken chain: error in first, rejected', async () => {
    const entries = entriesOf(upToEvent(4));
    const event = entries.filter((e) => e.kind === 'event')[2] as Entry;
    const json = JSON.parse(event.text);
    json.parent = '0'.repeat(64);
    event.text = JSON.stringify(json);
    const { ours, theirs } = await both(folder(layOut(entries, { fixReferences: false })), folder(full));
    expect(theirs.code).not.toBe(0);
    expect(ours.code).toBe(124);
    expect(ours.stderr).toContain('error in first');
  }, 60_000);
});
