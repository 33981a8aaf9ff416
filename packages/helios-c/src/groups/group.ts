/**
 * The prime-order group abstraction every Helios-C primitive is written against
 * (Belenios 2.0 specification §1 "Group parameters", §5).
 *
 * Finite-field groups (BELENIOS-2048, RFC-3526-2048) and the Ed25519 group implement the same
 * interface, so ElGamal, proofs, ballots, tallies and shuffles are generic in the element type.
 *
 * @module
 */

/**
 * A cyclic group of prime order {@link Group.q} with generator {@link Group.g}, written
 * multiplicatively as in the specification.
 *
 * Exponents given to {@link Group.pow} and friends may be any bigint: they are reduced modulo `q`.
 * Elements are assumed to be members of the group: call {@link Group.isMember} on anything
 * untrusted before using it (parsers in this package do so).
 *
 * @typeParam E - the element representation (bigint for finite fields, a point for Ed25519)
 */
export interface Group<E> {
  /** Name of the group as written in the `group` field of an election (e.g. `BELENIOS-2048`). */
  readonly name: string;
  /** The prime order of the group. */
  readonly q: bigint;
  /** The generator. */
  readonly g: E;
  /** The neutral element. */
  readonly one: E;
  /** Group operation. */
  mul(a: E, b: E): E;
  /** `a × b⁻¹`. */
  div(a: E, b: E): E;
  /** Inverse of `a`. */
  invert(a: E): E;
  /** `a^e` (variable time; do not use with secret exponents where timing matters). */
  pow(a: E, e: bigint): E;
  /** `g^e`, using precomputed tables for the generator. */
  powG(e: bigint): E;
  /**
   * A function computing `base^e` with precomputed tables for `base` (worth it when the same base
   * is raised to many exponents, such as the election public key).
   */
  fixedBase(base: E): (e: bigint) => E;
  /** Simultaneous multi-exponentiation `∏ bases[i]^exponents[i]`. */
  multiPow(bases: readonly E[], exponents: readonly bigint[]): E;
  /** Equality of elements. */
  equals(a: E, b: E): boolean;
  /** Whether `a` is a member of the group (the `check` of the specification). */
  isMember(a: E): boolean;
  /** Canonical serialization, as used in JSON and in hashed strings (base 10 or 64 hex digits). */
  toString(a: E): string;
  /** Parses the canonical serialization; `undefined` if malformed. Does not check membership. */
  parse(text: string): E | undefined;
  /**
   * `SHA256(prefix ‖ s(x₁),…,s(xₙ)) mod q` where `s` is {@link Group.toString}: the hash every
   * Fiat–Shamir challenge of the specification uses.
   */
  hash(prefix: string, elements: readonly E[]): bigint;
  /** A uniformly random exponent in `[0, q)` from the platform CSPRNG. */
  randomScalar(): bigint;
}

/** A group whose element type is not statically known (an election read from JSON). */
// biome-ignore lint/suspicious/noExplicitAny: elements are opaque to code holding an unknown group
export type AnyGroup = Group<any>;

/**
 * A membership predicate for `group`.
 * @deprecated call `group.isMember`: the finite-field groups already test safe-prime membership
 *   with the Jacobi symbol.
 * @param group - the group
 * @returns `group.isMember`, bound
 */
export function membershipTest<E>(group: Group<E>): (x: E) => boolean {
  return (x) => group.isMember(x);
}
