import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ArchiveStep, archiveSteps, setupStep } from '@imago/helios-c';
import { describe, expect, it } from 'vitest';
import { beleniosVector } from '../../../../test-support/belenios-vectors';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { MatrixBindingError } from '../errors/matrix-binding-error';
import { verifyElection } from './election-archive';
import type { SecretBallotReplay } from './election-state';
import {
  electionSetupTexts,
  encryptedTallyStep,
  partialDecryptionStep,
  resultStep,
  shuffleStep,
} from './election-steps';

// The reference election made by belenios-tool is the oracle: the steps computed by
// @imago/helios-c from its history must be the ones belenios-tool wrote.
const fixture = beleniosVector('h-2048');

async function reference(dir = fixture): Promise<{ uuid: string; timestamp: number; steps: ArchiveStep[] }> {
  const { uuid } = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as { uuid: string };
  const archive = archiveSteps(new Uint8Array(await readFile(join(dir, `${uuid}.bel`))));
  return { uuid, ...archive };
}

function replayOf(uuid: string, timestamp: number, steps: readonly ArchiveStep[]): SecretBallotReplay {
  return {
    election: uuid,
    administrator: '@admin:example.org',
    timestamp,
    phase: 'voting',
    steps: steps.map((step, i) => ({ ...step, eventId: `$${i}`, sender: '@admin:example.org' })),
  };
}

describe('election steps computed with @imago/helios-c (belenios-tool archive as oracle)', () => {
  it('rebuilds the Setup, the encrypted tally and the result belenios-tool wrote', async () => {
    const { uuid, timestamp, steps } = await reference();
    const upTo = (type: ArchiveStep['type']) =>
      replayOf(
        uuid,
        timestamp,
        steps.slice(
          0,
          steps.findIndex((s) => s.type === type),
        ),
      );
    const full = replayOf(uuid, timestamp, steps);
    expect(setupStep(electionSetupTexts(full))).toEqual(steps[0]);
    expect(encryptedTallyStep(upTo('EncryptedTally'))).toEqual(
      steps.find((s) => s.type === 'EncryptedTally'),
    );
    expect(resultStep(upTo('Result'))).toEqual(steps.find((s) => s.type === 'Result'));
  });

  it('makes a partial decryption of the published tally for its owner', async () => {
    const { uuid, timestamp, steps } = await reference();
    const secret = BigInt(JSON.parse(await readFile(join(fixture, '20DC996C.privkey'), 'utf8')) as string);
    const tallied = steps.slice(
      0,
      steps.findIndex((s) => s.type === 'PartialDecryption'),
    );
    const step = partialDecryptionStep(replayOf(uuid, timestamp, tallied), 1, secret);
    expect(step.type).toBe('PartialDecryption');
    expect(JSON.parse(step.data[1] as string)).toMatchObject({ owner: 1 });
    // With the tally, the rest of belenios-tool's archive and this decryption in place of
    // trustee 1's, the election verifies.
    const rest = steps.slice(tallied.length).filter((s, i) => !(s.type === 'PartialDecryption' && i === 0));
    const replaced = replayOf(uuid, timestamp, [...tallied, step, ...rest]);
    expect((await verifyElection(replaced)).issues).toEqual([]);
  });

  it('shuffles the non-homomorphic ciphertexts as a trustee, which verification accepts', async () => {
    const { uuid, timestamp, steps } = await reference(beleniosVector('nh-rfc'));
    const tallied = steps.slice(
      0,
      steps.findIndex((s) => s.type === 'Shuffle'),
    );
    const step = shuffleStep(replayOf(uuid, timestamp, tallied), 1);
    expect(step.type).toBe('Shuffle');
    const report = await verifyElection(replayOf(uuid, timestamp, [...tallied, step]));
    expect(report.issues).toEqual([]);
  });

  it('refuses misuse with InvalidArgumentError: no Setup texts, no tally yet', async () => {
    const { uuid, timestamp, steps } = await reference();
    const onlySetup = replayOf(uuid, timestamp, steps.slice(0, 1));
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return MatrixBindingError.isInstance(error) ? error.code : 'not a MatrixBindingError';
      }
      return undefined;
    };
    expect(codeOf(() => partialDecryptionStep(onlySetup, 1, 1n))).toBe(InvalidArgumentError.code);
    expect(codeOf(() => resultStep(onlySetup))).toBe(InvalidArgumentError.code);
    const tallied = replayOf(
      uuid,
      timestamp,
      steps.slice(
        0,
        steps.findIndex((s) => s.type === 'PartialDecryption'),
      ),
    );
    const otherKey = BigInt(JSON.parse(await readFile(join(fixture, '4F57D6D3.privkey'), 'utf8')) as string);
    expect(codeOf(() => partialDecryptionStep(tallied, 1, otherKey))).toBe(InvalidArgumentError.code);
    const broken = replayOf(uuid, timestamp, [{ type: 'Setup', data: [] }]);
    expect(codeOf(() => electionSetupTexts(broken))).toBe(InvalidArgumentError.code);
  });
});
