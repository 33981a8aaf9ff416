/**
 * The Fiat–Shamir proof structure shared by every zero-knowledge proof of Belenios 2.0
 * (specification §4.3 `proof`).
 *
 * @module
 */

/** A `{challenge, response}` pair, both in `Z_q`. */
export interface Proof {
  /** The challenge. */
  readonly challenge: bigint;
  /** The response `w − x × challenge mod q`. */
  readonly response: bigint;
}

/**
 * `a mod q` in `[0, q)`.
 * @param a - any integer
 * @param q - the modulus
 * @returns the reduced value
 */
export function modQ(a: bigint, q: bigint): bigint {
  const r = a % q;
  return r < 0n ? r + q : r;
}

/**
 * Whether both numbers of a proof lie in `[0, q)` (checked before any verification).
 * @param proof - the proof
 * @param q - the group order
 * @returns true when in range
 */
export function isProofInRange(proof: Proof, q: bigint): boolean {
  return proof.challenge >= 0n && proof.challenge < q && proof.response >= 0n && proof.response < q;
}
