/**
 * Exponential ElGamal over any {@link Group} (Belenios 2.0 specification §4.3 `ciphertext`,
 * §4.11.1 encryption, §4.16 homomorphic combination).
 *
 * @module
 */
import type { Group } from '../groups/group';

/** An ElGamal ciphertext `(alpha, beta) = (g^r, y^r · m)`. */
export interface Ciphertext<E> {
  /** `g^r`. */
  readonly alpha: E;
  /** `y^r` times the encoded message. */
  readonly beta: E;
}

/**
 * Encrypts the small integer `m` "in the exponent": `(g^r, y^r g^m)` (§4.11.1).
 * @param group - the group
 * @param publicKey - the election public key `y`
 * @param m - the plaintext exponent (0 or 1 for a choice)
 * @param r - the randomness, in `[0, q)`; keep it to build proofs
 * @returns the ciphertext
 * @example
 * const r = group.randomScalar();
 * const c = encryptExponent(group, y, 1n, r);
 */
export function encryptExponent<E>(group: Group<E>, publicKey: E, m: bigint, r: bigint): Ciphertext<E> {
  return { alpha: group.powG(r), beta: group.mul(group.pow(publicKey, r), group.powG(m)) };
}

/**
 * Encrypts a group element: `(g^r, y^r · element)` (§4.11.2).
 * @param group - the group
 * @param publicKey - the public key `y`
 * @param element - the plaintext element
 * @param r - the randomness
 * @returns the ciphertext
 */
export function encryptElement<E>(group: Group<E>, publicKey: E, element: E, r: bigint): Ciphertext<E> {
  return { alpha: group.powG(r), beta: group.mul(group.pow(publicKey, r), element) };
}

/**
 * Re-randomises a ciphertext: `(alpha · g^r, beta · y^r)`, same plaintext.
 * @param group - the group
 * @param publicKey - the public key `y`
 * @param c - the ciphertext
 * @param r - fresh randomness
 * @returns the re-encrypted ciphertext
 */
export function reencrypt<E>(group: Group<E>, publicKey: E, c: Ciphertext<E>, r: bigint): Ciphertext<E> {
  return { alpha: group.mul(c.alpha, group.powG(r)), beta: group.mul(c.beta, group.pow(publicKey, r)) };
}

/**
 * The neutral ciphertext `(1, 1)`.
 * @param group - the group
 * @returns the encryption of `g^0` with randomness 0
 */
export function neutralCiphertext<E>(group: Group<E>): Ciphertext<E> {
  return { alpha: group.one, beta: group.one };
}

/**
 * Homomorphic combination: pointwise product of two ciphertexts.
 * @param group - the group
 * @param a - first ciphertext
 * @param b - second ciphertext
 * @returns `(a.alpha · b.alpha, a.beta · b.beta)`
 */
export function combineCiphertexts<E>(group: Group<E>, a: Ciphertext<E>, b: Ciphertext<E>): Ciphertext<E> {
  return { alpha: group.mul(a.alpha, b.alpha), beta: group.mul(a.beta, b.beta) };
}

/**
 * Raises a ciphertext to a power (a weighted ballot, §4.16).
 * @param group - the group
 * @param c - the ciphertext
 * @param e - the exponent
 * @returns `(alpha^e, beta^e)`
 */
export function powCiphertext<E>(group: Group<E>, c: Ciphertext<E>, e: bigint): Ciphertext<E> {
  return { alpha: group.pow(c.alpha, e), beta: group.pow(c.beta, e) };
}

/**
 * Decrypts with the full secret key: `beta / alpha^x`.
 * @param group - the group
 * @param secretKey - the secret key `x`
 * @param c - the ciphertext
 * @returns the plaintext element (`g^m` for exponent encryption)
 */
export function decryptToElement<E>(group: Group<E>, secretKey: bigint, c: Ciphertext<E>): E {
  return group.div(c.beta, group.pow(c.alpha, secretKey));
}

/**
 * `"alpha,beta"` with elements serialized by the group, as in hashed strings (§4.11.1).
 * @param group - the group
 * @param c - the ciphertext
 * @returns the serialization
 */
export function ciphertextToHashString<E>(group: Group<E>, c: Ciphertext<E>): string {
  return `${group.toString(c.alpha)},${group.toString(c.beta)}`;
}
