import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { serializeResult } from '../tally/election-result';
import { verifyArchive } from './archive-verification';

const fixtures = new URL('../../test/vectors/belenios', import.meta.url).pathname;

function archiveOf(kind: string): { bytes: Uint8Array; expected: unknown } {
  const dir = join(fixtures, kind);
  const name = readdirSync(dir).find((f) => f.endsWith('.bel'));
  if (!name) throw new Error(`no archive in ${dir}`);
  return {
    bytes: new Uint8Array(readFileSync(join(dir, name))),
    expected: JSON.parse(readFileSync(join(dir, 'expected-result.json'), 'utf8')),
  };
}

describe('archives made by belenios-tool verify', () => {
  for (const kind of ['h-2048', 'h-rfc-blank', 'h-threshold', 'nh-rfc']) {
    test(kind, async () => {
      const { bytes, expected } = archiveOf(kind);
      const report = await verifyArchive(bytes);
      expect(report.issues).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.result && serializeResult(report.result)).toBe(`{"result":${JSON.stringify(expected)}}`);
    }, 120_000);
  }
});
