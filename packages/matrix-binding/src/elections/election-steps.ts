/**
 * @module
 * The steps of a Helios-C election computed with @imago/helios-c from what a room holds: a ballot;
 * the encrypted tally; a trustee's shuffle (non-homomorphic questions) and partial decryption; the
 * result (Belenios 2.0 specification §4.4 for the data each event stores; the records around
 * them are @imago/helios-c's `setupStep` and `ownedStep`). Each function reads the archive
 * exported from the room, so every participant computes from the same replayed history. Pure:
 * post the steps with `postStep`.
 */
import {
  type Archive,
  type ArchiveStep,
  combineFactors,
  computeEncryptedTally,
  computePartialDecryption,
  createBallot,
  currentTally,
  dataHash,
  decryptResult,
  type Election,
  ownedStep,
  type PlaintextBallot,
  parseElection,
  parseTrustees,
  publishedDecryptions,
  readArchive,
  type SetupTexts,
  type ShuffleArchiveOptions,
  serializeEncryptedTally,
  serializePartialDecryption,
  serializeResult,
  serializeSizedEncryptedTally,
  setupTextsOf,
  shuffleArchive,
  talliedBallots,
  trusteeSlots,
} from '@imago/helios-c';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { exportBelArchive } from './election-archive';
import type { SecretBallotReplay } from './election-state';

/**
 * The setup texts of a replayed election.
 *
 * @param election - the election replayed from the room.
 * @returns the election, trustees and public credentials texts its Setup carries.
 * @throws {@link InvalidArgumentError} when the Setup does not carry them.
 */
export function electionSetupTexts(election: SecretBallotReplay): SetupTexts {
  const setup = election.steps[0];
  const texts = setup && setupTextsOf(setup);
  if (texts === undefined)
    throw new InvalidArgumentError(`election ${election.election}: the Setup lacks its texts`);
  return texts;
}

/** The parsed election and the archive exported from the room. */
function context(replay: SecretBallotReplay): {
  election: Election;
  archive: Archive;
  texts: SetupTexts;
} {
  const texts = electionSetupTexts(replay);
  const election = parseElection(texts.election);
  if (!election.ok) throw election.error;
  const archive = readArchive(exportBelArchive(replay));
  if (!archive.ok) throw archive.error;
  return { election: election.value, archive: archive.value, texts };
}

/**
 * A voter's ballot, encrypted and proved in the voter's browser or process.
 *
 * @param election - the election replayed from the room.
 * @param credential - the voter's private credential.
 * @param plaintext - one array per question, one 0/1 (or count) per answer.
 * @returns the ballot's exact JSON text, for {@link castBallot}.
 * @throws `InvalidPlaintextError` (from `@imago/helios-c`) when the choices do not fit the
 * questions, {@link InvalidArgumentError} when the Setup is unusable.
 * @example
 * await castBallot(client, room, uuid, ballotFor(election, credential, [[1, 0]]));
 */
export function ballotFor(
  election: SecretBallotReplay,
  credential: string,
  plaintext: PlaintextBallot,
): string {
  const parsed = parseElection(electionSetupTexts(election).election);
  if (!parsed.ok) throw parsed.error;
  return createBallot(parsed.value, credential, plaintext).text;
}

/**
 * The encrypted tally of the counted ballots (the last one of each credential, with weights).
 * Post an `EndBallots` step first (`{ type: 'EndBallots', data: [] }`), then this one.
 *
 * @param election - the election replayed from the room.
 * @returns the `EncryptedTally` step.
 * @throws {@link InvalidArgumentError} when the Setup is unusable.
 */
