/**
 * @module
 * The cryptographic checks the replay of a room makes on an election's steps as they come, with
 * @imago/helios-c, so that nobody can post a step that would make the exported archive fail: each
 * ballot (its proofs and a credential of the Setup), and a trustee's shuffle or partial
 * decryption, verified on top of the steps accepted so far and owned by the
 * trustee number it names. Verification is deterministic: verdicts are remembered by what was
 * checked, shared by every replay, so replaying again is cheap. Pure.
 */
import {
  type ArchiveStep,
  archiveFromSteps,
  currentTally,
  dataHash,
  type Election,
  type EncryptedTally,
  nonHomomorphicCiphertexts,
  nonHomomorphicIndices,
  parseElection,
  parseOwned,
  parseOwnedShuffle,
  parsePartialDecryption,
  parsePublicCredentials,
  parseShuffle,
  parseTrustees,
  readArchive,
  setupTextsOf,
  trusteeSlots,
  verifyBallot,
  verifyPartialDecryption,
  verifyShuffles,
} from '@imago/helios-c';
import type { SecretBallotStepContent } from './election-step';

/** The steps accepted so far, on top of which a trustee's step must verify. */
interface AcceptedSteps {
  readonly timestamp: number;
  readonly steps: readonly ArchiveStep[];
}

/** @internal The cryptographic checks of one election's steps. */
export interface StepVerification {
  /** A ballot's failed check and path, or `undefined`. */
  ballot(text: string): { check: string; path: string } | undefined;
  /** Why a trustee's shuffle or partial decryption does not verify on top of the accepted steps. */
  owned(accepted: AcceptedSteps, step: SecretBallotStepContent, owner: number): string | undefined;
}

const MAX_VERDICTS = 100_000;
/** Verification is deterministic: verdicts by what was checked, shared by every replay. */
const verdicts = new Map<string, string | true>();

function remembered(key: string, check: () => string | undefined): string | undefined {
  const known = verdicts.get(key);
  if (known !== undefined) return known === true ? undefined : known;
  const verdict = check();
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(key, verdict ?? true);
  return verdict;
}

/**
 * @internal The checks for the election a Setup carries, or why the Setup is unusable.
 *
 * @param step - the Setup.
 * @returns the checks, or the reason as text.
 */
export function stepVerification(step: SecretBallotStepContent): StepVerification | string {
  const texts = setupTextsOf(step);
  if (texts === undefined) return 'the Setup lacks its election, trustees or credentials';
  const parsed = parseElection(texts.election);
  if (!parsed.ok) return `election: ${parsed.error.message}`;
  const election: Election = parsed.value;
  const credentials = parsePublicCredentials(election.group, texts.credentials);
  if (!credentials.ok) return `credentials: ${credentials.error.message}`;
  const trustees = parseTrustees(election.group, texts.trustees);
  if (!trustees.ok) return `trustees: ${trustees.error.message}`;
  const slots = trusteeSlots(trustees.value);
  const known = new Set(credentials.value.map((c) => c.text));
  const setupHash = step.payload ?? '';
  return {
    ballot: (text) => {
      const key = `ballot:${setupHash}:${dataHash(text)}`;
      const verdict = remembered(key, () => {
        const verified = verifyBallot(election, text, (credential) => known.has(credential));
        return verified.ok ? undefined : `${verified.rejection.check}\n${verified.rejection.path}`;
      });
      if (verdict === undefined) return undefined;
      const [check = '', path = '$'] = verdict.split('\n');
      return { check, path };
    },
    owned: (accepted, candidate, owner) => {
      const before = archiveFromSteps(accepted.timestamp, accepted.steps).lastEvent ?? '';
      return remembered(`${candidate.type}:${setupHash}:${before}:${candidate.payload}`, () => {
        const archive = readArchive(archiveFromSteps(accepted.timestamp, accepted.steps).bytes);
        if (!archive.ok) return 'the archive so far does not read';
        let tally: ReturnType<typeof currentTally>;
        try {
          tally = currentTally(election, archive.value);
        } catch {
          return 'the archive so far has no usable tally';
        }
        if (tally === undefined) return 'no encrypted tally yet';
        const [text = '', ownedText = ''] = candidate.data;
        try {
          return candidate.type === 'Shuffle'
            ? shuffleIssue(election, tally.tally, text, ownedText, owner)
            : partialDecryptionIssue(election, slots, tally.tally, text, ownedText, owner);
        } catch {
          return 'a malformed shuffle or partial decryption';
        }
      });
    },
  };
}

/** Why a trustee's shuffle does not verify; throws on malformed JSON. */
function shuffleIssue(
  election: Election,
  tally: EncryptedTally<unknown>,
  text: string,
  ownedText: string,
  owner: number,
): string | undefined {
  const ownedShuffle = parseOwnedShuffle(JSON.parse(ownedText));
  if (ownedShuffle.owner !== owner || ownedShuffle.payload !== dataHash(text)) return 'not its own shuffle';
  const indices = nonHomomorphicIndices(election.questions);
  const verified = verifyShuffles(
    election.group,
    { publicKey: election.publicKey, fingerprint: election.fingerprint },
    nonHomomorphicCiphertexts(tally, indices),
    [parseShuffle(election.group, JSON.parse(text))],
  );
  return verified.valid ? undefined : `the shuffle does not verify (${verified.reason})`;
}

/** Why a trustee's partial decryption does not verify. */
function partialDecryptionIssue(
  election: Election,
  slots: ReturnType<typeof trusteeSlots>,
  tally: EncryptedTally<unknown>,
  text: string,
  ownedText: string,
  owner: number,
): string | undefined {
  const ownedDecryption = parseOwned(ownedText);
  if (
    !ownedDecryption.ok ||
    ownedDecryption.value.owner !== owner ||
    ownedDecryption.value.payload !== dataHash(text)
  )
    return 'not its own partial decryption';
  const decryption = parsePartialDecryption(election.group, text);
  const slot = slots.find((s) => s.owner === owner);
  if (!decryption.ok || slot === undefined) return 'a partial decryption of no trustee';
  const wrong = verifyPartialDecryption(election, tally, slot.verificationKey, decryption.value);
  return wrong === undefined ? undefined : `the partial decryption does not verify at ${wrong}`;
}
