/**
 * Exponentiation algorithms modulo a prime, over native bigint: fixed-window exponentiation,
 * fixed-base tables (Brickell–Gordon–McCurley–Wilson windowing) and simultaneous
 * multi-exponentiation (Straus / Shamir's trick). Variable time: public data only.
 *
 * @module
 */

const reducers = new Map<bigint, (x: bigint) => bigint>();

/**
 * Barrett reduction modulo `p` for products of two reduced values (`0 ≤ x < p²`): two
 * multiplications and shifts instead of a long division, about a third faster on 2048-bit moduli
 * with native bigint.
 * @param p - the modulus
 * @returns `x ↦ x mod p`
 */
export function barrettReducer(p: bigint): (x: bigint) => bigint {
  let reduce = reducers.get(p);
  if (reduce) return reduce;
  const k = BigInt(p.toString(2).length);
  const mu = (1n << (2n * k)) / p;
  const low = k - 1n;
  const high = k + 1n;
  reduce = (x: bigint): bigint => {
    if (x < p) return x;
    let r = x - (((x >> low) * mu) >> high) * p;
    while (r >= p) r -= p;
    return r;
  };
  reducers.set(p, reduce);
  return reduce;
}

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
  const red = barrettReducer(p);
  const table = powerTable(base, 4, p);
  let r = 1n;
  let started = false;
  for (const d of digits(e, 4)) {
    if (started) {
      r = red(r * r);
      r = red(r * r);
      r = red(r * r);
      r = red(r * r);
    }
    if (d !== 0) {
      r = started ? red(r * (table[d] as bigint)) : (table[d] as bigint);
      started = true;
    }
  }
  return r;
}

function powerTable(base: bigint, window: number, p: bigint): bigint[] {
  const size = 1 << window;
  const red = barrettReducer(p);
  const table: bigint[] = new Array(size);
  table[0] = 1n;
  table[1] = base % p;
  for (let i = 2; i < size; i++) table[i] = red((table[i - 1] as bigint) * (table[1] as bigint));
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
    current = barrettReducer(p)((table[size - 1] as bigint) * current);
  }
  const red = barrettReducer(p);
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
      r = started ? red(r * t) : t;
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
  const red = barrettReducer(p);
  let r = 1n;
  let started = false;
  for (let i = 0; i < maxLen; i++) {
    if (started) {
      r = red(r * r);
      r = red(r * r);
      r = red(r * r);
      r = red(r * r);
    }
    for (let k = 0; k < digitLists.length; k++) {
      const ds = digitLists[k] as number[];
      const offset = maxLen - ds.length;
      if (i < offset) continue;
      const d = ds[i - offset] as number;
      if (d === 0) continue;
      const t = (tables[k] as bigint[])[d] as bigint;
      r = started ? red(r * t) : t;
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
 * Tables for raising one base to many exponents below `2^(parts·partBits)`: the base is split as
 * `b_j = base^(2^(j·partBits))`, and each `b_j` gets the 16 powers of a 4-bit window. Preparing
 * costs about `(parts − 1)·partBits` squarings; each exponentiation then costs `partBits`
 * squarings instead of `parts·partBits` (Straus over the parts). Worth it from the second
 * exponentiation of the same base (a ciphertext's `alpha` is raised three times in a proof).
 * @param base - the base
 * @param parts - how many parts the exponent is split into
 * @param partBits - bits per part
 * @param p - the modulus
 * @returns one 16-entry table per part
 */
export function splitPowerTables(base: bigint, parts: number, partBits: number, p: bigint): bigint[][] {
  const red = barrettReducer(p);
  const tables: bigint[][] = [];
  let current = base % p;
  for (let j = 0; j < parts; j++) {
    tables.push(powerTable(current, 4, p));
    if (j < parts - 1) for (let i = 0; i < partBits; i++) current = red(current * current);
  }
  return tables;
}

/**
 * `base^e` from {@link splitPowerTables}.
 * @param tables - the prepared tables
 * @param e - an exponent below `2^(parts·partBits)`
 * @param partBits - bits per part (a multiple of 4)
 * @param p - the modulus
 * @returns the power
 */
export function splitPow(
  tables: readonly (readonly bigint[])[],
  e: bigint,
  partBits: number,
  p: bigint,
): bigint {
  if (e === 0n) return 1n;
  const red = barrettReducer(p);
  const mask = (1n << BigInt(partBits)) - 1n;
  const windows = partBits / 4;
  const partDigits: number[][] = [];
  let rest = e;
  for (let j = 0; j < tables.length; j++) {
    const hex = (rest & mask).toString(16).padStart(windows, '0');
    partDigits.push(Array.from(hex, (c) => Number.parseInt(c, 16)));
    rest >>= BigInt(partBits);
  }
  if (rest !== 0n) throw new RangeError('exponent too large for the prepared tables');
  let r = 1n;
  let started = false;
  for (let w = 0; w < windows; w++) {
    if (started) {
      r = red(r * r);
      r = red(r * r);
      r = red(r * r);
      r = red(r * r);
    }
    for (let j = 0; j < tables.length; j++) {
      const d = (partDigits[j] as number[])[w] as number;
      if (d === 0) continue;
      const t = (tables[j] as bigint[])[d] as bigint;
      r = started ? red(r * t) : t;
      started = true;
    }
  }
  return r;
}
