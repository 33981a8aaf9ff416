/**
 * `helios-c election …`: ballots, verification, tally, decryption, result.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { readArchive } from '../../archive/archive';
import { serializeOwned } from '../../archive/archive-steps';
import { findLayoutDeviation } from '../../archive/canonical-layout';
import { createBallot } from '../../ballot/create-ballot';
import { sha256Hex } from '../../encoding/sha256';
import { HeliosCError } from '../../errors/helios-c-error';
import { MalformedInputError } from '../../errors/malformed-input-error';
import { UsageError } from '../../errors/usage-error';
import { allGroups } from '../../groups/group-by-name';
import { naturalAt, parseJsonText, runDecoder, stringAt } from '../../json/decoder';
import { nodeBallotVerifier } from '../../node/parallel-ballot-verifier';
import { shuffleArchive } from '../../shuffle/archive-shuffle';
import { currentTally, publishedDecryptions, talliedBallots } from '../../tally/archive-tally';
import { combineFactors, decryptResult, serializeResult } from '../../tally/election-result';
import {
  computeEncryptedTally,
  serializeEncryptedTally,
  serializeSizedEncryptedTally,
} from '../../tally/encrypted-tally';
import { computePartialDecryption, serializePartialDecryption } from '../../tally/partial-decryption';
import { trusteeSlots } from '../../trustees/trustee-slots';
import { verifyArchive } from '../../verify/archive-verification';
import { verifyArchiveStructure } from '../../verify/stages/archive-structure';
import { Options } from '../arguments';
import { withDownloadedElection } from '../download';
import { archivePath, loadElection, readText } from '../election-directory';
import { info, warn } from '../io';
import { progressBar } from '../progress';
import { decryptThreshold } from './threshold';

/** Verification failed: the CLI exits with belenios-tool's status for it. */
export class VerificationFailed extends HeliosCError {
  constructor(message: string) {
    super('VERIFICATION_FAILED', message);
  }
}

async function verifyDir(dir: string): Promise<{ hasResult: boolean; lastEvent?: string }> {
  const path = archivePath(dir);
  const bytes = new Uint8Array(readFileSync(path));
  const bar = progressBar('verifying');
  const report = await verifyArchive(bytes, {
    onProgress: (_step, done, total) => bar.update(done, total),
    verifyBallots: nodeBallotVerifier({ script: process.argv[1] as string }),
    groups: allGroups,
  });
  bar.stop();
  if (!report.ok) {
    const first = report.issues[0];
    for (const issue of report.issues.slice(1))
      process.stderr.write(`E: ${issue.check} at ${issue.where}: ${issue.message}\n`);
    throw new VerificationFailed(
      `${path}: ${first ? `${first.check} at ${first.where}: ${first.message}` : 'verification failed'}`,
    );
  }
  return {
    hasResult: report.result !== undefined,
    ...(report.lastEvent ? { lastEvent: report.lastEvent } : {}),
  };
}

