/**
 * Answers to non-homomorphic questions (`answer_nh`, Belenios 2.0 specification §4.11.2): one
 * ElGamal ciphertext of `group_encode(v₁,…,vₙ)` and its `raweg` proof.
 *
 * @module
 */
import type { Ciphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import type { Proof } from '../proofs/proof';
import { type GroupEmbedding, groupEmbedding } from './group-embedding';
import { proveRaweg, verifyRaweg } from './raweg-proof';

/** The content of `answer_nh`: the encrypted vector and its proof. */
export interface EncryptedVector<E> {
  /** Encryption of the embedded vector. */
  readonly choices: Ciphertext<E>;
  /** Proof of knowledge of the encryption randomness. */
  readonly proof: Proof;
}

/** Inputs of {@link encryptNonHomomorphicAnswer}. */
export interface NonHomomorphicAnswerInput<E> {
  /** The election public key `y`. */
  readonly publicKey: E;
  /** `S₀`: the election fingerprint, `|`, and the voter's public credential. */
  readonly prefix: string;
  /** One small integer per answer of the question (a rank, a grade…). */
  readonly values: readonly number[];
  /** The embedding to use (the group's own by default). */
  readonly embedding?: GroupEmbedding<E>;
}

/**
 * Encrypts a vector of integers as an answer to a non-homomorphic question.
 * @param group - the election group (it must have an embedding)
 * @param input - public key, prefix and values
 * @returns the answer's `choices` and `proof`
 * @throws `EmbeddingError` if a value does not fit in `bits_per_int` bits or there are too many
 * @example
 * const answer = encryptNonHomomorphicAnswer(group, { publicKey, prefix: `${fp}|${credential}`, values: [2, 1, 3] });
 */
export function encryptNonHomomorphicAnswer<E>(
  group: Group<E>,
  input: NonHomomorphicAnswerInput<E>,
): EncryptedVector<E> {
  const embedding = input.embedding ?? groupEmbedding(group);
  const message = embedding.encode(input.values);
  const r = group.randomScalar();
  const choices = { alpha: group.powG(r), beta: group.mul(group.pow(input.publicKey, r), message) };
  return { choices, proof: proveRaweg(group, input.publicKey, input.prefix, choices, r) };
}

/**
 * Checks the proof of a non-homomorphic answer.
 * @param group - the election group
 * @param publicKey - the election public key
 * @param prefix - `S₀`: the election fingerprint, `|`, and the ballot's credential
 * @param answer - the answer (its `choices` and `proof`)
 * @returns whether the answer is valid
 */
export function verifyNonHomomorphicAnswer<E>(
  group: Group<E>,
  publicKey: E,
  prefix: string,
  answer: EncryptedVector<E>,
): boolean {
  return verifyRaweg(group, publicKey, prefix, answer.choices, answer.proof);
}
