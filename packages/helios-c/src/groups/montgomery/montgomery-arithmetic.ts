/**
 * Exponentiation modulo a prime of up to 2048 bits on WebAssembly Montgomery multiplication
 * (`montgomery.wat`): the same algorithms as `modular-exponentiation.ts` (Yao power chains,
 * fixed-base tables) with each modular product computed by the WebAssembly module instead of
 * `(a·b) % p` on native bigint, whose remainder dominates the cost in V8.
 *
 * Elements stay in Montgomery form (`x·R mod p`, `R = 2^(28·74)`, below `2p`) as 74 limbs of 28 bits
 * in `Uint32Array`s; they are converted from and to bigint only at the ends of an exponentiation.
 * Used when the platform has WebAssembly with 128-bit SIMD (browsers since 2021–2023, Node);
 * otherwise {@link MontgomeryArithmetic.for} answers `undefined` and callers keep the bigint path.
 *
 * The multiplication's running time depends only on the size of the modulus; the exponentiation
 * algorithms skip zero digits, so they are variable time in the exponent (as the bigint path).
 *
 * @module
 */
import { montgomeryWasmBase64 } from './montgomery-wasm';

const limbBits = 28;
const limbMask = (1 << limbBits) - 1;
/** Limbs of every number: R = 2^2072 > 4p for any p below 2^2070. */
const limbs = 74;
/** Words per slot in the module's memory: the limbs and the zero words its vector loops read. */
const stride = limbs + 6;
const hexPerLimb = limbBits / 4;

