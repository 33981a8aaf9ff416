// An archive split into steps and rebuilt from them is the archive belenios-tool verifies: what a
// bulletin board that carries an election step by step (a Matrix room) relies on.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { beleniosVectors } from '../../../../test-support/belenios-vectors';
import {
  archiveFromSteps,
  archiveSteps,
  ownedStep,
  setupStep,
  setupTextsOf,
} from '../../src/archive/archive-steps';
import { readTar } from '../../src/archive/tar';
import { belenios, ok, requireBeleniosTool } from '../support/tools';

const sh = promisify(execFile);

describe('archive steps ⇄ .bel archive (belenios-tool as oracle)', () => {
  for (const kind of ['h-2048', 'nh-rfc', 'h-threshold']) {
    it(`splits the ${kind} archive into steps and rebuilds the same hash chain, which belenios-tool verifies`, async () => {
      requireBeleniosTool();
      const meta = JSON.parse(await readFile(join(beleniosVectors, kind, 'meta.json'), 'utf8')) as {
        archive: string;
      };
      const original = new Uint8Array(await readFile(join(beleniosVectors, kind, meta.archive)));
      const { timestamp, steps, lastEvent } = archiveSteps(original);
      expect(steps[0]?.type).toBe('Setup');
      expect(steps.at(-1)?.type).toBe('Result');
      // The records built here are belenios-tool's, byte for byte.
      const setup = steps[0]!;
      const texts = setupTextsOf(setup)!;
      expect(setupStep(texts)).toEqual(setup);
      for (const step of steps.filter((s) => s.type === 'PartialDecryption' || s.type === 'Shuffle')) {
        const owner = (JSON.parse(step.data[1] as string) as { owner: number }).owner;
        expect(ownedStep(step.type as 'Shuffle', owner, step.data[0] as string)).toEqual(step);
      }
      const rebuilt = archiveFromSteps(timestamp, steps);
      expect(rebuilt.lastEvent).toBe(lastEvent);
      const names = (bytes: Uint8Array) =>
        readTar(bytes)
          .map((e) => e.name)
          .sort();
      expect(names(rebuilt.bytes)).toEqual(names(original));
      const dir = await mkdtemp(join(tmpdir(), 'helios-c-steps-'));
      try {
        await writeFile(join(dir, meta.archive), rebuilt.bytes);
        await ok(belenios(['election', 'verify', '--dir', dir], dir), 'belenios-tool election verify');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      // Steps after a given event: the tail of the chain.
      const half = archiveSteps(original, archiveFromSteps(timestamp, steps.slice(0, 3)).lastEvent);
      expect(half.steps).toEqual(steps.slice(3));
    });
  }

  it('reads no Setup texts from a payload that does not name the step’s data', () => {
    expect(setupTextsOf({ type: 'Setup', payload: 'a'.repeat(64), data: ['{}'] })).toBeUndefined();
    const step = setupStep({ election: '{"e":1}', trustees: '[]', credentials: '[]' });
    expect(setupTextsOf({ ...step, data: step.data.slice(1) })).toBeUndefined();
    expect(setupTextsOf({ ...step, data: [...step.data.slice(0, 3), 'not json'] })).toBeUndefined();
  });
});

describe('data repeated by a later step', () => {
  it('is written again, as belenios-tool writes it: an election without ballots whose two partial decryptions are identical', async () => {
    requireBeleniosTool();
    const dir = await mkdtemp(join(tmpdir(), 'helios-c-empty-'));
    const tool = (args: string[], input?: string) =>
      ok(belenios(args, dir, input), `belenios-tool ${args[1]}`);
    try {
      const group = ['--group', 'RFC-3526-2048'];
      const uuid = (await tool(['setup', 'generate-token'])).trim();
      await tool(['setup', 'generate-credentials', '--uuid', uuid, ...group, '--count', '2']);
      await sh('sh', ['-c', 'mv *.pubcreds public_creds.json && mv *.privcreds private_creds.txt'], {
        cwd: dir,
      });
      await tool(['setup', 'generate-trustee-key', ...group]);
      await tool(['setup', 'generate-trustee-key', ...group]);
      await sh('sh', ['-c', 'cat *.pubkey > public_keys.jsons'], { cwd: dir });
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
      const keys = (await sh('sh', ['-c', 'ls *.privkey'], { cwd: dir })).stdout.trim().split('\n');
      const decryptions = [];
      for (const [i, key] of keys.entries())
        decryptions.push(await tool(['election', 'decrypt', `--privkey=${key}`, `--trustee-id=${i + 1}`]));
      expect(decryptions[0]?.split('\n')[0]).toBe(decryptions[1]?.split('\n')[0]);
      for (const decryption of decryptions)
        await tool(['archive', 'add-event', '--type=PartialDecryption'], decryption);
      await tool(['archive', 'add-event', '--type=Result'], await tool(['election', 'compute-result']));
      const original = new Uint8Array(await readFile(join(dir, `${uuid}.bel`)));
      const { timestamp, steps } = archiveSteps(original);
      expect(archiveFromSteps(timestamp, steps).bytes).toEqual(original);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
