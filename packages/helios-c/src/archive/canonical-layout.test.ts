import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArchive } from '../../test/support/archive-surgery';
import { belenios, requireBeleniosTool } from '../../test/support/tools';
import { utf8 } from '../encoding/bytes';
import { sha256Hex } from '../encoding/sha256';
import { verifyArchive } from '../verify/archive-verification';
import { readArchive } from './archive';
import { findLayoutDeviation } from './canonical-layout';
import { encodeTarEntry, readTar, type TarEntry } from './tar';

/** Re-lays entries out exactly as given (names, contents and file times untouched). */
function layOut(entries: readonly Pick<TarEntry, 'name' | 'content' | 'mtime'>[]): Uint8Array {
  const parts = entries.map((e) => encodeTarEntry(e.name, e.content, e.mtime));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function deviation(bytes: Uint8Array) {
  const read = readArchive(bytes);
  if (!read.ok) throw read.error;
  return findLayoutDeviation(bytes, read.value);
}

const original = fixtureArchive('nh-rfc');
const entries = readTar(original);
const eventOf = (e: TarEntry) => JSON.parse(new TextDecoder().decode(e.content)) as { type: string };
const firstOfType = (type: string) =>
  entries.findIndex((e) => e.name.endsWith('.event.json') && eventOf(e).type === type);

// Archives belenios-tool's regeneration check rejects, each with a single defect.
const ballotEvent = firstOfType('Ballot');
const decryptionEvent = firstOfType('PartialDecryption');
const stray = utf8('{"stray":"line"}');
const mutants: Record<string, Uint8Array> = {
  'duplicated data record': layOut([
    ...entries.slice(0, ballotEvent),
    entries[ballotEvent - 1] as TarEntry,
    ...entries.slice(ballotEvent),
  ]),
  'inner data and owned payload swapped': layOut([
    ...entries.slice(0, decryptionEvent - 2),
    entries[decryptionEvent - 1] as TarEntry,
    entries[decryptionEvent - 2] as TarEntry,
    ...entries.slice(decryptionEvent),
  ]),
  'data record with another file time': layOut(
    entries.map((e, i) => (i === ballotEvent - 1 ? { ...e, mtime: e.mtime + 1 } : e)),
  ),
  'extra data line before a payload': layOut([
    ...entries.slice(0, ballotEvent - 1),
    { name: `${sha256Hex(stray)}.data.json`, content: stray, mtime: entries[0]?.mtime ?? 0 },
    ...entries.slice(ballotEvent - 1),
  ]),
  'trailing zero blocks': (() => {
    const out = new Uint8Array(original.length + 1024);
    out.set(original);
    return out;
  })(),
};

describe('canonical archive layout (what belenios-tool regenerates)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helios-c-layout-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function beleniosAccepts(name: string, bytes: Uint8Array): Promise<boolean> {
    requireBeleniosTool();
    const d = join(dir, name.replaceAll(' ', '-'));
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d);
    writeFileSync(join(d, 'R6Hy46qYtRmUJ3.bel'), bytes);
    const r = await belenios(['election', 'verify', '--dir', d], d);
    return r.code === 0;
  }

  it('finds no deviation in archives written by belenios-tool', () => {
    for (const kind of ['h-2048', 'h-rfc-blank', 'h-threshold', 'nh-rfc'])
      expect(deviation(fixtureArchive(kind)), kind).toBeUndefined();
  });

  it('locates each defect precisely, as belenios-tool rejects it', async () => {
    expect(await beleniosAccepts('original', original)).toBe(true);
    const verdicts = await Promise.all(
      Object.entries(mutants).map(
        async ([name, bytes]) => [name, await beleniosAccepts(name, bytes)] as const,
      ),
    );
    for (const [name, accepted] of verdicts) {
      expect(accepted, `belenios-tool on ${name}`).toBe(false);
      const found = deviation(mutants[name] as Uint8Array);
      expect(found, name).toBeDefined();
    }
    const offsets = Object.fromEntries(
      Object.entries(mutants).map(([name, bytes]) => [name, deviation(bytes)?.offset]),
    );
    const ballotData = entries[ballotEvent - 1] as TarEntry;
    // The first differing record is the copy / the out-of-place record / the re-timed record.
    expect(offsets['duplicated data record']).toBe((entries[ballotEvent] as TarEntry).offset);
    expect(offsets['inner data and owned payload swapped']).toBe(
      (entries[decryptionEvent - 2] as TarEntry).offset,
    );
    expect(offsets['data record with another file time']).toBe(ballotData.offset);
    expect(offsets['extra data line before a payload']).toBe(ballotData.offset);
    expect(offsets['trailing zero blocks']).toBe(original.length);
  }, 120_000);

  it('is reported by verifyArchive as archive.layout, without stopping the other checks', async () => {
    const report = await verifyArchive(mutants['duplicated data record'] as Uint8Array);
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => i.check)).toEqual(['archive.layout']);
    // The cryptographic checks still ran to the end: the result was verified.
    expect(report.result).toBeDefined();
    const clean = await verifyArchive(original);
    expect(clean.ok).toBe(true);
  }, 120_000);
});
