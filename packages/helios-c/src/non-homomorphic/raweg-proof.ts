/**
 * The `raweg` proof of a non-homomorphic answer (Belenios 2.0 specification §4.11.2): a Schnorr
 * proof of knowledge of the ElGamal randomness `r` of `(α, β) = (g^r, y^r·ξ)`, bound to the voter
 * by the prefix `S` (the election fingerprint, a vertical bar and the voter's public credential).
 *
 * `challenge = H_raweg(S, y, α, β, A) = SHA256("raweg|S|y,α,β|A") mod q`, `A = g^w`,
 * `response = w − r·challenge mod q`; the verifier recomputes `A = g^response · α^challenge`.
 *
 * @module
 */
import type { Ciphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import type { Proof } from '../proofs/proof';

function rawegPrefix<E>(group: Group<E>, prefix: string, publicKey: E, ciphertext: Ciphertext<E>): string {
  return `raweg|${prefix}|${group.toString(publicKey)},${group.toString(ciphertext.alpha)},${group.toString(ciphertext.beta)}|`;
}

/**
 * Proves knowledge of the randomness of a non-homomorphic ciphertext.
 * @param group - the election group
 * @param publicKey - the election public key `y`
 * @param prefix - `S`: the election fingerprint, `|`, and the voter's public credential
 * @param ciphertext - `(α, β)` with `α = g^randomness`
 * @param randomness - the ElGamal randomness `r`
 * @param nonce - the commitment exponent `w` (random when omitted; give it only in tests)
 * @returns the proof
 * @example
 * const proof = proveRaweg(group, y, `${fingerprint}|${credential}`, ciphertext, r);
 */
export function proveRaweg<E>(
  group: Group<E>,
  publicKey: E,
  prefix: string,
  ciphertext: Ciphertext<E>,
  randomness: bigint,
  nonce: bigint = group.randomScalar(),
): Proof {
  const commitment = group.powG(nonce);
  const challenge = group.hash(rawegPrefix(group, prefix, publicKey, ciphertext), [commitment]);
  const response = (((nonce - randomness * challenge) % group.q) + group.q) % group.q;
  return { challenge, response };
}

/**
 * Checks a `raweg` proof (§4.11.2, "The proof is verified as follows"), including that `α` and `β`
 * are group members and that the challenge and response are in `[0, q)`.
 * @param group - the election group
 * @param publicKey - the election public key `y`
 * @param prefix - `S`: the election fingerprint, `|`, and the voter's public credential
 * @param ciphertext - the answer's `choices`
 * @param proof - the answer's `proof`
 * @returns whether the proof is valid
 */
export function verifyRaweg<E>(
  group: Group<E>,
  publicKey: E,
  prefix: string,
  ciphertext: Ciphertext<E>,
  proof: Proof,
): boolean {
  const { challenge, response } = proof;
  if (challenge < 0n || challenge >= group.q || response < 0n || response >= group.q) return false;
  const member = (x: E) => group.isMember(x);
  if (!member(ciphertext.alpha) || !member(ciphertext.beta)) return false;
  const commitment = group.mul(group.powG(response), group.pow(ciphertext.alpha, challenge));
  return group.hash(rawegPrefix(group, prefix, publicKey, ciphertext), [commitment]) === challenge;
}
