/**
 * The integer-vector embedding of non-homomorphic answers (Belenios 2.0 specification §4.11.2
 * and §5.2; for Ed25519, the later Belenios specifications):
 *
 * `group_encode_{κ,p}([v₁,…,vₙ]) = (((v₁·2^κ + v₂)·2^κ + ⋯)·2^κ + vₙ)·2^p + ε`
 *
 * where `κ` is `bits_per_int`, `p` is `padding` and `ε < 2^p` is the smallest offset making the
 * integer an element of the group. This module holds the arithmetic on integers;
 * `groupEmbedding` maps the integers to group elements.
 *
 * @module
 */
import { EmbeddingError } from '../errors/embedding-error';

/** The `embedding` structure of a group (§4.10): how many bits each integer and the padding take. */
export interface Embedding {
  /** `p`: low bits left free to find a group element. */
  readonly padding: number;
  /** `κ`: bits per integer of the vector. */
  readonly bitsPerInt: number;
}

/** Embedding of RFC-3526-2048 (§5.2): `padding = 8`, `bits_per_int = 8`. */
export const rfc3526Embedding: Embedding = Object.freeze({ padding: 8, bitsPerInt: 8 });

/** Embedding of Ed25519 in the later Belenios specifications: `padding = 14`, `bits_per_int = 8`. */
export const ed25519Embedding: Embedding = Object.freeze({ padding: 14, bitsPerInt: 8 });

/**
 * How many integers a group whose encodable integers have `bitLength` bits can hold:
 * `⌊(bitLength − p) / κ⌋`, as in Belenios.
 * @param bitLength - bit length of the modulus (2048 for RFC-3526-2048, 255 for Ed25519)
 * @param embedding - the embedding parameters
 * @returns the maximum vector length
 */
export function maxIntegers(bitLength: number, embedding: Embedding): number {
  return Math.floor((bitLength - embedding.padding) / embedding.bitsPerInt);
}

/**
 * Packs a vector of small integers into `(((v₁·2^κ + v₂)·2^κ + ⋯)·2^κ + vₙ)·2^p` (the value of
 * `group_encode` before the offset `ε` is added).
 * @param values - the integers, each in `[0, 2^κ)`
 * @param embedding - the embedding parameters
 * @param capacity - the maximum vector length (see {@link maxIntegers})
 * @returns the packed integer
 * @throws {@link EmbeddingError} if an integer is out of range or the vector is too long
 * @example
 * packIntegers([1, 2], rfc3526Embedding, 255); // 0x010200n
 */
export function packIntegers(values: readonly number[], embedding: Embedding, capacity: number): bigint {
  if (values.length > capacity) {
    throw new EmbeddingError(`${values.length} integers do not fit in one element (at most ${capacity})`);
  }
  const limit = 2 ** embedding.bitsPerInt;
  const shift = BigInt(embedding.bitsPerInt);
  let accumulator = 0n;
  values.forEach((value, index) => {
    if (!Number.isSafeInteger(value) || value < 0 || value >= limit) {
      throw new EmbeddingError(`${value} is not an integer in [0, ${limit})`, `[${index}]`);
    }
    accumulator = (accumulator << shift) + BigInt(value);
  });
  return accumulator << BigInt(embedding.padding);
}

/**
 * Inverse of {@link packIntegers} (`group_decode`): drops the padding bits and reads the last
 * `count` integers of `κ` bits each. Like Belenios, bits above the `count` integers are ignored, so
 * any group element decodes; {@link isCanonicalPacking} tells whether it came from
 * {@link packIntegers}.
 * @param packed - the integer read from the group element
 * @param count - the number of integers (the number of answers of the question)
 * @param embedding - the embedding parameters
 * @returns the integers, most significant first
 */
export function unpackIntegers(packed: bigint, count: number, embedding: Embedding): number[] {
  const mask = (1n << BigInt(embedding.bitsPerInt)) - 1n;
  const shift = BigInt(embedding.bitsPerInt);
  let rest = packed >> BigInt(embedding.padding);
  const values = new Array<number>(count);
  for (let i = count - 1; i >= 0; i--) {
    values[i] = Number(rest & mask);
    rest >>= shift;
  }
  return values;
}

/**
 * Whether `packed` has no bits above its `count` integers, i.e. whether it is the image of a
 * vector of `count` integers under {@link packIntegers} plus an offset below `2^p`.
 * @param packed - the integer read from the group element
 * @param count - the number of integers expected
 * @param embedding - the embedding parameters
 * @returns `true` when no bit is set above the expected integers
 */
export function isCanonicalPacking(packed: bigint, count: number, embedding: Embedding): boolean {
  return packed >> BigInt(embedding.padding + count * embedding.bitsPerInt) === 0n;
}
