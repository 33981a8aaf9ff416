/**
 * Fiat–Shamir challenges of the shuffle proof (Belenios 2.0 specification §6, tables 10, 11, 13):
 * the string encodings `⟦e⟧` and `⟦c⟧`, `GetNIZKPChallenges(N, S)` and `GetNIZKPChallenge(S)`.
 *
 * @module
 */

import type { Ciphertext } from '../elgamal/ciphertext';
import { sha256Hex } from '../encoding/sha256';
import type { Group } from '../groups/group';

/**
 * `⟦e⟧` (table 10): `alpha,beta,` for each ciphertext, concatenated.
 * @param group - the election group
 * @param ciphertexts - the ciphertexts
 * @returns the string
 */
export function ciphertextsString<E>(group: Group<E>, ciphertexts: readonly Ciphertext<E>[]): string {
  let s = '';
  for (const { alpha, beta } of ciphertexts) s += `${group.toString(alpha)},${group.toString(beta)},`;
  return s;
}

/**
 * `⟦c⟧` (table 10): each element followed by a comma.
 * @param group - the election group
 * @param elements - the elements
 * @returns the string
 */
export function elementsString<E>(group: Group<E>, elements: readonly E[]): string {
  let s = '';
  for (const x of elements) s += `${group.toString(x)},`;
  return s;
}

/**
 * `GetNIZKPChallenges(N, S)` (table 11): `u_i = SHA256(H ‖ SHA256(i)) mod q` where `H = SHA256(S)`
 * and digests are concatenated as lowercase hexadecimal strings.
 * @param count - `N`
 * @param text - `S`
 * @param q - the group order
 * @returns `N` challenges in `Z_q`
 */
export function nizkpChallenges(count: number, text: string, q: bigint): bigint[] {
  const h = sha256Hex(text);
  const challenges = new Array<bigint>(count);
  for (let i = 0; i < count; i++) {
    challenges[i] = BigInt(`0x${sha256Hex(h + sha256Hex(String(i)))}`) % q;
  }
  return challenges;
}

/**
 * `GetNIZKPChallenge(S)` (table 13): `SHA256(S) mod q`.
 * @param text - `S`
 * @param q - the group order
 * @returns the challenge
 */
export function nizkpChallenge(text: string, q: bigint): bigint {
  return BigInt(`0x${sha256Hex(text)}`) % q;
}
