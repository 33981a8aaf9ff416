/**
 * Ballot creation by the voter (Belenios 2.0 specification §4.11–§4.15): encryption of each
 * answer with individual, overall and blank proofs, then the credential signature.
 *
 * @module
 */

import { deriveCredentialSecret } from '../credentials/secret-credential';
import type { Election } from '../election/election';
import { type HomomorphicQuestion, homomorphicAnswerLength } from '../election/question';
import {
  type Ciphertext,
  ciphertextToHashString,
  combineCiphertexts,
  encryptExponent,
  neutralCiphertext,
} from '../elgamal/ciphertext';
import { sha256Base64 } from '../encoding/sha256';
import { InvalidPlaintextError } from '../errors/invalid-plaintext-error';
import { encryptNonHomomorphicAnswer } from '../non-homomorphic/non-homomorphic-answer';
import { proveBlank } from '../proofs/blank-proof';
import { proveDiscreteLog, signatureChallenge } from '../proofs/discrete-log-proof';
import { proveInterval, valueRange } from '../proofs/interval-proof';
import { modQ } from '../proofs/proof';
import {
  type Answer,
  type Ballot,
  type HomomorphicAnswer,
  serializeBallot,
  serializeUnsignedBallot,
} from './ballot';

/** A plaintext ballot: one array of small integers per question. */
export type PlaintextBallot = readonly (readonly number[])[];

/**
 * Checks a plaintext ballot against the questions.
 * @param election - the election
 * @param plaintext - the choices
 * @throws InvalidPlaintextError naming the bad position
 */
export function checkPlaintext(election: Election<unknown>, plaintext: PlaintextBallot): void {
  if (!Array.isArray(plaintext) || plaintext.length !== election.questions.length) {
    throw new InvalidPlaintextError('$', `expected ${election.questions.length} answers`);
  }
  for (const [i, question] of election.questions.entries()) {
    const answer = plaintext[i];
    if (!Array.isArray(answer) || !answer.every((x) => Number.isSafeInteger(x) && x >= 0)) {
      throw new InvalidPlaintextError(`[${i}]`, 'expected an array of non-negative integers');
    }
    if (question.kind === 'non-homomorphic') {
      if (answer.length !== question.answers.length)
        throw new InvalidPlaintextError(`[${i}]`, `expected ${question.answers.length} values`);
      continue;
    }
    const n = homomorphicAnswerLength(question);
    if (answer.length !== n) throw new InvalidPlaintextError(`[${i}]`, `expected ${n} values`);
    if (!answer.every((x) => x === 0 || x === 1))
      throw new InvalidPlaintextError(`[${i}]`, 'expected only 0 and 1');
    const choices = question.blank ? answer.slice(1) : answer;
    const sum = choices.reduce((a, b) => a + b, 0);
    if (question.blank && answer[0] === 1) {
      if (sum !== 0) throw new InvalidPlaintextError(`[${i}]`, 'a blank vote selects no answer');
    } else if (sum < question.min || sum > question.max) {
      throw new InvalidPlaintextError(
        `[${i}]`,
        `between ${question.min} and ${question.max} answers must be selected`,
      );
    }
  }
}

function encryptHomomorphic<E>(
  election: Election<E>,
  question: HomomorphicQuestion,
  values: readonly number[],
  prefix: string,
): HomomorphicAnswer<E> {
  const group = election.group;
  const y = election.publicKey;
  const rs = values.map(() => group.randomScalar());
  const choices = values.map((m, i) => encryptExponent(group, y, BigInt(m), rs[i] as bigint));
  const individualProofs = values.map((m, i) =>
    proveInterval(group, y, prefix, choices[i]!, rs[i]!, m, [0n, 1n]),
  );
  const statement = `${prefix}|${choices.map((c) => ciphertextToHashString(group, c)).join(',')}`;
  const sumOf = (cs: readonly Ciphertext<E>[]) =>
    cs.reduce((a, c) => combineCiphertexts(group, a, c), neutralCiphertext(group));
  if (question.blank) {
    const mSigma = values.slice(1).reduce((a, b) => a + b, 0);
    const { overallProof, blankProof } = proveBlank(group, y, statement, question.min, question.max, {
      c0: choices[0]!,
      m0: values[0] === 1 ? 1 : 0,
      r0: rs[0]!,
      cSigma: sumOf(choices.slice(1)),
      mSigma,
      rSigma: modQ(
        rs.slice(1).reduce((a, b) => a + b, 0n),
        group.q,
      ),
    });
    return { kind: 'homomorphic', choices, individualProofs, overallProof, blankProof };
  }
  const m = values.reduce((a, b) => a + b, 0);
  const overallProof = proveInterval(
    group,
    y,
    statement,
    sumOf(choices),
    modQ(
      rs.reduce((a, b) => a + b, 0n),
      group.q,
    ),
    m - question.min,
    valueRange(question.min, question.max),
  );
  return { kind: 'homomorphic', choices, individualProofs, overallProof };
}

/**
 * Creates a signed ballot.
 * @param election - the election
 * @param credential - the voter's secret credential
 * @param plaintext - one array per question: 0/1 per answer (with a leading blank flag when blank
 *   votes are allowed), or the integers of a non-homomorphic answer
 * @returns the ballot and its JSON text (as belenios-tool prints it)
 * @throws InvalidPlaintextError if the plaintext does not fit the questions
 * @throws MalformedInputError if the credential is malformed
 * @example
 * const { text } = createBallot(election, 'zpN-8XN-6Gx-U6u-WQS', [[1, 0], [0, 1, 1, 0]]);
 */
export function createBallot<E>(
  election: Election<E>,
  credential: string,
  plaintext: PlaintextBallot,
): { ballot: Ballot<E>; text: string } {
  checkPlaintext(election as Election<unknown>, plaintext);
  const group = election.group;
  const secret = deriveCredentialSecret(group as never, election.uuid, credential);
  const publicCredential = group.powG(secret);
  const prefix = `${election.fingerprint}|${group.toString(publicCredential)}`;
  const answers: Answer<E>[] = election.questions.map((question, i) => {
    const values = plaintext[i] as readonly number[];
    if (question.kind === 'non-homomorphic') {
      const a = encryptNonHomomorphicAnswer(group, { publicKey: election.publicKey, prefix, values });
      return { kind: 'non-homomorphic', choices: a.choices, proof: a.proof };
    }
    return encryptHomomorphic(election, question, values, prefix);
  });
  const unsigned = {
    electionUuid: election.uuid,
    electionHash: election.fingerprint,
    credential: publicCredential,
    answers,
  };
  const hash = sha256Base64(serializeUnsignedBallot(group, unsigned));
  const ballot: Ballot<E> = {
    ...unsigned,
    signature: { hash, proof: proveDiscreteLog(group, secret, signatureChallenge(group, hash)) },
  };
  return { ballot, text: serializeBallot(group, ballot) };
}
