/**
 * `GenShuffle`, `GenPermutation` and `GenReEncryption` (Belenios 2.0 specification §6, tables
 * 1–3, after CHVote 1.3.2): re-encrypt every ciphertext and permute the results.
 *
 * @module
 */

import type { Ciphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import { randomBelow } from '../groups/random-scalar';

/** The secret output of {@link genShuffle}, needed to prove the shuffle. */
export interface ShuffleWitness<E> {
  /** `e'`: the shuffled ciphertexts, `e'_i` = re-encryption of `e_{ψ(i)}`. */
  readonly ciphertexts: Ciphertext<E>[];
  /** `r'`: `r'_j` is the randomness that re-encrypted `e_j` (indexed like the input). */
  readonly randomness: bigint[];
  /** `ψ`: output position `i` holds input `ψ[i]` (0-based). */
  readonly permutation: number[];
}

/**
 * `GenPermutation(N)` (table 2): a uniformly random permutation of `0…N−1` (Fisher–Yates).
 * @param count - `N`
 * @param random - a uniform integer in `[0, bound)` (the platform CSPRNG by default)
 * @returns `ψ` as an array
 */
export function genPermutation(count: number, random: (bound: bigint) => bigint = randomBelow): number[] {
  const pool = Array.from({ length: count }, (_, i) => i);
  const permutation = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const k = i + Number(random(BigInt(count - i)));
    permutation[i] = pool[k] as number;
    pool[k] = pool[i] as number;
  }
  return permutation;
}

/**
 * `GenShuffle(e, y)` (table 1): re-encrypts each ciphertext with fresh randomness and permutes.
 * @param group - the election group
 * @param publicKey - the election public key `y`
 * @param ciphertexts - `e`, the ciphertexts of one non-homomorphic question
 * @returns the shuffled ciphertexts with the randomness and permutation used
 * @example
 * const witness = genShuffle(group, y, ciphertexts);
 * const proof = genShuffleProof(group, y, fingerprint, ciphertexts, witness);
 */
export function genShuffle<E>(
  group: Group<E>,
  publicKey: E,
  ciphertexts: readonly Ciphertext<E>[],
): ShuffleWitness<E> {
  const n = ciphertexts.length;
  const permutation = genPermutation(n);
  const powY = group.fixedBase(publicKey);
  const randomness = ciphertexts.map(() => group.randomScalar());
  const reEncrypted = ciphertexts.map(({ alpha, beta }, j) => ({
    alpha: group.mul(alpha, group.powG(randomness[j] as bigint)),
    beta: group.mul(beta, powY(randomness[j] as bigint)),
  }));
  return { ciphertexts: permutation.map((j) => reEncrypted[j] as Ciphertext<E>), randomness, permutation };
}
