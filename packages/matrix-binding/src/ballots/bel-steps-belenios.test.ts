import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readTar } from '@imago/helios-c';
import { describe, expect, it } from 'vitest';
import { beleniosVectors } from '../../../../test-support/belenios-vectors';
import { beleniosTool } from '../../test/support/belenios-tool';
import { belArchiveFromSteps, belStepsFromArchive } from './bel-steps';

const run = promisify(execFile);
const fixtures = beleniosVectors;

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

describe('data repeated by a later step', () => {
  it('is written again, as belenios-tool writes it: an election without ballots whose two partial decryptions are identical', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imago-bel-empty-'));
    const tool = (args: string[], input?: string) => beleniosTool(args, input, dir);
    try {
      const group = ['--group', 'RFC-3526-2048'];
      const uuid = (await tool(['setup', 'generate-token'])).trim();
      await tool(['setup', 'generate-credentials', '--uuid', uuid, ...group, '--count', '2']);
      await run('sh', ['-c', 'mv *.pubcreds public_creds.json && mv *.privcreds private_creds.txt'], {
        cwd: dir,
      });
      await tool(['setup', 'generate-trustee-key', ...group]);
      await tool(['setup', 'generate-trustee-key', ...group]);
      await run('sh', ['-c', 'cat *.pubkey > public_keys.jsons'], { cwd: dir });
      await tool(['setup', 'make-trustees']);
      await writeFile(
        join(dir, 'template.json'),
        JSON.stringify({
          description: 'd',
          name: 'n',
          questions: [{ type: 'NonHomomorphic', value: { answers: ['X', 'Y'], question: 'R?' } }],
        }),
      );
      await tool(['setup', 'make-election', '--uuid', uuid, ...group, '--template', 'template.json']);
      await tool(['archive', 'init']);
      await tool(['archive', 'add-event', '--type=EndBallots']);
      await tool(
        ['archive', 'add-event', '--type=EncryptedTally'],
        await tool(['election', 'compute-encrypted-tally']),
      );
      for (const trustee of ['1', '2'])
        await tool(
          ['archive', 'add-event', '--type=Shuffle'],
          await tool(['election', 'shuffle', `--trustee-id=${trustee}`]),
        );
      await tool(['archive', 'add-event', '--type=EndShuffles']);
      const keys = (await run('sh', ['-c', 'ls *.privkey'], { cwd: dir })).stdout.trim().split('\n');
      const decryptions = [];
      for (const [i, key] of keys.entries())
        decryptions.push(await tool(['election', 'decrypt', `--privkey=${key}`, `--trustee-id=${i + 1}`]));
      expect(decryptions[0]?.split('\n')[0]).toBe(decryptions[1]?.split('\n')[0]);
      for (const decryption of decryptions)
        await tool(['archive', 'add-event', '--type=PartialDecryption'], decryption);
      await tool(['archive', 'add-event', '--type=Result'], await tool(['election', 'compute-result']));
      const original = new Uint8Array(await readFile(join(dir, `${uuid}.bel`)));
      const { timestamp, steps } = belStepsFromArchive(original);
      expect(belArchiveFromSteps(timestamp, steps).bytes).toEqual(original);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
