/**
 * Exponentiation algorithms modulo a prime, over native bigint: fixed-window exponentiation,
 * fixed-base tables (Brickell–Gordon–McCurley–Wilson windowing), power chains for a base raised to
 * several exponents (Yao's method) and simultaneous multi-exponentiation (Straus / Shamir's trick).
 * Products are reduced with the native remainder: on 2048-bit moduli it is faster in V8 than a
 * Barrett or Montgomery reduction written with bigint, which each cost three multiplications.
 * Variable time: public data only.
 *
 * @module
 */

function digits(e: bigint, window: number): number[] {
  // Most significant first.
  const bits = e.toString(2);
  const pad = (window - (bits.length % window)) % window;
  const padded = '0'.repeat(pad) + bits;
  const out: number[] = new Array(padded.length / window);
  for (let i = 0; i < out.length; i++)
    out[i] = Number.parseInt(padded.slice(i * window, (i + 1) * window), 2);
  return out;
}

/**
 * `base^e mod p` for `e ≥ 0`, left to right with 4-bit windows.
 * @param base - the base, in `[0, p)`
 * @param e - a non-negative exponent
 * @param p - the modulus
 * @returns the power
 */
export function modPow(base: bigint, e: bigint, p: bigint): bigint {
  if (e === 0n) return 1n;
  if (e === 1n) return base % p;
  const table = powerTable(base, 4, p);
  let r = 1n;
  let started = false;
  for (const d of digits(e, 4)) {
    if (started) {
      r = (r * r) % p;
      r = (r * r) % p;
      r = (r * r) % p;
      r = (r * r) % p;
    }
    if (d !== 0) {
      r = started ? (r * (table[d] as bigint)) % p : (table[d] as bigint);
      started = true;
    }
  }
  return r;
}

function powerTable(base: bigint, window: number, p: bigint): bigint[] {
  const size = 1 << window;
  const table: bigint[] = new Array(size);
  table[0] = 1n;
  table[1] = base % p;
  for (let i = 2; i < size; i++) table[i] = ((table[i - 1] as bigint) * (table[1] as bigint)) % p;
  return table;
}

/**
 * Precomputes `base^(d·2^(w·i))` for every window `i` and digit `d`, so that raising `base` to any
 * exponent below `2^maxBits` costs about `maxBits / w` multiplications.
 * @param base - the fixed base
 * @param maxBits - bit length of the largest exponent (that of the group order)
 * @param p - the modulus
 * @returns the exponentiation function (exponents must be in `[0, 2^maxBits)`)
 */
export function fixedBaseModPow(base: bigint, maxBits: number, p: bigint): (e: bigint) => bigint {
  const window = maxBits <= 512 ? 8 : 6;
  const windows = Math.ceil(maxBits / window);
  const size = 1 << window;
  const tables: bigint[][] = [];
  let current = base % p;
  for (let i = 0; i < windows; i++) {
    const table = powerTable(current, window, p);
    tables.push(table);
    current = ((table[size - 1] as bigint) * current) % p;
  }
  return (e: bigint): bigint => {
    if (e === 0n) return 1n;
    const ds = digits(e, window);
    if (ds.length > windows) return modPow(base, e, p);
    let r = 1n;
    let started = false;
    for (let i = 0; i < ds.length; i++) {
      const d = ds[ds.length - 1 - i] as number;
      if (d === 0) continue;
      const t = (tables[i] as bigint[])[d] as bigint;
      r = started ? (r * t) % p : t;
      started = true;
    }
    return r;
  };
}

/**
 * Simultaneous multi-exponentiation `∏ bases[i]^exponents[i] mod p` (Straus, 4-bit windows):
 * one chain of squarings shared by all bases.
 * @param bases - the bases
 * @param exponents - non-negative exponents, same length as `bases`
 * @param p - the modulus
 * @returns the product of powers
 */
