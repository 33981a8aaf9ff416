/**
 * Disjunctive proofs of interval membership `iprove` / `iverify` (Belenios 2.0 specification §4.12):
 * `(alpha, beta) = (g^r, y^r g^{M_i})` for some `M_i` in a given list.
 *
 * @module
 */
import type { Ciphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import { isProofInRange, modQ, type Proof } from './proof';

function iprovePrefix<E>(group: Group<E>, statement: string, c: Ciphertext<E>): string {
  return `prove|${statement}|${group.toString(c.alpha)},${group.toString(c.beta)}|`;
}

/**
 * `iprove(S, r, i, M_0, …, M_k)`.
 * @param group - the group
 * @param publicKey - the election key `y`
 * @param statement - the string `S`
 * @param ciphertext - `(alpha, beta)`
 * @param r - the encryption randomness
 * @param index - `i`, the index of the true value in `values`
 * @param values - `M_0, …, M_k`
 * @returns the `k + 1` proofs
 */
export function proveInterval<E>(
  group: Group<E>,
  publicKey: E,
  statement: string,
  ciphertext: Ciphertext<E>,
  r: bigint,
  index: number,
  values: readonly bigint[],
): Proof[] {
  const q = group.q;
  const proofs: Proof[] = new Array(values.length);
  const commitments: E[] = new Array(2 * values.length);
  let sum = 0n;
  for (let j = 0; j < values.length; j++) {
    if (j === index) continue;
    const challenge = group.randomScalar();
    const response = group.randomScalar();
    proofs[j] = { challenge, response };
    [commitments[2 * j], commitments[2 * j + 1]] = intervalCommitments(
      group,
      publicKey,
      ciphertext,
      values[j] as bigint,
      {
        challenge,
        response,
      },
    );
    sum += challenge;
  }
  const w = group.randomScalar();
  commitments[2 * index] = group.powG(w);
  commitments[2 * index + 1] = group.pow(publicKey, w);
  const challenge = modQ(group.hash(iprovePrefix(group, statement, ciphertext), commitments) - sum, q);
  proofs[index] = { challenge, response: modQ(w - r * challenge, q) };
  return proofs;
}

/**
 * `A = g^response alpha^challenge`, `B = y^response (beta / g^M)^challenge`.
 * @param group - the group
 * @param publicKey - `y`
 * @param c - the ciphertext
 * @param value - `M`
 * @param proof - one disjunct's proof
 * @returns `[A, B]`
 */
export function intervalCommitments<E>(
  group: Group<E>,
  publicKey: E,
  c: Ciphertext<E>,
  value: bigint,
  proof: Proof,
): [E, E] {
  const a = group.mul(group.powG(proof.response), group.pow(c.alpha, proof.challenge));
  // (beta / g^M)^c = beta^c · g^(−M·c): beta itself is raised (its tables serve every disjunct)
  // and the shift is a fixed-base power, with no modular inversion.
  let b = group.mul(fixedPower(group, publicKey)(proof.response), group.pow(c.beta, proof.challenge));
  if (value !== 0n) b = group.mul(b, group.powG(group.q - ((value * proof.challenge) % group.q)));
  return [a, b];
}

const fixedPowers = new WeakMap<object, Map<string, (e: bigint) => unknown>>();

/**
 * `base^e` with precomputed tables for `base`, kept per group for the last few bases (the
 * election key is raised to a power in every proof).
 * @param group - the group
 * @param base - the base
 * @returns the exponentiation function
 */
export function fixedPower<E>(group: Group<E>, base: E): (e: bigint) => E {
  let perGroup = fixedPowers.get(group);
  if (!perGroup) {
    perGroup = new Map();
    fixedPowers.set(group, perGroup);
  }
  const key = group.toString(base);
  let power = perGroup.get(key);
  if (!power) {
    if (perGroup.size >= 8) perGroup.clear();
    power = group.fixedBase(base) as (e: bigint) => unknown;
    perGroup.set(key, power);
  }
  return power as (e: bigint) => E;
}

/**
 * Verifies `iprove(S, …, M_0, …, M_k)`.
 * @param group - the group
 * @param publicKey - `y`
 * @param statement - `S`
 * @param ciphertext - `(alpha, beta)`, already checked to be in the group
 * @param values - `M_0, …, M_k`
 * @param proofs - the `k + 1` proofs
 * @returns whether the proof is valid
 */
export function verifyInterval<E>(
  group: Group<E>,
  publicKey: E,
  statement: string,
  ciphertext: Ciphertext<E>,
  values: readonly bigint[],
  proofs: readonly Proof[],
): boolean {
  if (proofs.length !== values.length) return false;
  const commitments: E[] = [];
  let sum = 0n;
  for (let j = 0; j < values.length; j++) {
    const proof = proofs[j] as Proof;
    if (!isProofInRange(proof, group.q)) return false;
    commitments.push(...intervalCommitments(group, publicKey, ciphertext, values[j] as bigint, proof));
    sum += proof.challenge;
  }
  return group.hash(iprovePrefix(group, statement, ciphertext), commitments) === modQ(sum, group.q);
}

/**
 * The list `min, min + 1, …, max`.
 * @param min - the smallest value
 * @param max - the largest value
 * @returns the range as bigints
 */
export function valueRange(min: number, max: number): bigint[] {
  const out: bigint[] = [];
  for (let m = min; m <= max; m++) out.push(BigInt(m));
  return out;
}
