/**
 * Verification of one ballot against the election and its public credentials
 * (Belenios 2.0 specification §3.2 step 3, §3.5.1, §4.11–§4.15).
 *
 * @module
 */
import type { Ballot, HomomorphicAnswer } from '../ballot/ballot';
import { parseBallot, serializeUnsignedBallot } from '../ballot/ballot';
import type { Election } from '../election/election';
import type { HomomorphicQuestion } from '../election/question';
import { homomorphicAnswerLength } from '../election/question';
import { ciphertextToHashString, combineCiphertexts, neutralCiphertext } from '../elgamal/ciphertext';
import { sha256Base64 } from '../encoding/sha256';
import { verifyNonHomomorphicAnswer } from '../non-homomorphic/non-homomorphic-answer';
import { verifyBlank } from '../proofs/blank-proof';
import { signatureChallenge, verifyDiscreteLog } from '../proofs/discrete-log-proof';
import { valueRange, verifyInterval } from '../proofs/interval-proof';
import type { CheckName } from './verification-issue';

/** Why a ballot is rejected. */
export interface BallotRejection {
  readonly check: CheckName;
  /** JSON path inside the ballot. */
  readonly path: string;
  readonly message: string;
}

/** The outcome of checking a ballot. */
export type BallotVerification<E> =
  | { readonly ok: true; readonly ballot: Ballot<E> }
  | { readonly ok: false; readonly rejection: BallotRejection };

function reject(check: CheckName, path: string, message: string): { ok: false; rejection: BallotRejection } {
  return { ok: false, rejection: { check, path, message } };
}

/**
 * Checks the proofs of a homomorphic answer.
 * @param election - the election
 * @param question - the question
 * @param answer - the answer
 * @param prefix - `S0 = φ|credential`
 * @param path - the answer's path
 * @returns the rejection, or `undefined` when valid
 */
export function verifyHomomorphicAnswer<E>(
  election: Election<E>,
  question: HomomorphicQuestion,
  answer: HomomorphicAnswer<E>,
  prefix: string,
  path: string,
): BallotRejection | undefined {
  const group = election.group;
  const y = election.publicKey;
  const n = homomorphicAnswerLength(question);
  if (answer.choices.length !== n || answer.individualProofs.length !== n) {
    return {
      check: 'ballot.answer_shape',
      path: `${path}.choices`,
      message: `expected ${n} choices and individual proofs`,
    };
  }
  if (question.blank !== (answer.blankProof !== undefined)) {
    return {
      check: 'ballot.answer_shape',
      path: `${path}.blank_proof`,
      message: question.blank ? 'missing blank_proof' : 'unexpected blank_proof',
    };
  }
  const zeroOne = [0n, 1n];
  for (let i = 0; i < n; i++) {
    if (!verifyInterval(group, y, prefix, answer.choices[i]!, zeroOne, answer.individualProofs[i]!)) {
      return {
        check: 'ballot.individual_proof',
        path: `${path}.individual_proofs[${i}]`,
        message: 'invalid proof that the choice is 0 or 1',
      };
    }
  }
  const statement = `${prefix}|${answer.choices.map((c) => ciphertextToHashString(group, c)).join(',')}`;
  if (answer.blankProof) {
    const sum = answer.choices
      .slice(1)
      .reduce((a, c) => combineCiphertexts(group, a, c), neutralCiphertext(group));
    const failed = verifyBlank(
      group,
      y,
      statement,
      question.min,
      question.max,
      answer.choices[0]!,
      sum,
      answer.overallProof,
      answer.blankProof,
    );
    if (failed) return { check: `ballot.${failed}`, path: `${path}.${failed}`, message: `invalid ${failed}` };
    return undefined;
  }
  const sum = answer.choices.reduce((a, c) => combineCiphertexts(group, a, c), neutralCiphertext(group));
  if (
    !verifyInterval(group, y, statement, sum, valueRange(question.min, question.max), answer.overallProof)
  ) {
    return {
      check: 'ballot.overall_proof',
      path: `${path}.overall_proof`,
      message: `invalid proof that between ${question.min} and ${question.max} answers are chosen`,
    };
  }
  return undefined;
}

/**
 * Parses and fully checks a ballot: election uuid and fingerprint, credential membership,
 * signature hash and signature, and every proof.
 * @param election - the election
 * @param text - the ballot's JSON text
 * @param isCredential - whether a public credential (canonical string) is in the election
 * @returns the ballot, or why it is rejected
 * @example
 * const checked = verifyBallot(election, text, (c) => credentials.has(c));
 */
export function verifyBallot<E>(
  election: Election<E>,
  text: string,
  isCredential: (credential: string) => boolean,
): BallotVerification<E> {
  const group = election.group;
  const parsed = parseBallot(election, text);
  if (!parsed.ok) return reject('ballot.malformed', parsed.error.path, parsed.error.message);
  const ballot = parsed.value;
  if (ballot.electionUuid !== election.uuid)
    return reject('ballot.election_uuid', '$.election_uuid', 'ballot is for another election');
  if (ballot.electionHash !== election.fingerprint)
    return reject('ballot.election_hash', '$.election_hash', 'wrong election fingerprint');
  const credential = group.toString(ballot.credential);
  if (!isCredential(credential))
    return reject('ballot.credential', '$.credential', 'credential is not in the election');
  const hash = sha256Base64(serializeUnsignedBallot(group, ballot));
  if (ballot.signature.hash !== hash)
    return reject('ballot.signature_hash', '$.signature.hash', 'signature is not over this ballot');
  if (!verifyDiscreteLog(group, ballot.credential, ballot.signature.proof, signatureChallenge(group, hash))) {
    return reject('ballot.signature', '$.signature.proof', 'invalid signature');
  }
  const prefix = `${election.fingerprint}|${credential}`;
  for (const [i, answer] of ballot.answers.entries()) {
    const question = election.questions[i]!;
    const path = `$.answers[${i}]`;
    if (question.kind === 'homomorphic' && answer.kind === 'homomorphic') {
      const rejection = verifyHomomorphicAnswer(election, question, answer, prefix, path);
      if (rejection) return { ok: false, rejection };
    } else if (answer.kind === 'non-homomorphic') {
      if (!verifyNonHomomorphicAnswer(group, election.publicKey, prefix, answer)) {
        return reject(
          'ballot.nonhomomorphic_proof',
          `${path}.proof`,
          'invalid proof of the non-homomorphic answer',
        );
      }
    }
  }
  return { ok: true, ballot };
}
