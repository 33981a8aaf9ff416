/**
 * @module
 * The tie-break of every ranking: node keys in ascending string order (UTF-16 code units, as
 * JavaScript's `<` compares them), never locale-dependent.
 */

/**
 * Compare two node keys in ascending string order.
 *
 * @returns A negative number, zero or a positive number, for `Array.prototype.sort`.
 * @example
 * ['b', 'a', 'B'].sort(compareKeys); // ['B', 'a', 'b']
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