export function encryptedTallyStep(election: SecretBallotReplay): ArchiveStep {
  const { election: parsed, archive, texts } = context(election);
  const ballots = talliedBallots(parsed, texts.credentials, archive);
  const tally = serializeEncryptedTally(parsed.group, computeEncryptedTally(parsed, ballots));
  const sized = serializeSizedEncryptedTally({
    numTallied: ballots.length,
    totalWeight: ballots.reduce((sum, b) => sum + b.weight, 0n),
    encryptedTally: dataHash(tally),
  });
  return { type: 'EncryptedTally', payload: dataHash(sized), data: [tally, sized] };
}

/** The published encrypted tally, or a misuse error. */
function publishedTally(election: SecretBallotReplay, archive: Archive, parsed: Election) {
  const tally = currentTally(parsed, archive);
  if (!tally) throw new InvalidArgumentError(`election ${election.election} has no encrypted tally yet`);
  return tally;
}

/**
 * A trustee's shuffle of the non-homomorphic ciphertexts (after the encrypted tally, each
 * trustee in turn; the administrator then posts `{ type: 'EndShuffles', data: [] }`).
 *
 * @param election - the election replayed from the room.
 * @param owner - the trustee's number (1-based).
 * @param options - progress callback.
 * @returns the `Shuffle` step.
 * @throws `ShuffleError` (from `@imago/helios-c`) when the archive has nothing to shuffle,
 * {@link InvalidArgumentError} when the Setup is unusable.
 */
export function shuffleStep(
  election: SecretBallotReplay,
  owner: number,
  options: ShuffleArchiveOptions = {},
): ArchiveStep {
  const { archive } = context(election);
  return ownedStep('Shuffle', owner, shuffleArchive(archive, owner, options).shuffle);
}

/**
 * A trustee's partial decryption of the published encrypted tally (after the shuffles, if any).
 *
 * @param election - the election replayed from the room.
 * @param owner - the trustee's number (1-based, as belenios-tool's `--trustee-id`).
 * @param secretKey - the trustee's private key; for a threshold trustee, the key recovered with
 * `recoverDecryptionKey` of @imago/helios-c.
 * @returns the `PartialDecryption` step.
 * @throws {@link InvalidArgumentError} before the encrypted tally, or when the key is not the
 * trustee's.
 */
export function partialDecryptionStep(
  election: SecretBallotReplay,
  owner: number,
  secretKey: bigint,
): ArchiveStep {
  const { election: parsed, archive, texts } = context(election);
  const { tally } = publishedTally(election, archive, parsed);
  const group = parsed.group;
  const trustees = parseTrustees(group, texts.trustees);
  if (!trustees.ok) throw trustees.error;
  const slot = trusteeSlots(trustees.value).find((s) => s.owner === owner);
  if (!slot || !group.equals(slot.verificationKey, group.powG(secretKey)))
    throw new InvalidArgumentError(`election ${election.election}: the key is not trustee ${owner}'s`);
  const decryption = serializePartialDecryption(
    parsed.group,
    computePartialDecryption(parsed, tally, secretKey),
  );
  return ownedStep('PartialDecryption', owner, decryption);
}

/**
 * The result, from the published partial decryptions (anyone can compute it).
 *
 * @param election - the election replayed from the room.
 * @returns the `Result` step.
 * @throws {@link InvalidArgumentError} before the encrypted tally, when decryptions are missing
 * or a count is out of range.
 */
export function resultStep(election: SecretBallotReplay): ArchiveStep {
  const { election: parsed, archive, texts } = context(election);
  const { tally, sized } = publishedTally(election, archive, parsed);
  const trustees = parseTrustees(parsed.group, texts.trustees);
  if (!trustees.ok) throw trustees.error;
  const combined = combineFactors(parsed.group, trustees.value, tally, publishedDecryptions(parsed, archive));
  if (!combined.ok) throw new InvalidArgumentError(combined.missing.message);
  const result = decryptResult(parsed, tally, combined.factors, sized.totalWeight);
  if (!result) throw new InvalidArgumentError(`election ${election.election}: a count is out of range`);
  const text = serializeResult(result);
  return { type: 'Result', payload: dataHash(text), data: [text] };
}
