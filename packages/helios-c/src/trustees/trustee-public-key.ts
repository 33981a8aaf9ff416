/**
 * Trustee verification keys with their proof of knowledge (Belenios 2.0 specification §4.5).
 *
 * @module
 */
import type { Group } from '../groups/group';
import { elementAt, field, objectAt, proofAt } from '../json/decoder';
import { pokChallenge, proveDiscreteLog, verifyDiscreteLog } from '../proofs/discrete-log-proof';
import type { Proof } from '../proofs/proof';

/** A `trustee_public_key`: `X = g^x` with a proof of knowledge of `x`. */
export interface TrusteePublicKey<E> {
  readonly publicKey: E;
  readonly pok: Proof;
}

/**
 * Builds the public key and proof of knowledge for a secret key.
 * @param group - the group
 * @param secretKey - `x`
 * @returns the trustee public key
 */
export function makeTrusteePublicKey<E>(group: Group<E>, secretKey: bigint): TrusteePublicKey<E> {
  const publicKey = group.powG(secretKey);
  return { publicKey, pok: proveDiscreteLog(group, secretKey, pokChallenge(group, publicKey)) };
}

/**
 * Checks the proof of knowledge of a trustee public key.
 * @param group - the group
 * @param key - the key
 * @returns whether the proof is valid
 */
export function verifyTrusteePublicKey<E>(group: Group<E>, key: TrusteePublicKey<E>): boolean {
  return verifyDiscreteLog(group, key.publicKey, key.pok, pokChallenge(group, key.publicKey));
}

/**
 * Decodes a `trustee_public_key`.
 * @param value - the JSON value
 * @param path - its path
 * @param group - the group
 * @returns the key
 */
export function decodeTrusteePublicKey<E>(
  value: unknown,
  path: string,
  group: Group<E>,
): TrusteePublicKey<E> {
  const o = objectAt(value, path);
  return {
    pok: proofAt(field(o, 'pok', path), `${path}.pok`, group.q),
    publicKey: elementAt(field(o, 'public_key', path), `${path}.public_key`, group),
  };
}

/**
 * Serializes a `trustee_public_key` as belenios-tool does (`pok` first).
 * @param group - the group
 * @param key - the key
 * @returns compact JSON
 */
export function serializeTrusteePublicKey<E>(group: Group<E>, key: TrusteePublicKey<E>): string {
  return `{"pok":${serializeProof(key.pok)},"public_key":"${group.toString(key.publicKey)}"}`;
}

/**
 * Serializes a proof as `{"challenge":"…","response":"…"}`.
 * @param proof - the proof
 * @returns compact JSON
 */
export function serializeProof(proof: Proof): string {
  return `{"challenge":"${proof.challenge}","response":"${proof.response}"}`;
}
