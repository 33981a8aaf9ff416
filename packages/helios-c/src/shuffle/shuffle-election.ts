/**
 * Shuffling and verifying the non-homomorphic part of an election (Belenios 2.0 specification
 * §4.17): extract `b = nh_ciphertexts(a)` from the encrypted tally, shuffle each question with
 * {@link genShuffle} and prove it with {@link genShuffleProof}; check a sequence of shuffles, each
 * starting from the output of the previous one; merge the final ciphertexts back into the tally.
 *
 * @module
 */

import type { Ciphertext } from '../elgamal/ciphertext';
import { ShuffleError } from '../errors/shuffle-error';
import type { Group } from '../groups/group';
import { checkShuffleProof } from './check-shuffle-proof';
import { genShuffle } from './gen-shuffle';
import { genShuffleProof } from './gen-shuffle-proof';
import type { Shuffle } from './shuffle';

/** What a shuffle is computed against. */
export interface ShuffleContext<E> {
  /** The election public key `y`. */
  readonly publicKey: E;
  /** The election fingerprint `φ` (`H_JSON` of the election as stored). */
  readonly fingerprint: string;
}

/**
 * `nh_ciphertexts(a)`: the parts of an encrypted tally that belong to non-homomorphic questions.
 * @param encryptedTally - one array of ciphertexts per question
 * @param indices - indices of the non-homomorphic questions (see `nonHomomorphicIndices`)
 * @returns one array of ciphertexts per non-homomorphic question
 * @throws {@link ShuffleError} if an index is outside the tally
 */
export function nonHomomorphicCiphertexts<C>(
  encryptedTally: readonly (readonly C[])[],
  indices: readonly number[],
): C[][] {
  return indices.map((i) => {
    const question = encryptedTally[i];
    if (!question) throw new ShuffleError(`the encrypted tally has no question ${i}`);
    return [...question];
  });
}

/**
 * The encrypted tally `a'` with its non-homomorphic parts replaced by shuffled ones
 * (`nh_ciphertexts(a') = b'`).
 * @param encryptedTally - the encrypted tally `a`
 * @param indices - indices of the non-homomorphic questions
 * @param shuffled - `b'`, one array per non-homomorphic question
 * @returns `a'`
 * @throws {@link ShuffleError} if the lengths do not match
 */
export function mergeShuffledCiphertexts<C>(
  encryptedTally: readonly (readonly C[])[],
  indices: readonly number[],
  shuffled: readonly (readonly C[])[],
): C[][] {
  if (shuffled.length !== indices.length) {
    throw new ShuffleError(
      `${shuffled.length} shuffled questions for ${indices.length} non-homomorphic questions`,
    );
  }
  const merged = encryptedTally.map((question) => [...question]);
  indices.forEach((index, k) => {
    merged[index] = [...(shuffled[k] as readonly C[])];
  });
  return merged;
}

/**
 * Shuffles every non-homomorphic question and proves each shuffle (one mix server's work).
 * @param group - the election group
 * @param context - public key and fingerprint
 * @param ciphertexts - `b`: the current ciphertexts of each non-homomorphic question
 * @param onProgress - called with (done, total) counted in ciphertexts over all questions
 * @returns the `shuffle` structure
 * @throws {@link ShuffleError} if there is nothing to shuffle
 * @example
 * const shuffle = shuffleCiphertexts(group, { publicKey, fingerprint }, nonHomomorphicCiphertexts(tally, indices));
 */
export function shuffleCiphertexts<E>(
  group: Group<E>,
  context: ShuffleContext<E>,
  ciphertexts: readonly (readonly Ciphertext<E>[])[],
  onProgress?: (done: number, total: number) => void,
): Shuffle<E> {
  if (ciphertexts.length === 0) throw new ShuffleError('the election has no non-homomorphic question');
  const shuffled: Ciphertext<E>[][] = [];
  const total = ciphertexts.reduce((sum, question) => sum + question.length, 0);
  let before = 0;
  const proofs = ciphertexts.map((question) => {
    const witness = genShuffle(group, context.publicKey, question);
    shuffled.push(witness.ciphertexts);
    const proof = genShuffleProof(
      group,
      context.publicKey,
      context.fingerprint,
      question,
      witness,
      onProgress && ((done) => onProgress(before + done, total)),
    );
    before += question.length;
    return proof;
  });
  return { ciphertexts: shuffled, proofs };
}

/** Why a shuffle was rejected. */
export interface ShuffleRejection {
  /** Index of the shuffle in the sequence (0 for the first `Shuffle` event). */
  readonly shuffle: number;
  /** Index of the non-homomorphic question (among non-homomorphic questions), if one is at fault. */
  readonly question?: number;
  /** Stable reason code. */
  readonly reason: 'question-count' | 'ciphertext-count' | 'invalid-proof';
}

/** Result of {@link verifyShuffles}. */
export type ShuffleVerification<E> =
  | { readonly valid: true; readonly ciphertexts: readonly (readonly Ciphertext<E>[])[] }
  | ({ readonly valid: false } & ShuffleRejection);

/**
 * Checks a sequence of shuffles: the first against the ciphertexts of the encrypted tally, each
 * next one against the previous output.
 * @param group - the election group
 * @param context - public key and fingerprint
 * @param initial - `nh_ciphertexts` of the encrypted tally
 * @param shuffles - the shuffles, in archive order
 * @param onProgress - called after each checked question proof with (done, total)
 * @returns the final ciphertexts to decrypt, or why a shuffle is rejected
 */
export function verifyShuffles<E>(
  group: Group<E>,
  context: ShuffleContext<E>,
  initial: readonly (readonly Ciphertext<E>[])[],
  shuffles: readonly Shuffle<E>[],
  onProgress?: (done: number, total: number) => void,
): ShuffleVerification<E> {
  let current = initial;
  const total = shuffles.length * initial.length;
  let done = 0;
  for (let s = 0; s < shuffles.length; s++) {
    const shuffle = shuffles[s] as Shuffle<E>;
    if (shuffle.ciphertexts.length !== current.length || shuffle.proofs.length !== current.length) {
      return { valid: false, shuffle: s, reason: 'question-count' };
    }
    for (let k = 0; k < current.length; k++) {
      const before = current[k] as readonly Ciphertext<E>[];
      const after = shuffle.ciphertexts[k] as readonly Ciphertext<E>[];
      if (after.length !== before.length)
        return { valid: false, shuffle: s, question: k, reason: 'ciphertext-count' };
      const proof = shuffle.proofs[k];
      if (!proof || !checkShuffleProof(group, context.publicKey, context.fingerprint, before, after, proof)) {
        return { valid: false, shuffle: s, question: k, reason: 'invalid-proof' };
      }
      onProgress?.(++done, total);
    }
    current = shuffle.ciphertexts;
  }
  return { valid: true, ciphertexts: current };
}
