/**
 * A whole election run in memory with the library alone (setup, ballots, tally, decryptions,
 * result), producing a `.bel` archive. Used by tests and benchmarks.
 */
import { ArchiveBuilder } from '../../src/archive/archive-builder';
import { serializeOwned } from '../../src/archive/archive-steps';
import { createBallot } from '../../src/ballot/create-ballot';
import { generateCredentials, type Voter } from '../../src/credentials/credential-authority';
import { parseElection } from '../../src/election/election';
import {
  type ElectionTemplate,
  parseElectionTemplate,
  serializeElection,
} from '../../src/election/make-election';
import { sha256Hex } from '../../src/encoding/sha256';
import type { AnyGroup } from '../../src/groups/group';
import { allGroups } from '../../src/groups/group-by-name';
import {
  combineFactors,
  decryptResult,
  type ElectionResult,
  serializeResult,
} from '../../src/tally/election-result';
import {
  computeEncryptedTally,
  serializeEncryptedTally,
  serializeSizedEncryptedTally,
} from '../../src/tally/encrypted-tally';
import { computePartialDecryption, serializePartialDecryption } from '../../src/tally/partial-decryption';
import { generateTrusteeKey } from '../../src/trustees/trustee-key';
import { electionPublicKey, serializeTrustees, type Trustees } from '../../src/trustees/trustees';

export interface InMemoryElection {
  readonly bytes: Uint8Array;
  readonly result?: ElectionResult;
}

export function runElection(
  group: AnyGroup,
  templateText: string,
  voters: readonly Voter[],
  votes: readonly (readonly (readonly number[])[])[],
  options: { trustees?: number; tally?: boolean } = {},
): InMemoryElection {
  const uuid = 'HxCTest23456789ab';
  const keys = Array.from({ length: options.trustees ?? 2 }, () => generateTrusteeKey(group));
  const trustees: Trustees<unknown> = keys.map((k) => ({ kind: 'Single', key: k.publicKey }));
  const template = parseElectionTemplate(templateText);
  if (!template.ok) throw template.error;
  const electionText = serializeElection(
    group,
    template.value as ElectionTemplate,
    uuid,
    electionPublicKey(group, trustees),
  );
  const parsed = parseElection(electionText, allGroups);
  if (!parsed.ok) throw parsed.error;
  const election = parsed.value;
  const creds = generateCredentials(group, uuid, voters);
  const builder = new ArchiveBuilder(1795711267);
  builder.addSetup(electionText, serializeTrustees(group, trustees), creds.publicCredentials);
  const ballots = votes.map((vote, i) => {
    const credential = (creds.privateLines[i] as string).split(' ').at(-1) as string;
    const made = createBallot(election, credential, vote);
    builder.addEvent('Ballot', [made.text]);
    return { ballot: made.ballot, weight: voters[i]?.weight ?? 1n };
  });
  if (options.tally === false) return { bytes: builder.bytes() };
  builder.addEvent('EndBallots');
  const tally = computeEncryptedTally(election, ballots);
  const tallyText = serializeEncryptedTally(group, tally);
  const totalWeight = ballots.reduce((s, b) => s + b.weight, 0n);
  builder.addEvent('EncryptedTally', [
    tallyText,
    serializeSizedEncryptedTally({
      numTallied: ballots.length,
      totalWeight,
      encryptedTally: sha256Hex(tallyText),
    }),
  ]);
  const decryptions = new Map();
  for (const [i, k] of keys.entries()) {
    const pd = computePartialDecryption(election, tally, k.secretKey);
    decryptions.set(i + 1, pd);
    const pdText = serializePartialDecryption(group, pd);
    builder.addEvent('PartialDecryption', [pdText, serializeOwned(i + 1, sha256Hex(pdText))]);
  }
  const combined = combineFactors(group, trustees, tally, decryptions);
  if (!combined.ok) throw new Error(combined.missing.message);
  const result = decryptResult(election, tally, combined.factors, totalWeight);
  if (!result) throw new Error('no result');
  builder.addEvent('Result', [serializeResult(result)]);
  return { bytes: builder.bytes(), result };
}
