/**
 * Plain trustee keys as `belenios-tool setup generate-trustee-key` makes them (Belenios 2.0
 * specification §4.5): a random secret `x`, the public key with its proof of knowledge, and a
 * short id (the first 8 hexadecimal digits of the SHA-256 of the public key, upper case).
 *
 * @module
 */
import { sha256Hex } from '../encoding/sha256';
import type { Group } from '../groups/group';
import { makeTrusteePublicKey, serializeTrusteePublicKey, type TrusteePublicKey } from './trustee-public-key';

/** A freshly generated trustee key pair. */
export interface GeneratedTrusteeKey<E> {
  /** Short fingerprint naming the files `ID.privkey` and `ID.pubkey`. */
  readonly id: string;
  readonly secretKey: bigint;
  readonly publicKey: TrusteePublicKey<E>;
  /** Content of `ID.privkey` (a JSON string). */
  readonly privateText: string;
  /** Content of `ID.pubkey` (a `trustee_public_key`). */
  readonly publicText: string;
}

/**
 * Generates a trustee key pair.
 * @param group - the group
 * @returns the key pair and its file contents
 * @example
 * const key = generateTrusteeKey(groupByName('BELENIOS-2048')!);
 */
export function generateTrusteeKey<E>(group: Group<E>): GeneratedTrusteeKey<E> {
  const secretKey = group.randomScalar();
  const publicKey = makeTrusteePublicKey(group, secretKey);
  return {
    id: trusteeKeyId(group, publicKey.publicKey),
    secretKey,
    publicKey,
    privateText: `"${secretKey}"`,
    publicText: serializeTrusteePublicKey(group, publicKey),
  };
}

/**
 * The short id of a public key.
 * @param group - the group
 * @param publicKey - the key
 * @returns 8 upper-case hexadecimal digits
 */
export function trusteeKeyId<E>(group: Group<E>, publicKey: E): string {
  return sha256Hex(group.toString(publicKey)).slice(0, 8).toUpperCase();
}
