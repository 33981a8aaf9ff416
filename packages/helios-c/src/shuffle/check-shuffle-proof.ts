/**
 * `CheckShuffleProof` (Belenios 2.0 specification §6, table 5; after CHVote 1.3.2): verifies that
 * `e'` is a re-encryption and permutation of `e` without learning the permutation.
 *
 * Besides the equations of table 5, every element of the proof and of `e'` must be a member of the
 * group and every response must lie in `[0, q)`, and all arrays must have `N` items.
 *
 * @module
 */

import type { Ciphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import { independentGenerators } from './independent-generators';
import { ciphertextsString, elementsString, nizkpChallenge, nizkpChallenges } from './nizkp-challenges';
import type { ShuffleProof } from './shuffle-proof';
import { membershipTest } from './subgroup-membership';

/**
 * Checks a shuffle proof.
 * @param group - the election group
 * @param publicKey - the election public key `pk`
 * @param fingerprint - `φ`, the election fingerprint
 * @param ciphertexts - `e`, the ciphertexts before the shuffle
 * @param shuffled - `e'`, the ciphertexts after the shuffle
 * @param proof - `π`
 * @returns `true` if and only if the proof is valid for `e`, `e'`
 * @example
 * checkShuffleProof(group, y, fingerprint, before, after, proof);
 */
export function checkShuffleProof<E>(
  group: Group<E>,
  publicKey: E,
  fingerprint: string,
  ciphertexts: readonly Ciphertext<E>[],
  shuffled: readonly Ciphertext<E>[],
  proof: ShuffleProof<E>,
): boolean {
  const { q } = group;
  const n = ciphertexts.length;
  const { t1, t2, t3, t4, tHat } = proof.commitments;
  const [t41, t42] = t4;
  const { s1, s2, s3, s4, sHat, sPrime } = proof.responses;
  const c = proof.permutationCommitment;
  const cHat = proof.chainedCommitments;
  if (shuffled.length !== n || c.length !== n || cHat.length !== n || tHat.length !== n) return false;
  if (sHat.length !== n || sPrime.length !== n) return false;
  const inRange = (x: bigint) => x >= 0n && x < q;
  if (![s1, s2, s3, s4, ...sHat, ...sPrime].every(inRange)) return false;
  const member = membershipTest(group);
  if (![t1, t2, t3, t41, t42].every(member) || !tHat.every(member)) return false;
  if (!c.every(member) || !cHat.every(member)) return false;
  if (!shuffled.every((x) => member(x.alpha) && member(x.beta))) return false;

  const { h, hs } = independentGenerators(group, n);
  const str1 =
    ciphertextsString(group, ciphertexts) + ciphertextsString(group, shuffled) + elementsString(group, c);
  const u = nizkpChallenges(n, `shuffle-challenges|${fingerprint}|${str1}`, q);
  const str2 = elementsString(group, [t1, t2, t3, t41, t42]) + elementsString(group, tHat);
  const str3 = str1 + elementsString(group, cHat) + group.toString(publicKey);
  const challenge = nizkpChallenge(`shuffle-challenge|${fingerprint}|${str2}${str3}`, q);
  const minusChallenge = (q - challenge) % q;

  const product = (xs: readonly E[]) => xs.reduce((a, b) => group.mul(a, b), group.one);
  const cBar = group.div(product(c), product(hs));
  const uProduct = u.reduce((a, b) => (a * b) % q, 1n);
  const cHatLast = group.div(n === 0 ? h : (cHat[n - 1] as E), group.pow(h, uProduct));
  const cTilde = group.multiPow(c, u);
  const alphaU = group.multiPow(
    ciphertexts.map((x) => x.alpha),
    u,
  );
  const betaU = group.multiPow(
    ciphertexts.map((x) => x.beta),
    u,
  );

  const t1Prime = group.multiPow([cBar, group.g], [minusChallenge, s1]);
  if (!group.equals(t1, t1Prime)) return false;
  const t2Prime = group.multiPow([cHatLast, group.g], [minusChallenge, s2]);
  if (!group.equals(t2, t2Prime)) return false;
  const t3Prime = group.multiPow([cTilde, group.g, ...hs], [minusChallenge, s3, ...sPrime]);
  if (!group.equals(t3, t3Prime)) return false;
  const t41Prime = group.multiPow(
    [betaU, publicKey, ...shuffled.map((x) => x.beta)],
    [minusChallenge, (q - s4) % q, ...sPrime],
  );
  if (!group.equals(t41, t41Prime)) return false;
  const t42Prime = group.multiPow(
    [alphaU, group.g, ...shuffled.map((x) => x.alpha)],
    [minusChallenge, (q - s4) % q, ...sPrime],
  );
  if (!group.equals(t42, t42Prime)) return false;
  for (let i = 0; i < n; i++) {
    const previous = i === 0 ? h : (cHat[i - 1] as E);
    const tHatPrime = group.multiPow(
      [cHat[i] as E, group.g, previous],
      [minusChallenge, sHat[i] as bigint, sPrime[i] as bigint],
    );
    if (!group.equals(tHat[i] as E, tHatPrime)) return false;
  }
  return true;
}