function privateKeyFile(path: string): bigint {
  const parsed = runDecoder(() => naturalAt(stringAt(parseJsonText(readText(path)), path), path));
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

function parsePlaintext(text: string): number[][] {
  const value = parseJsonText(text);
  if (!Array.isArray(value) || !value.every((a) => Array.isArray(a)))
    throw new MalformedInputError('$', 'an array of arrays of integers');
  return value as number[][];
}

/**
 * Runs an `election` sub-command.
 * @param command - the sub-command name
 * @param argv - its arguments
 */
export async function runElection(command: string, argv: readonly string[]): Promise<void> {
  const takesUrl = command !== 'verify-diff' && argv.some((a) => a === '--url' || a.startsWith('--url='));
  if (takesUrl) return withDownloadedElection(argv, (args) => runLocal(command, args));
  return runLocal(command, argv);
}

async function runLocal(command: string, argv: readonly string[]): Promise<void> {
  switch (command) {
    case 'generate-ballot': {
      const o = new Options(argv, ['ballot', 'dir', 'privcred', 'url']);
      const dir = o.get('dir') ?? '.';
      info(`using directory ${dir}`);
      const { election } = loadElection(dir);
      const credential = readText(o.require('privcred')).trim();
      const plaintext = parsePlaintext(readText(o.require('ballot')));
      process.stdout.write(`${createBallot(election, credential, plaintext).text}\n`);
      return;
    }
    case 'verify': {
      const o = new Options(argv, ['dir', 'url']);
      const dir = o.get('dir') ?? '.';
      info(`using directory ${dir}`);
      const { hasResult } = await verifyDir(dir);
      if (!hasResult) warn('no result to check');
      info('all checks passed');
      return;
    }
    case 'verify-diff': {
      // As belenios-tool: the first archive must pass the structural checks (fsck), its events
      // must be a prefix of the second's, and the second is then verified in full.
      const o = new Options(argv, ['dir1', 'dir2']);
      const dir1 = o.require('dir1');
      const dir2 = o.require('dir2');
      const firstBytes = new Uint8Array(readFileSync(archivePath(dir1)));
      const first = readArchive(firstBytes);
      if (!first.ok)
        throw new VerificationFailed(`verify-diff: error in first (${dir1}): ${first.error.message}`);
      const defect = verifyArchiveStructure(first.value)[0];
      const deviation = defect ? undefined : findLayoutDeviation(firstBytes, first.value);
      if (defect || deviation) {
        const reason = defect
          ? `${defect.check} at ${defect.where}: ${defect.message}`
          : `archive.layout at byte ${deviation?.offset}: ${deviation?.reason}`;
        throw new VerificationFailed(`verify-diff: error in first (${dir1}): ${reason}`);
      }
      const second = readArchive(new Uint8Array(readFileSync(archivePath(dir2))));
      if (!second.ok) throw new VerificationFailed(`verify-diff: ${dir2}: ${second.error.message}`);
      const prefix = first.value.events;
      const events = second.value.events;
      if (prefix.length > events.length || prefix.some((e, i) => events[i]?.hash !== e.hash)) {
        throw new VerificationFailed(
          `verify-diff: the events of ${dir1} are not a prefix of those of ${dir2}`,
        );
      }
      const after = await verifyDir(dir2);
      if (!after.hasResult) warn('no result to check');
      info('all checks passed');
      return;
    }
    case 'compute-encrypted-tally': {
      const o = new Options(argv, ['dir', 'url']);
      const dir = o.get('dir') ?? '.';
      info(`using directory ${dir}`);
      const { election, archive, credentialsText } = loadElection(dir);
      const bar = progressBar('tallying');
      const ballots = talliedBallots(election, credentialsText, archive, (d, t) => bar.update(d, t));
      bar.stop();
      const tallyText = serializeEncryptedTally(election.group, computeEncryptedTally(election, ballots));
      const totalWeight = ballots.reduce((s, b) => s + b.weight, 0n);
      process.stdout.write(`${tallyText}\n`);
      process.stdout.write(
        `${serializeSizedEncryptedTally({ numTallied: ballots.length, totalWeight, encryptedTally: sha256Hex(tallyText) })}\n`,
      );
      return;
    }
    case 'decrypt': {
      const o = new Options(argv, ['dir', 'privkey', 'trustee-id', 'url']);
      const dir = o.get('dir') ?? '.';
      info(`using directory ${dir}`);
      const { election, archive, trustees } = loadElection(dir);
      const owner = Number(o.require('trustee-id'));
      const secret = privateKeyFile(o.require('privkey'));
      const slot = trusteeSlots(trustees).find((s) => s.owner === owner);
      if (!slot || !election.group.equals(slot.verificationKey, election.group.powG(secret))) {
        throw new UsageError(`the private key does not match trustee ${owner}`);
      }
      const state = currentTally(election, archive);
      if (!state) throw new UsageError('the archive has no encrypted tally');
      const pd = serializePartialDecryption(
        election.group,
        computePartialDecryption(election, state.tally, secret),
      );
      process.stdout.write(`${pd}\n${serializeOwned(owner, sha256Hex(pd))}\n`);
      return;
    }
    case 'decrypt-threshold': {
      const o = new Options(argv, ['decryption-key', 'dir', 'key', 'trustee-id', 'url']);
      const dir = o.get('dir') ?? '.';
      info(`using directory ${dir}`);
      const loaded = loadElection(dir);
      const owner = Number(o.require('trustee-id'));
      const pdText = decryptThreshold(
        loaded,
        owner,
        readText(o.require('key')),
        readText(o.require('decryption-key')),
      );
      process.stdout.write(`${pdText}\n${serializeOwned(owner, sha256Hex(pdText))}\n`);
      return;
    }
    case 'compute-result': {
      const o = new Options(argv, ['dir', 'url']);
      const dir = o.get('dir') ?? '.';
      info(`using directory ${dir}`);
      const { election, archive, trustees } = loadElection(dir);
      const state = currentTally(election, archive);
      if (!state) throw new UsageError('the archive has no encrypted tally');
      const combined = combineFactors(
        election.group,
        trustees,
        state.tally,
        publishedDecryptions(election, archive),
      );
      if (!combined.ok) throw new UsageError(combined.missing.message);
      const result = decryptResult(election, state.tally, combined.factors, state.sized.totalWeight);
      if (!result) throw new UsageError('cannot compute the result: a count is out of range');
      process.stdout.write(`${serializeResult(result)}\n`);
      return;
    }
    case 'shuffle': {
      const o = new Options(argv, ['dir', 'trustee-id', 'url']);
      const dir = o.get('dir') ?? '.';
      info(`using directory ${dir}`);
      const read = readArchive(new Uint8Array(readFileSync(archivePath(dir))));
      if (!read.ok) throw read.error;
      const bar = progressBar('shuffling');
      const lines = shuffleArchive(read.value, Number(o.require('trustee-id')), {
        onProgress: (done, total) => bar.update(done, total),
        groups: allGroups,
      });
      bar.stop();
      process.stdout.write(`${lines.shuffle}\n${lines.ownedShuffle}\n`);
      return;
    }
    default:
      throw new UsageError(`unknown command election ${command}`);
  }
}
