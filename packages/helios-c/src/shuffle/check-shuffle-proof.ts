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
  const member = (x: E) => group.isMember(x);
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
  // The other 3 + N equations (t₃, t₄₁, t₄₂, t̂₁…t̂_N) are checked together, see below.
  return batchedEquationsHold(group, {
    publicKey,
    h,
    hs,
    shuffled,
    challenge,
    t: [t3, t41, t42],
    tHat,
    cHat,
    folded: [cTilde, betaU, alphaU],
    s3,
    s4,
    sHat,
    sPrime,
  });
}

/** What `batchedEquationsHold` needs. */
interface BatchInput<E> {
  readonly publicKey: E;
  readonly h: E;
  readonly hs: readonly E[];
  readonly shuffled: readonly Ciphertext<E>[];
  readonly challenge: bigint;
  readonly t: readonly [E, E, E];
  readonly tHat: readonly E[];
  readonly cHat: readonly E[];
  /** `c̃`, `∏ β_i^(u_i)`, `∏ α_i^(u_i)`. */
  readonly folded: readonly [E, E, E];
  readonly s3: bigint;
  readonly s4: bigint;
  readonly sHat: readonly bigint[];
  readonly sPrime: readonly bigint[];
}

/**
 * Steps 19–22 of table 5 (`t₃ = t'₃`, `t₄₁ = t'₄₁`, `t₄₂ = t'₄₂`, `t̂_i = t̂'_i`) checked as one
 * random linear combination with independent 64-bit weights `ρ` (the small-exponents batch test
 * of Bellare, Garay and Rabin). Every element has already been checked to be in the prime-order
 * group, so if any one equation is false the combination holds with probability at most 2^−64.
 *
 * With weights `ρ₃, ρ₄₁, ρ₄₂, ρ_i`, the combined equation is
 * `t₃^ρ₃ t₄₁^ρ₄₁ t₄₂^ρ₄₂ ∏ t̂_i^ρ_i = g^(ρ₃s₃ − ρ₄₂s₄ + Σρ_iŝ_i) · pk^(−ρ₄₁s₄)
 *   · (c̃^ρ₃ (∏β_i^u_i)^ρ₄₁ (∏α_i^u_i)^ρ₄₂ ∏ĉ_i^ρ_i)^(−c) · ∏ B_i^(s'_i)`
 * with `B_i = h_i^ρ₃ β'_i^ρ₄₁ α'_i^ρ₄₂ ĉ_(i−1)^ρ_i`: the `s'_i`, shared by four equations, are
 * applied once, which makes verification several times cheaper than checking each equation.
 */
function batchedEquationsHold<E>(group: Group<E>, input: BatchInput<E>): boolean {
  const { q } = group;
  const n = input.tHat.length;
  const [rho3, rho41, rho42, ...rho] = randomWeights(n + 3) as [bigint, bigint, bigint, ...bigint[]];
  const left = group.multiPow([...input.t, ...input.tHat], [rho3, rho41, rho42, ...rho]);

  let gExponent = rho3 * input.s3 - rho42 * input.s4;
  for (let i = 0; i < n; i++) gExponent += (rho[i] as bigint) * (input.sHat[i] as bigint);
  const folded = group.multiPow([...input.folded, ...input.cHat], [rho3, rho41, rho42, ...rho]);
  const combinedBases = input.shuffled.map((x, i) =>
    group.multiPow(
      [input.hs[i] as E, x.beta, x.alpha, i === 0 ? input.h : (input.cHat[i - 1] as E)],
      [rho3, rho41, rho42, rho[i] as bigint],
    ),
  );
  const right = group.div(
    group.mul(
      group.multiPow(
        [group.g, input.publicKey],
        [((gExponent % q) + q) % q, (q - ((rho41 * input.s4) % q)) % q],
      ),
      group.multiPow(combinedBases, input.sPrime),
    ),
    group.pow(folded, input.challenge),
  );
  return group.equals(left, right);
}
function randomWeights(count: number): bigint[] {
  const words = new BigUint64Array(count);
  for (let offset = 0; offset < count; offset += 8192) {
    globalThis.crypto.getRandomValues(words.subarray(offset, Math.min(count, offset + 8192)));
  }
  return Array.from(words, (w) => w | 1n);
}
