/**
 * The encrypted tally (Belenios 2.0 specification §4.16): for homomorphic questions the pointwise
 * product of the ballots' ciphertexts raised to their weights; for non-homomorphic questions the
 * list of ciphertexts, one per ballot.
 *
 * @module
 */
import type { Ballot } from '../ballot/ballot';
import { decodeCiphertext } from '../ballot/ballot';
import type { Election } from '../election/election';
import { homomorphicAnswerLength } from '../election/question';
import { type Ciphertext, neutralCiphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import {
  arrayOf,
  field,
  hashAt,
  objectAt,
  type ParseResult,
  parseJsonText,
  runDecoder,
  smallIntAt,
} from '../json/decoder';
import { serializeWeight, weightAt } from '../json/weight';
import { sortNonHomomorphicCiphertexts } from '../non-homomorphic/non-homomorphic-result';

/** One array of ciphertexts per question. */
export type EncryptedTally<E> = readonly (readonly Ciphertext<E>[])[];

/** The payload of the `EncryptedTally` event. */
export interface SizedEncryptedTally {
  readonly numTallied: number;
  readonly totalWeight: bigint;
  /** Hash of the `encrypted_tally` data. */
  readonly encryptedTally: string;
}

/** A ballot counted with its voter's weight. */
export interface WeightedBallot<E> {
  readonly ballot: Ballot<E>;
  readonly weight: bigint;
}

/**
 * Computes the encrypted tally of the last ballot of each voter.
 * @param election - the election
 * @param ballots - the tallied ballots `last(B)` with their weights
 * @returns the encrypted tally
 */
export function computeEncryptedTally<E>(
  election: Election<E>,
  ballots: readonly WeightedBallot<E>[],
): EncryptedTally<E> {
  const group = election.group;
  return election.questions.map((question, i) => {
    if (question.kind === 'non-homomorphic') {
      // Sorted, so that the order of the ciphertexts does not reveal the order of the votes.
      return sortNonHomomorphicCiphertexts(
        group,
        ballots.map(({ ballot }) => {
          const a = ballot.answers[i];
          return a?.kind === 'non-homomorphic' ? a.choices : neutralCiphertext(group);
        }),
      );
    }
    const n = homomorphicAnswerLength(question);
    const out: Ciphertext<E>[] = [];
    for (let j = 0; j < n; j++) {
      const alphas: E[] = [];
      const betas: E[] = [];
      const weights: bigint[] = [];
      for (const { ballot, weight } of ballots) {
        const a = ballot.answers[i];
        if (a?.kind !== 'homomorphic') continue;
        const c = a.choices[j] as Ciphertext<E>;
        alphas.push(c.alpha);
        betas.push(c.beta);
        weights.push(weight);
      }
      out.push(
        weights.every((w) => w === 1n)
          ? {
              alpha: alphas.reduce((x, y) => group.mul(x, y), group.one),
              beta: betas.reduce((x, y) => group.mul(x, y), group.one),
            }
          : { alpha: group.multiPow(alphas, weights), beta: group.multiPow(betas, weights) },
      );
    }
    return out;
  });
}

/**
 * Decodes an `encrypted_tally` (array of arrays of ciphertexts).
 * @param group - the group
 * @param value - the JSON value
 * @param path - its path
 * @returns the tally
 */
export function decodeEncryptedTally<E>(group: Group<E>, value: unknown, path = '$'): EncryptedTally<E> {
  return arrayOf(value, path, (q, p) => arrayOf(q, p, (c, pp) => decodeCiphertext(group, c, pp)));
}

/**
 * Parses an `encrypted_tally` JSON text.
 * @param group - the group
 * @param text - the JSON text
 * @returns the tally or a MalformedInputError
 */
export function parseEncryptedTally<E>(group: Group<E>, text: string): ParseResult<EncryptedTally<E>> {
  return runDecoder(() => decodeEncryptedTally(group, parseJsonText(text)));
}

/**
 * Serializes an encrypted tally as belenios-tool does.
 * @param group - the group
 * @param tally - the tally
 * @returns compact JSON
 */
export function serializeEncryptedTally<E>(group: Group<E>, tally: EncryptedTally<E>): string {
  return `[${tally
    .map(
      (q) =>
        `[${q.map((c) => `{"alpha":"${group.toString(c.alpha)}","beta":"${group.toString(c.beta)}"}`).join(',')}]`,
    )
    .join(',')}]`;
}

/**
 * Parses a `sized_encrypted_tally`.
 * @param text - the JSON text
 * @returns the value or a MalformedInputError
 */
export function parseSizedEncryptedTally(text: string): ParseResult<SizedEncryptedTally> {
  return runDecoder(() => {
    const o = objectAt(parseJsonText(text), '$');
    return {
      numTallied: smallIntAt(field(o, 'num_tallied', '$'), '$.num_tallied'),
      totalWeight: weightAt(field(o, 'total_weight', '$'), '$.total_weight'),
      encryptedTally: hashAt(field(o, 'encrypted_tally', '$'), '$.encrypted_tally'),
    };
  });
}

/**
 * Serializes a `sized_encrypted_tally`.
 * @param sized - the value
 * @returns compact JSON
 */
export function serializeSizedEncryptedTally(sized: SizedEncryptedTally): string {
  return `{"num_tallied":${sized.numTallied},"total_weight":${serializeWeight(sized.totalWeight)},"encrypted_tally":"${sized.encryptedTally}"}`;
}
