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

  // Equations of table 5 with `x^(−c)` computed as `(x^c)⁻¹` (c is a 256-bit hash, much shorter
  // than the responses).
  const t1Prime = group.div(group.powG(s1), group.pow(cBar, challenge));
  if (!group.equals(t1, t1Prime)) return false;
  const t2Prime = group.div(group.powG(s2), group.pow(cHatLast, challenge));
  if (!group.equals(t2, t2Prime)) return false;
  const t3Prime = group.div(
    group.mul(group.powG(s3), group.multiPow(hs, sPrime)),
    group.pow(cTilde, challenge),
  );
  if (!group.equals(t3, t3Prime)) return false;
  const t41Prime = group.div(
    group.multiPow(
      shuffled.map((x) => x.beta),
      sPrime,
    ),
    group.mul(group.pow(betaU, challenge), group.pow(publicKey, s4)),
  );
  if (!group.equals(t41, t41Prime)) return false;
  const t42Prime = group.div(
    group.multiPow(
      shuffled.map((x) => x.alpha),
      sPrime,
    ),
    group.mul(group.pow(alphaU, challenge), group.powG(s4)),
  );
  if (!group.equals(t42, t42Prime)) return false;
  return n === 0 || chainedCommitmentsHold(group, h, challenge, tHat, cHat, sHat, sPrime);
}

/**
 * The `N` equations `t̂_i = ĉ_i^(−c) · g^(ŝ_i) · ĉ_(i−1)^(s'_i)` of table 5 (step 21–22), checked
 * together as one random linear combination `∏ t̂_i^(ρ_i) = ∏ (…)^(ρ_i)` with independent 64-bit
 * `ρ_i` (the small-exponents batch test of Bellare, Garay and Rabin): every element has already
 * been checked to be in the prime-order group, so a false equation passes with probability at
 * most 2^−64. It costs one multi-exponentiation over `N + 1` bases instead of `N`
 * exponentiations.
 */
function chainedCommitmentsHold<E>(
  group: Group<E>,
  h: E,
  challenge: bigint,
  tHat: readonly E[],
  cHat: readonly E[],
  sHat: readonly bigint[],
  sPrime: readonly bigint[],
): boolean {
  const { q } = group;
  const n = tHat.length;
  const rho = randomWeights(n);
  // Exponent of g: Σ ρ_i ŝ_i; of h (= ĉ_0): ρ_1 s'_1; of ĉ_j (1 ≤ j < N): ρ_(j+1) s'_(j+1) − c ρ_j;
  // of ĉ_N: −c ρ_N.
  let gExponent = 0n;
  for (let i = 0; i < n; i++) gExponent += (rho[i] as bigint) * (sHat[i] as bigint);
  const bases: E[] = [h];
  const exponents: bigint[] = [((rho[0] as bigint) * (sPrime[0] as bigint)) % q];
  for (let j = 0; j < n; j++) {
    const next = j + 1 < n ? (rho[j + 1] as bigint) * (sPrime[j + 1] as bigint) : 0n;
    bases.push(cHat[j] as E);
    exponents.push((((next - challenge * (rho[j] as bigint)) % q) + q) % q);
  }
  const right = group.mul(group.powG(gExponent % q), group.multiPow(bases, exponents));
  const left = group.multiPow(tHat, rho);
  return group.equals(left, right);
}

function randomWeights(count: number): bigint[] {
  const words = new BigUint64Array(count);
  for (let offset = 0; offset < count; offset += 8192) {
    globalThis.crypto.getRandomValues(words.subarray(offset, Math.min(count, offset + 8192)));
  }
  return Array.from(words, (w) => w | 1n);
}
