/**
 * The Jacobi symbol, by the binary algorithm (quadratic reciprocity); for a safe prime
 * `p = 2q + 1`, the subgroup of order `q` is exactly the quadratic residues, so membership is
 * `(a/p) = 1` — far cheaper than `a^q mod p`.
 *
 * @module
 */

/**
 * `(a/n)` for odd positive `n`.
 * @param a - any integer
 * @param n - an odd positive modulus
 * @returns -1, 0 or 1
 */
export function jacobi(a: bigint, n: bigint): -1 | 0 | 1 {
  let x = ((a % n) + n) % n;
  let m = n;
  let sign: 1 | -1 = 1;
  while (x !== 0n) {
    while ((x & 1n) === 0n) {
      x >>= 1n;
      const r = m & 7n;
      if (r === 3n || r === 5n) sign = sign === 1 ? -1 : 1;
    }
    [x, m] = [m, x];
    if ((x & 3n) === 3n && (m & 3n) === 3n) sign = sign === 1 ? -1 : 1;
    x %= m;
  }
  return m === 1n ? sign : 0;
}
