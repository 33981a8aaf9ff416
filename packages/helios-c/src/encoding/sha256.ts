/**
 * SHA-256 helpers used throughout the Belenios 2.0 specification (§4.2 `H`, §4.15 `H_JSON`).
 *
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base64NoPadding } from './base64';
import { bytesToHex, utf8 } from './bytes';

/**
 * SHA-256 of a string (UTF-8) or of raw bytes, in lowercase hexadecimal.
 * @param input - text or bytes to hash
 * @returns 64 hexadecimal characters
 * @example
 * sha256Hex('abc'); // 'ba7816bf…'
 */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256(typeof input === 'string' ? utf8(input) : input));
}

/**
 * SHA-256 of a string or bytes, as a big-endian 256-bit number.
 * @param input - text or bytes to hash
 * @returns the digest as a bigint
 */
export function sha256BigInt(input: string | Uint8Array): bigint {
  return BigInt(`0x${sha256Hex(input)}`);
}

/**
 * `H_JSON` of the specification (§4.15): SHA-256 encoded in Base64 without padding.
 * Used for the election fingerprint, ballot hashes and smart ballot trackers.
 * @param input - text (UTF-8) or the exact bytes as stored
 * @returns Base64 of the digest, without `=` padding
 */
export function sha256Base64(input: string | Uint8Array): string {
  return base64NoPadding(sha256(typeof input === 'string' ? utf8(input) : input));
}
