/**
 * Secret credentials (Belenios 2.0 specification §4.8): 15 Base58 characters, written
 * `XXX-XXX-XXX-XXX-XXX`, the last one a checksum; the secret exponent is derived with
 * PBKDF2-HMAC-SHA256 (1000 iterations, the election uuid as salt) and the public credential is
 * `g^s`.
 *
 * @module
 */
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToBigInt, utf8 } from '../encoding/bytes';
import { MalformedInputError } from '../errors/malformed-input-error';
import type { Group } from '../groups/group';
import { randomBelow } from '../groups/random-scalar';

/** The Base58 alphabet of credentials, uuids and seeds. */
export const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function checksumOf(digits: string): number {
  let n = 0n;
  for (const ch of digits) n = n * 58n + BigInt(base58Alphabet.indexOf(ch));
  return 53 - Number(n % 53n);
}

/**
 * Generates a fresh secret credential from the CSPRNG.
 * @returns a credential `XXX-XXX-XXX-XXX-XXX`
 * @example
 * const credential = generateSecretCredential(); // e.g. 'zpN-8XN-6Gx-U6u-WQS'
 */
export function generateSecretCredential(): string {
  let digits = '';
  for (let i = 0; i < 14; i++) digits += base58Alphabet[Number(randomBelow(58n))];
  const raw = digits + base58Alphabet[checksumOf(digits)];
  return [0, 3, 6, 9, 12].map((i) => raw.slice(i, i + 3)).join('-');
}

/**
 * Whether a credential is well formed and its checksum is right.
 * @param credential - `XXX-XXX-XXX-XXX-XXX` or `XXXXXXXXXXXXXXX`
 * @returns whether it is valid
 */
export function isValidSecretCredential(credential: string): boolean {
  const raw = /^[1-9A-HJ-NP-Za-km-z]{3}(-[1-9A-HJ-NP-Za-km-z]{3}){4}$/.test(credential)
    ? credential.replaceAll('-', '')
    : credential;
  if (!/^[1-9A-HJ-NP-Za-km-z]{15}$/.test(raw)) return false;
  return base58Alphabet.indexOf(raw[14] as string) === checksumOf(raw.slice(0, 14));
}

/**
 * `secret(c)`: PBKDF2-HMAC-SHA256 of the credential with the uuid as salt, 1000 iterations, one
 * block, reduced modulo `q`.
 * @param group - the election group
 * @param uuid - the election uuid
 * @param credential - the secret credential (as written, dashes included)
 * @returns the secret exponent
 * @throws MalformedInputError if the credential is malformed or its checksum wrong
 */
export function deriveCredentialSecret(group: Group<unknown>, uuid: string, credential: string): bigint {
  if (!isValidSecretCredential(credential))
    throw new MalformedInputError('credential', 'a secret credential with a valid checksum');
  const key = pbkdf2(sha256, utf8(credential), utf8(uuid), { c: 1000, dkLen: 32 });
  return bytesToBigInt(key) % group.q;
}

/**
 * `public(c) = g^secret(c)`.
 * @param group - the election group
 * @param uuid - the election uuid
 * @param credential - the secret credential
 * @returns the public credential
 */
export function derivePublicCredential<E>(group: Group<E>, uuid: string, credential: string): E {
  return group.powG(deriveCredentialSecret(group as Group<unknown>, uuid, credential));
}
