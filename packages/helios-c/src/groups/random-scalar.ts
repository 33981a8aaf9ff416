/**
 * Uniform random exponents from the platform CSPRNG (`crypto.getRandomValues`).
 *
 * @module
 */
import { bytesToBigInt } from '../encoding/bytes';

/**
 * A uniformly random integer in `[0, bound)`, by rejection sampling over
 * `crypto.getRandomValues` (no modulo bias).
 * @param bound - exclusive upper bound, at least 1
 * @returns the random integer
 */
export function randomBelow(bound: bigint): bigint {
  if (bound < 1n) throw new RangeError('bound must be positive');
  const bits = bound.toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const excess = BigInt(bytes * 8 - bits);
  const buffer = new Uint8Array(bytes);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const candidate = bytesToBigInt(buffer) >> excess;
    if (candidate < bound) return candidate;
  }
}
