/**
 * The raw result of a non-homomorphic question (Belenios 2.0 specification §4.16, §4.19): the
 * encrypted tally keeps one ciphertext per ballot, sorted; after the shuffles, each ciphertext is
 * decrypted on its own and decoded with `group_decode`, giving one vector of integers per ballot,
 * in the order of the last shuffle. That list is the ballot list counting methods take
 * (`belenios-tool method schulze|mj|stv`).
 *
 * @module
 */

import type { Ciphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import type { GroupEmbedding } from './group-embedding';

/**
 * Orders the ciphertexts of a non-homomorphic question as Belenios does when it builds the
 * encrypted tally (§4.16): by `alpha`, then `beta`, compared as integers for finite-field groups
 * and as their serialization otherwise. Sorting hides the order in which ballots were cast.
 * @param group - the election group
 * @param ciphertexts - one ciphertext per ballot
 * @returns a sorted copy
 */
export function sortNonHomomorphicCiphertexts<E>(
  group: Group<E>,
  ciphertexts: readonly Ciphertext<E>[],
): Ciphertext<E>[] {
  const numeric = typeof (group as unknown as { p?: unknown }).p === 'bigint';
  const key = (x: E): bigint | string => (numeric ? BigInt(group.toString(x)) : group.toString(x));
  const compare = (a: E, b: E): number => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  return [...ciphertexts].sort((a, b) => compare(a.alpha, b.alpha) || compare(a.beta, b.beta));
}

/**
 * Decrypts and decodes shuffled ciphertexts: `result_j = group_decode(beta_j / F_j)` where `F_j`
 * is the synthetic decryption factor of ciphertext `j` (the combination of the trustees'
 * partial decryptions, §4.19).
 * @param group - the election group
 * @param embedding - the group's embedding (see `groupEmbedding`)
 * @param answerCount - number of answers of the question (integers per ballot)
 * @param ciphertexts - the ciphertexts after the last shuffle
 * @param factors - one synthetic decryption factor per ciphertext
 * @returns one vector of integers per ballot
 * @throws {RangeError} if there are not as many factors as ciphertexts
 * @example
 * const ballots = nonHomomorphicResult(group, groupEmbedding(group), 4, shuffled, factors);
 */
export function nonHomomorphicResult<E>(
  group: Group<E>,
  embedding: GroupEmbedding<E>,
  answerCount: number,
  ciphertexts: readonly Ciphertext<E>[],
  factors: readonly E[],
): number[][] {
  if (factors.length !== ciphertexts.length) {
    throw new RangeError(`${factors.length} decryption factors for ${ciphertexts.length} ciphertexts`);
  }
  return ciphertexts.map((c, j) => embedding.decode(group.div(c.beta, factors[j] as E), answerCount));
}

/**
 * Decrypts shuffled ciphertexts with the full secret key `x` (`F_j = alpha_j^x`), for tests, demos
 * and single-trustee setups.
 * @param group - the election group
 * @param embedding - the group's embedding
 * @param answerCount - number of answers of the question
 * @param ciphertexts - the ciphertexts after the last shuffle
 * @param secretKey - the election secret key
 * @returns one vector of integers per ballot
 */
export function decryptNonHomomorphic<E>(
  group: Group<E>,
  embedding: GroupEmbedding<E>,
  answerCount: number,
  ciphertexts: readonly Ciphertext<E>[],
  secretKey: bigint,
): number[][] {
  return nonHomomorphicResult(
    group,
    embedding,
    answerCount,
    ciphertexts,
    ciphertexts.map((c) => group.pow(c.alpha, secretKey)),
  );
}
