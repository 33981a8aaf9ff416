/**
 * Answers to non-homomorphic questions (`answer_nh`, Belenios 2.0 specification §4.11.2): one
 * ElGamal ciphertext of `group_encode(v₁,…,vₙ)` and its `raweg` proof.
 *
 * @module
 */
import type { Group } from '../groups/group';
import { type GroupEmbedding, groupEmbedding } from './group-embedding';
import { proveRaweg, type RawCiphertext, type RawegProof, verifyRaweg } from './raweg-proof';

/** The `answer_nh` structure. */
export interface NonHomomorphicAnswer<E> {
  /** Encryption of the embedded vector. */
  readonly choices: RawCiphertext<E>;
  /** Proof of knowledge of the encryption randomness. */
  readonly proof: RawegProof;
}

/** The JSON form of `answer_nh`, members in the order of the specification. */
export interface NonHomomorphicAnswerJson {
  /** `{alpha, beta}` serialized by the group. */
  readonly choices: { readonly alpha: string; readonly beta: string };
  /** `{challenge, response}` in base 10. */
  readonly proof: { readonly challenge: string; readonly response: string };
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
 * @returns the answer with its proof
 * @throws {@link EmbeddingError} if a value does not fit in `bits_per_int` bits or there are too many
 * @example
 * const answer = encryptNonHomomorphicAnswer(group, { publicKey, prefix: `${fp}|${credential}`, values: [2, 1, 3] });
 */
export function encryptNonHomomorphicAnswer<E>(
  group: Group<E>,
  input: NonHomomorphicAnswerInput<E>,
): NonHomomorphicAnswer<E> {
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
 * @param answer - the answer
 * @returns whether the answer is valid
 */
export function verifyNonHomomorphicAnswer<E>(
  group: Group<E>,
  publicKey: E,
  prefix: string,
  answer: NonHomomorphicAnswer<E>,
): boolean {
  return verifyRaweg(group, publicKey, prefix, answer.choices, answer.proof);
}

/**
 * The JSON form of an answer, as it appears in a ballot.
 * @param group - the election group
 * @param answer - the answer
 * @returns `{"choices":{"alpha","beta"},"proof":{"challenge","response"}}`
 */
export function nonHomomorphicAnswerToJson<E>(
  group: Group<E>,
  answer: NonHomomorphicAnswer<E>,
): NonHomomorphicAnswerJson {
  return {
    choices: { alpha: group.toString(answer.choices.alpha), beta: group.toString(answer.choices.beta) },
    proof: { challenge: answer.proof.challenge.toString(10), response: answer.proof.response.toString(10) },
  };
}

const decimal = /^(0|[1-9][0-9]*)$/;

/**
 * Parses an untrusted `answer_nh` (membership of `alpha`/`beta` is checked at verification).
 * @param group - the election group
 * @param json - parsed JSON
 * @returns the answer, or the JSON path of the first malformed field
 */
export function parseNonHomomorphicAnswer<E>(
  group: Group<E>,
  json: unknown,
): { ok: true; value: NonHomomorphicAnswer<E> } | { ok: false; path: string } {
  const object = (x: unknown): Record<string, unknown> | undefined =>
    typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
  const answer = object(json);
  if (!answer) return { ok: false, path: '' };
  const choices = object(answer.choices);
  if (!choices) return { ok: false, path: 'choices' };
  const alpha = typeof choices.alpha === 'string' ? group.parse(choices.alpha) : undefined;
  if (alpha === undefined) return { ok: false, path: 'choices.alpha' };
  const beta = typeof choices.beta === 'string' ? group.parse(choices.beta) : undefined;
  if (beta === undefined) return { ok: false, path: 'choices.beta' };
  const proof = object(answer.proof);
  if (!proof) return { ok: false, path: 'proof' };
  if (typeof proof.challenge !== 'string' || !decimal.test(proof.challenge)) {
    return { ok: false, path: 'proof.challenge' };
  }
  if (typeof proof.response !== 'string' || !decimal.test(proof.response)) {
    return { ok: false, path: 'proof.response' };
  }
  return {
    ok: true,
    value: {
      choices: { alpha, beta },
      proof: { challenge: BigInt(proof.challenge), response: BigInt(proof.response) },
    },
  };
}
