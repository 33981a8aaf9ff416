import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readTar } from '@imago/helios-c';
import { describe, expect, it } from 'vitest';
import { belArchiveFromSteps, belStepsFromArchive } from './bel-steps';

const run = promisify(execFile);
const fixtures = fileURLToPath(new URL('../../../../../shared/fixtures/belenios', import.meta.url));

async function beleniosVerify(dir: string): Promise<void> {
  try {
    await run('belenios-tool', ['election', 'verify', '--dir', dir]);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT')
      throw new Error('belenios-tool is required (apt-get install belenios-tool)');
    throw error;
  }
}

describe('election steps ⇄ .bel archive (belenios-tool as oracle)', () => {
  for (const kind of ['h-2048', 'nh-rfc', 'h-threshold']) {
    it(`splits the ${kind} archive into steps and rebuilds the same hash chain, which belenios-tool verifies`, async () => {
      const meta = JSON.parse(await readFile(join(fixtures, kind, 'meta.json'), 'utf8')) as {
        uuid: string;
        archive: string;
      };
      const original = new Uint8Array(await readFile(join(fixtures, kind, meta.archive)));
      const { timestamp, steps, lastEvent } = belStepsFromArchive(original);
      expect(steps[0]?.type).toBe('Setup');
      expect(steps.at(-1)?.type).toBe('Result');
      const rebuilt = belArchiveFromSteps(timestamp, steps);
      expect(rebuilt.lastEvent).toBe(lastEvent);
      const names = (bytes: Uint8Array) =>
        readTar(bytes)
          .map((e) => e.name)
          .sort();
      expect(names(rebuilt.bytes)).toEqual(names(original));
      const dir = await mkdtemp(join(tmpdir(), 'imago-bel-'));
      try {
        await writeFile(join(dir, meta.archive), rebuilt.bytes);
        await beleniosVerify(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      // Steps after a given event: the tail of the chain.
      const half = belStepsFromArchive(original, belArchiveFromSteps(timestamp, steps.slice(0, 3)).lastEvent);
      expect(half.steps).toEqual(steps.slice(3));
    });
  }
});
