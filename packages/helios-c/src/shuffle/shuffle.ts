/**
 * The `shuffle` and `owned_shuffle` structures (Belenios 2.0 specification §4.17): the shuffled
 * ciphertexts of every non-homomorphic question with one proof each, and the link between a
 * shuffle and the trustee who made it (payload of a `Shuffle` event).
 *
 * @module
 */

import { decodeOwnedRecord, type OwnedRecord } from '../archive/archive-steps';
import type { Ciphertext } from '../elgamal/ciphertext';
import { MalformedShuffleError } from '../errors/malformed-shuffle-error';
import type { Group } from '../groups/group';
import { runDecoder } from '../json/decoder';
import {
  parseShuffleProof,
  ShuffleJsonReader,
  type ShuffleProof,
  type ShuffleProofJson,
  shuffleProofToJson,
} from './shuffle-proof';

/** One shuffle of all non-homomorphic questions. */
export interface Shuffle<E> {
  /** For each non-homomorphic question (in election order), the shuffled ciphertexts. */
  readonly ciphertexts: readonly (readonly Ciphertext<E>[])[];
  /** For each non-homomorphic question, the proof of its shuffle. */
  readonly proofs: readonly ShuffleProof<E>[];
}

/** JSON form of {@link Shuffle}. */
export interface ShuffleJson {
  /** `ciphertext**`. */
  readonly ciphertexts: { alpha: string; beta: string }[][];
  /** `shuffle_proof*`. */
  readonly proofs: ShuffleProofJson[];
}

/** The `owned_shuffle` structure: payload of a `Shuffle` event. */
export type OwnedShuffle = OwnedRecord;

/**
 * The JSON form of a shuffle (serialize with `JSON.stringify`, no spaces).
 * @param group - the election group
 * @param shuffle - the shuffle
 * @returns `{"ciphertexts":…,"proofs":…}`
 */
export function shuffleToJson<E>(group: Group<E>, shuffle: Shuffle<E>): ShuffleJson {
  return {
    ciphertexts: shuffle.ciphertexts.map((question) =>
      question.map(({ alpha, beta }) => ({ alpha: group.toString(alpha), beta: group.toString(beta) })),
    ),
    proofs: shuffle.proofs.map((proof) => shuffleProofToJson(group, proof)),
  };
}

/**
 * Reads an array of `{alpha, beta}` ciphertexts from untrusted JSON.
 * @param group - the election group
 * @param json - parsed JSON
 * @param path - its path, for errors
 * @returns the ciphertexts (membership is checked by the verifier)
 * @throws {@link MalformedShuffleError} naming the first malformed field
 */
export function parseCiphertexts<E>(group: Group<E>, json: unknown, path: string): Ciphertext<E>[] {
  const read = new ShuffleJsonReader(group);
  return read.array(json, path).map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new MalformedShuffleError(`${path}[${i}]`, 'expected a ciphertext');
    }
    const { alpha, beta } = item as { alpha?: unknown; beta?: unknown };
    return {
      alpha: read.element(alpha, `${path}[${i}].alpha`),
      beta: read.element(beta, `${path}[${i}].beta`),
    };
  });
}

/**
 * Parses the `shuffle` structure.
 * @param group - the election group
 * @param json - parsed JSON
 * @returns the shuffle
 * @throws {@link MalformedShuffleError} naming the first malformed field, e.g. `proofs[0][1][4][2]`
 * @example
 * const shuffle = parseShuffle(group, JSON.parse(text));
 */
export function parseShuffle<E>(group: Group<E>, json: unknown): Shuffle<E> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new MalformedShuffleError('', 'expected an object');
  }
  const read = new ShuffleJsonReader(group);
  const { ciphertexts, proofs } = json as { ciphertexts?: unknown; proofs?: unknown };
  const parsedCiphertexts = read
    .array(ciphertexts, 'ciphertexts')
    .map((question, i) => parseCiphertexts(group, question, `ciphertexts[${i}]`));
  const parsedProofs = read
    .array(proofs, 'proofs', parsedCiphertexts.length)
    .map((proof, i) => parseShuffleProof(group, proof, `proofs[${i}]`));
  return { ciphertexts: parsedCiphertexts, proofs: parsedProofs };
}

/**
 * Parses the `owned_shuffle` structure.
 * @param json - parsed JSON
 * @returns the owner and payload hash
 * @throws {@link MalformedShuffleError} if a field is missing or of the wrong type
 */
export function parseOwnedShuffle(json: unknown): OwnedShuffle {
  const owned = runDecoder(() => decodeOwnedRecord(json));
  if (!owned.ok) {
    const { path, message } = owned.error;
    throw new MalformedShuffleError(path.replace(/^\$\.?/, ''), message.replace(`${path}: `, ''));
  }
  return owned.value;
}