interface MontgomeryExports {
  readonly memory: WebAssembly.Memory;
  configure(n: number, n0: number, pReversed: number, bReversed: number, m: number): void;
  mul(r: number, a: number, b: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

function montgomeryModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    compiled = null;
    try {
      if (typeof WebAssembly === 'object' && typeof atob === 'function') {
        const bytes = Uint8Array.from(atob(montgomeryWasmBase64), (c) => c.charCodeAt(0));
        // validate() is false where 128-bit SIMD is missing.
        if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
      }
    } catch {
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/** The power chain of a base ({@link MontgomeryArithmetic.powerChain}): `base^(16^i)·R`. */
export interface MontgomeryChain {
  entries: Uint32Array;
  length: number;
}

/** `−p⁻¹ mod 2^28`, by Newton's iteration on the low limb. */
function negatedInverse(p: bigint): number {
  const p0 = Number(p & BigInt(limbMask));
  let inverse = 1;
  for (let i = 0; i < 5; i++)
    inverse = Number((BigInt(inverse) * (2n - BigInt(p0) * BigInt(inverse))) & BigInt(limbMask));
  return (limbMask + 1 - inverse) & limbMask;
}

/**
 * Modular exponentiation on WebAssembly Montgomery multiplication for one odd modulus.
 *
 * @example
 * const arithmetic = MontgomeryArithmetic.for(p);
 * const chain = arithmetic?.powerChain(x);
 */
export class MontgomeryArithmetic {
  readonly p: bigint;
  private readonly exports: MontgomeryExports;
  private readonly words: Uint32Array;
  private readonly slots: number[] = [];
  private readonly rSquared: number;
  private readonly plainOne: number;
  private readonly montgomeryOne: number;
  private readonly scratch: number;
  private readonly accumulator: number;
  private readonly run: number;
  private readonly buckets: number[];

  /**
   * The arithmetic for modulus `p`.
   * @param p - an odd modulus of at most 2048 bits
   * @returns the arithmetic, or `undefined` when WebAssembly with SIMD is unavailable or `p` does not fit
   */
  static for(p: bigint): MontgomeryArithmetic | undefined {
    if (p < 3n || (p & 1n) === 0n || p.toString(2).length > 2048) return undefined;
    const module = montgomeryModule();
    return module ? new MontgomeryArithmetic(p, module) : undefined;
  }

  private constructor(p: bigint, module: WebAssembly.Module) {
    this.p = p;
    this.exports = new WebAssembly.Instance(module).exports as unknown as MontgomeryExports;
    this.words = new Uint32Array(this.exports.memory.buffer);
    const slot = (): number => {
      const offset = (this.slots.length + 1) * stride * 4;
      this.slots.push(offset);
      return offset;
    };
    const pReversed = slot();
    this.writePlain(pReversed, p);
    this.words.subarray(pReversed >> 2, (pReversed >> 2) + limbs).reverse();
    this.exports.configure(limbs, negatedInverse(p), pReversed, slot(), slot());
    const r = 1n << BigInt(limbBits * limbs);
    this.rSquared = slot();
    this.writePlain(this.rSquared, (r * r) % p);
    this.plainOne = slot();
    this.writePlain(this.plainOne, 1n);
    this.montgomeryOne = slot();
    this.writePlain(this.montgomeryOne, r % p);
    this.scratch = slot();
    this.accumulator = slot();
    this.run = slot();
    this.buckets = Array.from({ length: 16 }, slot);
    if (this.slots.length * stride * 4 + stride * 4 > this.words.byteLength)
      throw new RangeError('memory too small');
  }

  private writePlain(offset: number, x: bigint): void {
    const hex = x.toString(16);
    const base = offset >> 2;
    for (let i = 0; i < limbs; i++) {
      const end = hex.length - hexPerLimb * i;
      this.words[base + i] = end > 0 ? Number.parseInt(hex.slice(Math.max(0, end - hexPerLimb), end), 16) : 0;
    }
  }

  private readPlain(offset: number): bigint {
    const base = offset >> 2;
    let hex = '0x';
    for (let i = limbs - 1; i >= 0; i--)
      hex += (this.words[base + i] as number).toString(16).padStart(hexPerLimb, '0');
    return BigInt(hex);
  }

  /** Writes `x·R mod p` (from `x` in `[0, p)` or any bigint) into a slot. */
  private enter(offset: number, x: bigint): void {
    this.writePlain(offset, x >= 0n && x < this.p ? x : ((x % this.p) + this.p) % this.p);
    this.exports.mul(offset, offset, this.rSquared);
  }

  /** The bigint in `[0, p)` whose Montgomery form is in a slot. */
  private leave(offset: number): bigint {
    this.exports.mul(this.scratch, offset, this.plainOne);
    const x = this.readPlain(this.scratch);
    return x >= this.p ? x - this.p : x;
  }

  private load(offset: number, store: Uint32Array, entry: number): void {
    this.words.set(store.subarray(entry * limbs, (entry + 1) * limbs), offset >> 2);
  }

  private save(store: Uint32Array, entry: number, offset: number): void {
    store.set(this.words.subarray(offset >> 2, (offset >> 2) + limbs), entry * limbs);
  }

  /**
   * A power chain of `base` with its first entry only; see {@link extendPowerChain}.
   * @param base - the base
   * @returns the chain
   */
  powerChain(base: bigint): MontgomeryChain {
    const chain: MontgomeryChain = { entries: new Uint32Array(16 * limbs), length: 1 };
    this.enter(this.accumulator, base);
    this.save(chain.entries, 0, this.accumulator);
    return chain;
  }

  /**
   * Lengthens a chain in place to `windows` entries `base^(16^i)` (4 squarings each).
   * @param chain - the chain
   * @param windows - the length wanted
   */
  extendPowerChain(chain: MontgomeryChain, windows: number): void {
    if (chain.length >= windows) return;
    if (chain.entries.length < windows * limbs) {
      const grown = new Uint32Array(windows * limbs);
      grown.set(chain.entries.subarray(0, chain.length * limbs));
      chain.entries = grown;
    }
    const x = this.accumulator;
    const mul = this.exports.mul;
    this.load(x, chain.entries, chain.length - 1);
    for (let i = chain.length; i < windows; i++) {
      mul(x, x, x);
      mul(x, x, x);
      mul(x, x, x);
      mul(x, x, x);
      this.save(chain.entries, i, x);
    }
    chain.length = windows;
  }

  /**
   * `base^e mod p` from the base's chain (Yao's method, as `chainPow` of the bigint path).
   * @param chain - the chain of the base
   * @param e - a non-negative exponent below `16^chain.length`
   * @returns the power
   */
  chainPow(chain: MontgomeryChain, e: bigint): bigint {
    if (e === 0n) return 1n;
    const hex = e.toString(16);
    const n = hex.length;
    if (n > chain.length) throw new RangeError('exponent too large for the power chain');
    const mul = this.exports.mul;
    const filled: boolean[] = new Array(16).fill(false);
    for (let k = 0; k < n; k++) {
      const code = hex.charCodeAt(n - 1 - k);
      const d = code <= 57 ? code - 48 : code - 87;
      if (d === 0) continue;
      const bucket = this.buckets[d] as number;
      if (filled[d]) {
        this.load(this.scratch, chain.entries, k);
        mul(bucket, bucket, this.scratch);
      } else {
        this.load(bucket, chain.entries, k);
        filled[d] = true;
      }
    }
    // ∏ bucket_d^d with two running products.
    let runStarted = false;
    let accStarted = false;
    for (let d = 15; d >= 1; d--) {
      if (filled[d]) {
        const bucket = this.buckets[d] as number;
        if (runStarted) mul(this.run, this.run, bucket);
        else this.words.copyWithin(this.run >> 2, bucket >> 2, (bucket >> 2) + limbs);
        runStarted = true;
      }
      if (runStarted) {
        if (accStarted) mul(this.accumulator, this.accumulator, this.run);
        else this.words.copyWithin(this.accumulator >> 2, this.run >> 2, (this.run >> 2) + limbs);
        accStarted = true;
      }
    }
    return this.leave(this.accumulator);
  }

  /**
   * Fixed-base exponentiation (`base^(d·2^(w·i))` for every window `i` and digit `d`), with the
   * window sizes of the bigint path: 8 bits for exponents up to 512 bits (about `maxBits / 8`
   * products per exponentiation), 6 bits above (smaller tables for 2047-bit exponents).
   * @param base - the fixed base
   * @param maxBits - bit length of the largest exponent
   * @returns the exponentiation function; larger exponents go through a power chain
   */
  fixedBase(base: bigint, maxBits: number): (e: bigint) => bigint {
    const window = maxBits <= 512 ? 8 : 6;
    const size = 1 << window;
    const windows = Math.ceil(maxBits / window);
    const table = new Uint32Array(windows * size * limbs);
    const mul = this.exports.mul;
    const current = this.run;
    this.enter(current, base);
    for (let i = 0; i < windows; i++) {
      const row = i * size;
      this.save(table, row, this.montgomeryOne);
      this.save(table, row + 1, current);
      this.words.copyWithin(this.accumulator >> 2, current >> 2, (current >> 2) + limbs);
      for (let d = 2; d < size; d++) {
        mul(this.accumulator, this.accumulator, current);
        this.save(table, row + d, this.accumulator);
      }
      // base^(2^(w(i+1))) = base^((2^w − 1)·2^(wi)) · base^(2^(wi)).
      mul(current, this.accumulator, current);
    }
    let fallback: MontgomeryChain | undefined;
    return (e: bigint): bigint => {
      if (e === 0n) return 1n;
      const bits = e.toString(2);
      const digits = Math.ceil(bits.length / window);
      if (digits > windows) {
        fallback ??= this.powerChain(base);
        this.extendPowerChain(fallback, Math.ceil(bits.length / 4));
        return this.chainPow(fallback, e);
      }
      let started = false;
      for (let i = 0; i < digits; i++) {
        const end = bits.length - window * i;
        const d = Number.parseInt(bits.slice(Math.max(0, end - window), end), 2);
        if (d === 0) continue;
        if (started) {
          this.load(this.scratch, table, i * size + d);
          mul(this.accumulator, this.accumulator, this.scratch);
        } else {
          this.load(this.accumulator, table, i * size + d);
          started = true;
        }
      }
      return this.leave(this.accumulator);
    };
  }
}
