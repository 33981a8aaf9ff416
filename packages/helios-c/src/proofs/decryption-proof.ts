/**
 * Proofs that a decryption factor is `alpha^x` for the trustee's key `X = g^x`
 * (Chaum–Pedersen, Belenios 2.0 specification §4.18).
 *
 * @module
 */
import type { Group } from '../groups/group';
import { isProofInRange, modQ, type Proof } from './proof';

function decryptPrefix<E>(group: Group<E>, fingerprint: string, publicKey: E): string {
  return `decrypt|${fingerprint}|${group.toString(publicKey)}|`;
}

/**
 * Proves that `factor = alpha^x`: `A = g^w`, `B = alpha^w`, `c = SHA256(decrypt|φ|X|A,B) mod q`.
 * @param group - the group
 * @param fingerprint - the election fingerprint `φ`
 * @param secretKey - `x`
 * @param publicKey - `X = g^x`
 * @param alpha - the ciphertext's `alpha`
 * @returns the proof
 */
export function proveDecryptionFactor<E>(
  group: Group<E>,
  fingerprint: string,
  secretKey: bigint,
  publicKey: E,
  alpha: E,
): Proof {
  const w = group.randomScalar();
  const challenge = group.hash(decryptPrefix(group, fingerprint, publicKey), [
    group.powG(w),
    group.pow(alpha, w),
  ]);
  return { challenge, response: modQ(w - secretKey * challenge, group.q) };
}

/**
 * Verifies a decryption factor proof: recomputes `A = g^r X^c`, `B = alpha^r factor^c`.
 * @param group - the group
 * @param fingerprint - the election fingerprint `φ`
 * @param publicKey - the trustee's verification key `X`
 * @param alpha - the ciphertext's `alpha`
 * @param factor - the decryption factor
 * @param proof - the proof
 * @returns whether it is valid
 */
export function verifyDecryptionFactor<E>(
  group: Group<E>,
  fingerprint: string,
  publicKey: E,
  alpha: E,
  factor: E,
  proof: Proof,
): boolean {
  if (!isProofInRange(proof, group.q)) return false;
  const a = group.mul(group.powG(proof.response), group.pow(publicKey, proof.challenge));
  const b = group.multiPow([alpha, factor], [proof.response, proof.challenge]);
  return group.hash(decryptPrefix(group, fingerprint, publicKey), [a, b]) === proof.challenge;
}
