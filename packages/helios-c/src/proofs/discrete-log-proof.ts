/**
 * Schnorr proofs of knowledge of a discrete logarithm, the building block of trustee keys
 * (§4.5 `pok`), ballot signatures (§4.14), signed messages (§4.6.1) and raw-ElGamal proofs (§4.11.2).
 *
 * @module
 */
import type { Group } from '../groups/group';
import { isProofInRange, modQ, type Proof } from './proof';

/**
 * Proves knowledge of `x` with `X = g^x`: picks `w`, commits `A = g^w`, challenge `c = H(A)`,
 * response `w − x·c mod q`.
 * @param group - the group
 * @param secret - the discrete logarithm `x`
 * @param challengeOf - the Fiat–Shamir hash of the commitment
 * @returns the proof
 */
export function proveDiscreteLog<E>(
  group: Group<E>,
  secret: bigint,
  challengeOf: (commitment: E) => bigint,
): Proof {
  const w = group.randomScalar();
  const challenge = challengeOf(group.powG(w));
  return { challenge, response: modQ(w - secret * challenge, group.q) };
}

/**
 * The commitment a verifier recomputes: `A = g^response × X^challenge`.
 * @param group - the group
 * @param publicValue - `X`
 * @param proof - the proof
 * @returns `A`
 */
export function discreteLogCommitment<E>(group: Group<E>, publicValue: E, proof: Proof): E {
  return group.mul(group.powG(proof.response), group.pow(publicValue, proof.challenge));
}

/**
 * Verifies a proof of knowledge of the discrete logarithm of `X`.
 * @param group - the group
 * @param publicValue - `X` (must already be a checked member)
 * @param proof - the proof
 * @param challengeOf - the Fiat–Shamir hash of the commitment
 * @returns whether the proof is valid
 */
export function verifyDiscreteLog<E>(
  group: Group<E>,
  publicValue: E,
  proof: Proof,
  challengeOf: (commitment: E) => bigint,
): boolean {
  if (!isProofInRange(proof, group.q)) return false;
  return challengeOf(discreteLogCommitment(group, publicValue, proof)) === proof.challenge;
}

/**
 * The challenge of a trustee's proof of knowledge: `SHA256(pok|G|X|A) mod q` (§4.5).
 * @param group - the group (its name is `G`)
 * @param publicKey - `X`
 * @returns the challenge function of `A`
 */
export function pokChallenge<E>(group: Group<E>, publicKey: E): (commitment: E) => bigint {
  const prefix = `pok|${group.name}|${group.toString(publicKey)}|`;
  return (commitment) => group.hash(prefix, [commitment]);
}

/**
 * The challenge of a ballot signature: `SHA256(sig|H|A) mod q` (§4.14).
 * @param group - the group
 * @param hash - the hash of the ballot without its signature
 * @returns the challenge function of `A`
 */
export function signatureChallenge<E>(group: Group<E>, hash: string): (commitment: E) => bigint {
  const prefix = `sig|${hash}|`;
  return (commitment) => group.hash(prefix, [commitment]);
}

/**
 * The challenge of a signed message: `SHA256(sigmsg|M|A) mod q` (§4.6.1).
 * @param group - the group
 * @param message - the message `M`
 * @returns the challenge function of `A`
 */
export function signedMessageChallenge<E>(group: Group<E>, message: string): (commitment: E) => bigint {
  const prefix = `sigmsg|${message}|`;
  return (commitment) => group.hash(prefix, [commitment]);
}