export function modMultiPow(bases: readonly bigint[], exponents: readonly bigint[], p: bigint): bigint {
  const n = bases.length;
  if (n !== exponents.length) throw new RangeError('bases and exponents differ in length');
  let maxLen = 0;
  const digitLists: number[][] = [];
  const tables: bigint[][] = [];
  for (let k = 0; k < n; k++) {
    const e = exponents[k] as bigint;
    if (e === 0n) continue;
    const ds = digits(e, 4);
    digitLists.push(ds);
    tables.push(powerTable(bases[k] as bigint, 4, p));
    if (ds.length > maxLen) maxLen = ds.length;
  }
  let r = 1n;
  let started = false;
  for (let i = 0; i < maxLen; i++) {
    if (started) {
      r = (r * r) % p;
      r = (r * r) % p;
      r = (r * r) % p;
      r = (r * r) % p;
    }
    for (let k = 0; k < digitLists.length; k++) {
      const ds = digitLists[k] as number[];
      const offset = maxLen - ds.length;
      if (i < offset) continue;
      const d = ds[i - offset] as number;
      if (d === 0) continue;
      const t = (tables[k] as bigint[])[d] as bigint;
      r = started ? (r * t) % p : t;
      started = true;
    }
  }
  return r;
}

/**
 * Modular inverse by the extended Euclidean algorithm.
 * @param a - a value coprime with `p`
 * @param p - the modulus
 * @returns `a⁻¹ mod p`
 */
export function modInverse(a: bigint, p: bigint): bigint {
  let [oldR, r] = [((a % p) + p) % p, p];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  if (oldR !== 1n) throw new RangeError('value is not invertible');
  return ((oldS % p) + p) % p;
}

/**
 * The power chain of a base for Yao's method: `base^(16^i)` for `i < windows`, that is one run of
 * `4·(windows − 1)` squarings. Each exponentiation from the chain ({@link chainPow}) then costs at
 * most `windows + 30` multiplications and no squaring, so a base raised to two or more exponents
 * (a ciphertext component: its membership test and the challenges of its proofs) shares the
 * squarings.
 * @param base - the base, in `[0, p)`
 * @param windows - number of 4-bit windows: exponents must be below `16^windows`
 * @param p - the modulus
 * @returns the chain
 */
export function powerChain(base: bigint, windows: number, p: bigint): bigint[] {
  const chain: bigint[] = [base % p];
  extendPowerChain(chain, windows, p);
  return chain;
}

/**
 * Lengthens a {@link powerChain} in place to `windows` entries (no-op when it is long enough), so
 * that a chain is only as long as the largest exponent it has served: in RFC-3526-2048 the group
 * order has 2047 bits but proof challenges have 256.
 * @param chain - a power chain (at least its first entry, the base)
 * @param windows - the length wanted
 * @param p - the modulus
 */
export function extendPowerChain(chain: bigint[], windows: number, p: bigint): void {
  let x = chain[chain.length - 1] as bigint;
  for (let i = chain.length; i < windows; i++) {
    x = (x * x) % p;
    x = (x * x) % p;
    x = (x * x) % p;
    x = (x * x) % p;
    chain.push(x);
  }
}

/**
 * `base^e` from the base's {@link powerChain} (Yao): the chain entries are gathered into one
 * bucket per hexadecimal digit of `e`, then `∏ bucket_d^d` is formed with two running products.
 * @param chain - the base's power chain
 * @param e - a non-negative exponent below `16^chain.length`
 * @param p - the modulus
 * @returns the power
 */
export function chainPow(chain: readonly bigint[], e: bigint, p: bigint): bigint {
  if (e === 0n) return 1n;
  const hex = e.toString(16);
  const n = hex.length;
  if (n > chain.length) throw new RangeError('exponent too large for the power chain');
  const buckets: (bigint | undefined)[] = new Array(16);
  for (let k = 0; k < n; k++) {
    const d = hexDigit(hex.charCodeAt(n - 1 - k));
    if (d === 0) continue;
    const b = buckets[d];
    buckets[d] = b === undefined ? (chain[k] as bigint) : (b * (chain[k] as bigint)) % p;
  }
  let run: bigint | undefined;
  let acc: bigint | undefined;
  for (let d = 15; d >= 1; d--) {
    const b = buckets[d];
    if (b !== undefined) run = run === undefined ? b : (run * b) % p;
    if (run !== undefined) acc = acc === undefined ? run : (acc * run) % p;
  }
  return acc as bigint;
}

function hexDigit(code: number): number {
  // '0'–'9' are 48–57, 'a'–'f' are 97–102.
  return code <= 57 ? code - 48 : code - 87;
}
