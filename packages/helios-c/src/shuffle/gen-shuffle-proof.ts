/**
 * `GenShuffleProof` (Belenios 2.0 specification §6, table 4, with `GenPermutationCommitment` and
 * `GenCommitmentChain`, tables 9 and 12; after CHVote 1.3.2): a non-interactive zero-knowledge
 * proof that `e'` is a re-encryption and permutation of `e`.
 *
 * @module
 */

import type { Ciphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import type { ShuffleWitness } from './gen-shuffle';
import { independentGenerators } from './independent-generators';
import { ciphertextsString, elementsString, nizkpChallenge, nizkpChallenges } from './nizkp-challenges';
import type { ShuffleProof } from './shuffle-proof';

/**
 * Proves a shuffle made by `genShuffle`.
 * @param group - the election group
 * @param publicKey - the election public key `pk`
 * @param fingerprint - `φ`, the election fingerprint
 * @param ciphertexts - `e`, the input ciphertexts
 * @param witness - `e'`, `r'` and `ψ` as returned by `genShuffle`
 * @param onProgress - called with (done, N) while the commitments `t̂ᵢ`, the longest step, are computed
 * @returns the proof `π`
 * @example
 * const witness = genShuffle(group, y, e);
 * const proof = genShuffleProof(group, y, fingerprint, e, witness);
 * checkShuffleProof(group, y, fingerprint, e, witness.ciphertexts, proof); // true
 */
export function genShuffleProof<E>(
  group: Group<E>,
  publicKey: E,
  fingerprint: string,
  ciphertexts: readonly Ciphertext<E>[],
  witness: ShuffleWitness<E>,
  onProgress?: (done: number, total: number) => void,
): ShuffleProof<E> {
  const { q } = group;
  const mod = (x: bigint) => ((x % q) + q) % q;
  const n = ciphertexts.length;
  const { ciphertexts: shuffled, randomness: rPrime, permutation: psi } = witness;
  if (shuffled.length !== n || rPrime.length !== n || psi.length !== n) {
    throw new RangeError('the shuffle witness does not match the ciphertexts');
  }
  const { h, hs } = independentGenerators(group, n);

  // GenPermutationCommitment(ψ, h): c_{ψ(i)} = g^{r_{ψ(i)}} · h_i.
  const r = new Array<bigint>(n);
  const c = new Array<E>(n);
  for (let i = 0; i < n; i++) {
    const ri = group.randomScalar();
    const j = psi[i] as number;
    r[j] = ri;
    c[j] = group.mul(group.powG(ri), hs[i] as E);
  }

  const str1 =
    ciphertextsString(group, ciphertexts) + ciphertextsString(group, shuffled) + elementsString(group, c);
  const u = nizkpChallenges(n, `shuffle-challenges|${fingerprint}|${str1}`, q);
  const uPrime = psi.map((j) => u[j] as bigint);

  // GenCommitmentChain(h, u').
  const rHat = new Array<bigint>(n);
  const cHat = new Array<E>(n);
  for (let i = 0; i < n; i++) {
    rHat[i] = group.randomScalar();
    cHat[i] = group.mul(
      group.powG(rHat[i] as bigint),
      group.pow(i === 0 ? h : (cHat[i - 1] as E), uPrime[i] as bigint),
    );
  }

  const w1 = group.randomScalar();
  const w2 = group.randomScalar();
  const w3 = group.randomScalar();
  const w4 = group.randomScalar();
  const wHat = ciphertexts.map(() => group.randomScalar());
  const wPrime = ciphertexts.map(() => group.randomScalar());

  const t1 = group.powG(w1);
  const t2 = group.powG(w2);
  const t3 = group.mul(group.powG(w3), group.multiPow(hs, wPrime));
  const t41 = group.mul(
    group.invert(group.pow(publicKey, w4)),
    group.multiPow(
      shuffled.map((x) => x.beta),
      wPrime,
    ),
  );
  const t42 = group.mul(
    group.invert(group.powG(w4)),
    group.multiPow(
      shuffled.map((x) => x.alpha),
      wPrime,
    ),
  );
  const tHat = wHat.map((w, i) => {
    const ti = group.mul(group.powG(w), group.pow(i === 0 ? h : (cHat[i - 1] as E), wPrime[i] as bigint));
    if (onProgress && ((i + 1) % 16 === 0 || i + 1 === n)) onProgress(i + 1, n);
    return ti;
  });

  const str2 = elementsString(group, [t1, t2, t3, t41, t42]) + elementsString(group, tHat);
  const str3 = str1 + elementsString(group, cHat) + group.toString(publicKey);
  const challenge = nizkpChallenge(`shuffle-challenge|${fingerprint}|${str2}${str3}`, q);

  const rBar = mod(r.reduce((a, b) => a + b, 0n));
  const s1 = mod(w1 + challenge * rBar);
  const v = new Array<bigint>(n);
  if (n > 0) v[n - 1] = 1n;
  for (let i = n - 2; i >= 0; i--) v[i] = mod((uPrime[i + 1] as bigint) * (v[i + 1] as bigint));
  const rHatSum = mod(rHat.reduce((a, x, i) => a + x * (v[i] as bigint), 0n));
  const s2 = mod(w2 + challenge * rHatSum);
  const rTilde = mod(r.reduce((a, x, i) => a + x * (u[i] as bigint), 0n));
  const s3 = mod(w3 + challenge * rTilde);
  const rPrimeSum = mod(rPrime.reduce((a, x, i) => a + x * (u[i] as bigint), 0n));
  const s4 = mod(w4 + challenge * rPrimeSum);
  const sHat = wHat.map((w, i) => mod(w + challenge * (rHat[i] as bigint)));
  const sPrime = wPrime.map((w, i) => mod(w + challenge * (uPrime[i] as bigint)));

  return {
    commitments: { t1, t2, t3, t4: [t41, t42], tHat },
    responses: { s1, s2, s3, s4, sHat, sPrime },
    permutationCommitment: c,
    chainedCommitments: cHat,
  };
}
