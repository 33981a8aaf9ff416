/**
 * Byte and text conversions over web APIs only (browser and Node alike).
 *
 * @module
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 encoding of a string.
 * @param text - the string
 * @returns its UTF-8 bytes
 */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Strict UTF-8 decoding.
 * @param bytes - bytes to decode
 * @returns the text, or `undefined` if the bytes are not valid UTF-8
 */
export function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Byte-wise equality.
 * @param a - first byte string
 * @param b - second byte string
 * @returns true when both have the same length and bytes
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Lowercase hexadecimal encoding.
 * @param bytes - bytes to encode
 * @returns two hexadecimal characters per byte
 */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * Decodes hexadecimal (even length, any case).
 * @param hex - the hexadecimal string
 * @returns the bytes, or `undefined` if `hex` is not hexadecimal
 */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Big-endian unsigned integer of a byte string.
 * @param bytes - big-endian bytes
 * @returns the integer
 */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`);
}
