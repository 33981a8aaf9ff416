/**
 * Signed messages of the threshold key establishment's public key infrastructure
 * (Belenios 2.0 specification §4.6.1 `signed_msg`).
 *
 * @module
 */
import type { Group } from '../groups/group';
import { field, objectAt, proofAt, stringAt } from '../json/decoder';
import { jsonString } from '../json/json-string';
import { proveDiscreteLog, signedMessageChallenge, verifyDiscreteLog } from '../proofs/discrete-log-proof';
import type { Proof } from '../proofs/proof';
import { serializeProof } from './trustee-public-key';

/** A message with a Schnorr signature. */
export interface SignedMessage {
  readonly message: string;
  readonly signature: Proof;
}

/**
 * Signs a message.
 * @param group - the group
 * @param signingKey - `sk`
 * @param message - the message
 * @returns the signed message
 */
export function signMessage<E>(group: Group<E>, signingKey: bigint, message: string): SignedMessage {
  return { message, signature: proveDiscreteLog(group, signingKey, signedMessageChallenge(group, message)) };
}

/**
 * Verifies the signature of a message under verification key `vk`.
 * @param group - the group
 * @param verificationKey - `vk = g^sk`
 * @param signed - the signed message
 * @returns whether the signature is valid
 */
export function verifySignedMessage<E>(group: Group<E>, verificationKey: E, signed: SignedMessage): boolean {
  return verifyDiscreteLog(
    group,
    verificationKey,
    signed.signature,
    signedMessageChallenge(group, signed.message),
  );
}

/**
 * Decodes a `signed_msg`.
 * @param value - the JSON value
 * @param path - its path
 * @param q - the group order
 * @returns the signed message
 */
export function decodeSignedMessage(value: unknown, path: string, q: bigint): SignedMessage {
  const o = objectAt(value, path);
  return {
    message: stringAt(field(o, 'message', path), `${path}.message`),
    signature: proofAt(field(o, 'signature', path), `${path}.signature`, q),
  };
}

/**
 * Serializes a `signed_msg` (compact JSON).
 * @param signed - the signed message
 * @returns the JSON text
 */
export function serializeSignedMessage(signed: SignedMessage): string {
  return `{"message":${jsonString(signed.message)},"signature":${serializeProof(signed.signature)}}`;
}
