/**
 * AES-CCM as Belenios uses it for trustee channels (Belenios 2.0 specification §4.6.1): the SJCL
 * construction with a 64-bit tag, no associated data, the nonce truncated to `15 − L` bytes.
 *
 * @module
 */
import { ecb } from '@noble/ciphers/aes.js';

const TAG_BYTES = 8;

function blockCipher(key: Uint8Array): (block: Uint8Array) => Uint8Array {
  // A fresh ECB instance per block: the library refuses to reuse one (misuse protection), and
  // CCM only ever encrypts single blocks here.
  return (block) => ecb(key, { disablePadding: true }).encrypt(block.slice());
}

function lengthField(length: number, ivLength: number): number {
  let l = 2;
  while (l < 4 && length >>> (8 * l) !== 0) l++;
  if (l < 15 - ivLength) l = 15 - ivLength;
  return l;
}

function xor16(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (a[i] as number) ^ (b[i] ?? 0);
  return out;
}

function computeTag(
  prf: (b: Uint8Array) => Uint8Array,
  plaintext: Uint8Array,
  iv: Uint8Array,
  l: number,
): Uint8Array {
  const block = new Uint8Array(16);
  block[0] = ((TAG_BYTES - 2) << 2) | (l - 1);
  block.set(iv, 1);
  const view = new DataView(block.buffer);
  view.setUint32(12, (view.getUint32(12) | plaintext.length) >>> 0);
  let mac = prf(block);
  for (let i = 0; i < plaintext.length; i += 16) mac = prf(xor16(mac, plaintext.subarray(i, i + 16)));
  return mac.subarray(0, TAG_BYTES);
}

function ctrMode(
  prf: (b: Uint8Array) => Uint8Array,
  data: Uint8Array,
  iv: Uint8Array,
  tag: Uint8Array,
  l: number,
): { output: Uint8Array; tag: Uint8Array } {
  const ctr = new Uint8Array(16);
  ctr[0] = l - 1;
  ctr.set(iv, 1);
  const maskedTag = xor16(prf(ctr), tag).subarray(0, TAG_BYTES);
  const view = new DataView(ctr.buffer);
  const output = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i += 16) {
    view.setUint32(12, (view.getUint32(12) + 1) >>> 0);
    const stream = prf(ctr);
    for (let j = 0; j < 16 && i + j < data.length; j++)
      output[i + j] = (data[i + j] as number) ^ (stream[j] as number);
  }
  return { output, tag: maskedTag };
}

/**
 * Encrypts with AES-CCM (SJCL flavour).
 * @param key - 16, 24 or 32 bytes
 * @param iv - at least 7 bytes (truncated as SJCL does)
 * @param plaintext - the message
 * @returns ciphertext followed by the 8-byte tag
 */
export function ccmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const prf = blockCipher(key);
  const l = lengthField(plaintext.length, iv.length);
  const nonce = iv.subarray(0, 15 - l);
  const tag = computeTag(prf, plaintext, nonce, l);
  const { output, tag: masked } = ctrMode(prf, plaintext, nonce, tag, l);
  const out = new Uint8Array(output.length + TAG_BYTES);
  out.set(output);
  out.set(masked, output.length);
  return out;
}

/**
 * Decrypts and authenticates AES-CCM (SJCL flavour).
 * @param key - the key
 * @param iv - the nonce material
 * @param ciphertext - ciphertext and tag
 * @returns the plaintext, or `undefined` if the tag does not match
 */
export function ccmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array | undefined {
  if (ciphertext.length < TAG_BYTES) return undefined;
  const prf = blockCipher(key);
  const length = ciphertext.length - TAG_BYTES;
  const l = lengthField(length, iv.length);
  const nonce = iv.subarray(0, 15 - l);
  const { output, tag } = ctrMode(prf, ciphertext.subarray(0, length), nonce, ciphertext.subarray(length), l);
  const expected = computeTag(prf, output, nonce, l);
  let diff = 0;
  for (let i = 0; i < TAG_BYTES; i++) diff |= (tag[i] as number) ^ (expected[i] as number);
  return diff === 0 ? output : undefined;
}
