/**
 * @module
 * A secret ballot run by the group's members themselves, with Helios-C (Belenios 2.0 §4):
 *
 * 1. **Setup** — the proposer, acting as the single trustee, generates a trustee key with its proof
 *    of knowledge (§4.6) and publishes the election (Ed25519 group, the decision's homomorphic
 *    question, a fresh uuid) whose public key is the trustee's.
 * 2. **Voting** — each voter encrypts their choices *in their browser* under the election key, with
 *    the interval proofs of §4.11–4.13, and signs the ballot with a credential generated on the
 *    spot (§4.15). Only the encrypted ballot is sent. The last ballot of each eligible Matrix
 *    sender counts, with the weight the decision fixed at opening.
 * 3. **Tally** — after the vote closes the trustee multiplies the ballots' ciphertexts raised to
 *    their weights (§4.16), publishes its partial decryption with proofs (§4.17), and the result.
 * 4. **Verification** — every member recomputes the encrypted tally from the ballots in the room,
 *    checks every ballot's proofs and the decryption proofs, and accepts the result only if it is
 *    what the decryption gives.
 *
 * Credentials are not pre-registered by a credential authority (the membership of the Matrix room
 * plays that role: a ballot counts for its Matrix sender). Non-homomorphic methods (majority
 * judgment, Schulze, STV) need verifiable shuffles by trustees and are left to the group's
 * trustee service.
 */
import type { SecretElectionParameters } from '@imago/governance';
import {
  ballotTracker,
  computeEncryptedTally,
  computePartialDecryption,
  createBallot,
  decodeTrusteePublicKey,
  decryptResult,
  type Election,
  type EncryptedTally,
  generateSecretCredential,
  generateTrusteeKey,
  groupByName,
  parseElection,
  parsePartialDecryption,
  serializeElection,
  serializePartialDecryption,
  verifyBallot,
  verifyPartialDecryption,
  verifyTrusteePublicKey,
  type WeightedBallot,
} from './helios';

/** Helios-C group of the elections this client sets up. */
export const ELECTION_GROUP = 'Ed25519';

/** What the trustee publishes, and what it keeps. */
export interface ElectionSetup {
  /** The election JSON text, exactly as published (its fingerprint is over these bytes). */
  election: string;
  /** The trustee's public key with its proof of knowledge, as JSON text. */
  trustee: string;
  /** The trustee's secret key (decimal), kept in the trustee's browser only. */
  secretKey: string;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  return Array.from(bytes, (b) => BASE58[b % 58]).join('');
}

/** Whether this client can run the decision's secret ballot (homomorphic questions only). */
export function runsInBrowser(parameters: Pick<SecretElectionParameters, 'homomorphic'>): boolean {
  return parameters.homomorphic;
}

/**
 * Sets up the election of a secret decision (the trustee's step).
 *
 * @param parameters - what the decision asks for (question, voters).
 * @param name - the election's name (the decision's title).
 */
export function setUpElection(parameters: SecretElectionParameters, name: string): ElectionSetup {
  const group = groupByName(ELECTION_GROUP);
  if (!group || !('min' in parameters.question))
    throw new Error('only homomorphic questions run in the browser');
  const key = generateTrusteeKey(group);
  const question = parameters.question;
  const election = serializeElection(
    group,
    {
      description: `Secret ballot of decision ${parameters.decision}`,
      name,
      questions: [
        {
          kind: 'homomorphic',
          question: question.question,
          answers: question.answers,
          min: question.min,
          max: question.max,
          blank: false,
          blankPresent: false,
        },
      ],
    },
    randomUuid(),
    key.publicKey.publicKey,
  );
  return { election, trustee: key.publicText, secretKey: key.secretKey.toString() };
}

/**
 * Reads a published setup: the election, and the trustee key, which must prove knowledge of its
 * secret and be the election's key.
 *
 * @returns the election, or `undefined` when the setup is invalid.
 */
export function readSetup(electionText: string, trusteeText: string): Election | undefined {
  const parsed = parseElection(electionText);
  if (!parsed.ok || parsed.value.questions.length !== 1) return undefined;
  const election = parsed.value;
  try {
    const trustee = decodeTrusteePublicKey(JSON.parse(trusteeText), '$', election.group);
    if (!verifyTrusteePublicKey(election.group, trustee)) return undefined;
    if (election.group.toString(trustee.publicKey) !== election.group.toString(election.publicKey))
      return undefined;
  } catch {
    return undefined;
  }
  return election;
}

/**
 * Encrypts a voter's choices (one 0/1 per answer) into a signed ballot, in this browser.
 *
 * @returns the ballot's JSON text and its tracker (the SHA-256 a voter can look for).
 */
export function castBallot(
  election: Election,
  choices: readonly number[],
): { text: string; tracker: string } {
  const { text } = createBallot(election, generateSecretCredential(), [choices]);
  return { text, tracker: ballotTracker(text) };
}

/** A ballot as found in the room. */
export interface PostedBallot {
  sender: string;
  text: string;
}

/**
 * The ballots that count: the last valid ballot of each voter of the decision, with their weight.
 *
 * @param election - the election.
 * @param posted - ballots in room order.
 * @param voters - the voters and weights fixed at opening.
 */
export function countedBallots(
  election: Election,
  posted: readonly PostedBallot[],
  voters: SecretElectionParameters['voters'],
): WeightedBallot<unknown>[] {
  const weights = new Map(voters.map((v) => [v.member, v.weight]));
  const last = new Map<string, WeightedBallot<unknown>>();
  for (const { sender, text } of posted) {
    const weight = weights.get(sender);
    if (weight === undefined || !Number.isInteger(weight) || weight <= 0) continue;
    const checked = verifyBallot(election, text, () => true);
    if (checked.ok) last.set(sender, { ballot: checked.ballot, weight: BigInt(weight) });
  }
  return [...last.values()];
}

/**
 * The trustee's step after the vote closes: encrypted tally and partial decryption with proofs.
 *
 * @returns the partial decryption's JSON text.
 */
export function decryptTally(
  election: Election,
  ballots: readonly WeightedBallot<unknown>[],
  secretKey: string,
): string {
  const tally = computeEncryptedTally(election, ballots);
  return serializePartialDecryption(
    election.group,
    computePartialDecryption(election, tally, BigInt(secretKey)),
  );
}

/**
 * The verified result: recomputes the encrypted tally from the counted ballots, checks the
 * trustee's decryption proofs, and decrypts the totals.
 *
 * @returns the totals per answer, or `undefined` when a proof fails.
 */
export function verifiedResult(
  election: Election,
  ballots: readonly WeightedBallot<unknown>[],
  partialDecryption: string,
): number[] | undefined {
  const tally: EncryptedTally<unknown> = computeEncryptedTally(election, ballots);
  const parsed = parsePartialDecryption(election.group, partialDecryption);
  if (!parsed.ok) return undefined;
  if (verifyPartialDecryption(election, tally, election.publicKey, parsed.value) !== undefined)
    return undefined;
  const totalWeight = ballots.reduce((sum, b) => sum + b.weight, 0n);
  const result = decryptResult(election, tally, parsed.value.decryptionFactors, totalWeight);
  const counts = result?.[0];
  // Homomorphic counts are integers (numbers, or bigints in older releases of helios-c).
  if (!counts?.every((c) => typeof c === 'number' || typeof c === 'bigint')) return undefined;
  return (counts as readonly (number | bigint)[]).map((c) => Number(c));
}
