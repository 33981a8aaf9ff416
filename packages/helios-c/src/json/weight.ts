/**
 * Weights as belenios-tool writes them: a JSON number up to `2^30 − 1`, a base-10 string above.
 *
 * @module
 */
import { fail, naturalAt } from './decoder';

const maxInt31 = 1073741823n;

/**
 * Decodes a weight (JSON number or base-10 string).
 * @param value - the JSON value
 * @param path - its path
 * @returns the weight
 */
export function weightAt(value: unknown, path: string): bigint {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) fail(path, 'a non-negative integer weight');
    return BigInt(value);
  }
  return naturalAt(value, path);
}

/**
 * Serializes a weight as belenios-tool does.
 * @param weight - the weight
 * @returns `123` or `"12345678901"`
 */
export function serializeWeight(weight: bigint): string {
  return weight <= maxInt31 ? weight.toString() : `"${weight}"`;
}
