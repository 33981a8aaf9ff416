/**
 * The prime-order subgroup of Ed25519 (edwards25519, RFC 8032 §5.1), as used by later Belenios
 * specifications for new elections: a point is serialized as its compressed form read as a
 * 256-bit integer — `y`, with the parity of `x` in bit 255 — written in big-endian hexadecimal on
 * 64 lowercase characters, as Belenios writes it (this is RFC 8032's 32-byte encoding with the
 * bytes in reverse order); the generator is the point with `y = 4/5`; the order is
 * `q = 2^252 + 27742317777372353535851937790883648493`.
 *
 * Belenios 2.0 does not define this group; it is offered for new elections (it is much faster,
 * especially in browsers) and is not interoperable with belenios-tool 2.0.
 *
 * @module
 */
import { pippenger } from '@noble/curves/abstract/curve.js';
import type { EdwardsPoint } from '@noble/curves/abstract/edwards.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256BigInt } from '../encoding/sha256';
import type { Group } from './group';
import { randomBelow } from './random-scalar';

const Point = ed25519.Point;
/** A point of edwards25519 (noble's Edwards point). */
export type Ed25519Point = EdwardsPoint;

const hex64 = /^[0-9a-f]{64}$/;

/** Reverses the byte order of a hexadecimal string (RFC 8032's little-endian bytes ↔ Belenios' integer). */
function reverseBytes(hex: string): string {
  let out = '';
  for (let i = hex.length - 2; i >= 0; i -= 2) out += hex.slice(i, i + 2);
  return out;
}

/**
 * The Ed25519 group, written multiplicatively like the finite-field groups (`mul` is point
 * addition, `pow` is scalar multiplication).
 *
 * @example
 * const group = new Ed25519Group();
 * group.toString(group.g); // '6666666666666666666666666666666666666666666666666666666666666658'
 */
export class Ed25519Group implements Group<Ed25519Point> {
  readonly name = 'Ed25519';
  readonly q: bigint = Point.Fn.ORDER;
  readonly g: Ed25519Point = Point.BASE;
  readonly one: Ed25519Point = Point.ZERO;

  private reduce(e: bigint): bigint {
    return e >= 0n && e < this.q ? e : ((e % this.q) + this.q) % this.q;
  }

  mul(a: Ed25519Point, b: Ed25519Point): Ed25519Point {
    return a.add(b);
  }

  div(a: Ed25519Point, b: Ed25519Point): Ed25519Point {
    return a.subtract(b);
  }

  invert(a: Ed25519Point): Ed25519Point {
    return a.negate();
  }

  pow(a: Ed25519Point, e: bigint): Ed25519Point {
    return a.multiplyUnsafe(this.reduce(e));
  }

  powG(e: bigint): Ed25519Point {
    const r = this.reduce(e);
    // The base point carries noble's precomputed tables; multiply is constant-time.
    return r === 0n ? Point.ZERO : Point.BASE.multiply(r);
  }

  fixedBase(base: Ed25519Point): (e: bigint) => Ed25519Point {
    const prepared = Point.fromAffine(base.toAffine()).precompute(8, false);
    return (e) => prepared.multiplyUnsafe(this.reduce(e));
  }

  multiPow(bases: readonly Ed25519Point[], exponents: readonly bigint[]): Ed25519Point {
    if (bases.length !== exponents.length) throw new RangeError('bases and exponents differ in length');
    return pippenger(
      Point,
      [...bases],
      exponents.map((e) => this.reduce(e)),
    );
  }

  equals(a: Ed25519Point, b: Ed25519Point): boolean {
    return a.equals(b);
  }

  isMember(a: Ed25519Point): boolean {
    try {
      a.assertValidity();
      return a.isTorsionFree();
    } catch {
      return false;
    }
  }

  toString(a: Ed25519Point): string {
    return reverseBytes(a.toHex());
  }

  parse(text: string): Ed25519Point | undefined {
    if (!hex64.test(text)) return undefined;
    try {
      const encoded = reverseBytes(text);
      const point = Point.fromHex(encoded, false);
      // Reject non-canonical encodings so that every element has exactly one string.
      return point.toHex() === encoded ? point : undefined;
    } catch {
      return undefined;
    }
  }

  hash(prefix: string, elements: readonly Ed25519Point[]): bigint {
    return sha256BigInt(prefix + elements.map((x) => this.toString(x)).join(',')) % this.q;
  }

  randomScalar(): bigint {
    return randomBelow(this.q);
  }
}
