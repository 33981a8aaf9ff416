/**
 * `group_encode` and `group_decode` (Belenios 2.0 specification §4.11.2, §5.2; for Ed25519 the
 * Koblitz-style encoding of the later Belenios specifications): vectors of small integers to group
 * elements and back.
 *
 * - Finite-field groups: the packed integer plus the smallest `ε` that makes it a member of the
 *   order-`q` subgroup. Only RFC-3526-2048 defines an embedding in Belenios 2.0.
 * - Ed25519: the packed integer (plus `ε`) read as a compressed point (`y`, sign bit 255 clear);
 *   the first one that decompresses to a point of the prime-order subgroup.
 *
 * @module
 */
import { EmbeddingError } from '../errors/embedding-error';
import type { Group } from '../groups/group';
import {
  type Embedding,
  ed25519Embedding,
  maxIntegers,
  packIntegers,
  rfc3526Embedding,
  unpackIntegers,
} from './embedding';

/** A group together with its embedding of integer vectors. */
export interface GroupEmbedding<E> {
  /** The embedding parameters. */
  readonly embedding: Embedding;
  /** The maximum number of integers one element holds. */
  readonly capacity: number;
  /**
   * `group_encode`: the element embedding `values`.
   * @throws {@link EmbeddingError} when a value or the length is out of range
   */
  encode(values: readonly number[]): E;
  /** `group_decode`: the `count` integers embedded in `element`. */
  decode(element: E, count: number): number[];
  /** The integer an element stands for (before unpacking). */
  integerOf(element: E): bigint;
}

/** Options of {@link groupEmbedding}. */
export interface GroupEmbeddingOptions {
  /** Embedding parameters to use instead of the group's own (for custom finite-field groups). */
  readonly embedding?: Embedding;
}

const twoTo255 = 1n << 255n;

/** An Ed25519 element's string is its compressed form as a big-endian 64-digit hexadecimal integer. */
function hex256(x: bigint): string {
  return x.toString(16).padStart(64, '0');
}

interface Representation<E> {
  readonly bitLength: number;
  candidate(x: bigint): E | undefined;
  integerOf(element: E): bigint;
}

function representationOf<E>(group: Group<E>): Representation<E> | undefined {
  if (group.name === 'Ed25519') {
    return {
      bitLength: 255,
      candidate: (x) => (x < twoTo255 ? group.parse(hex256(x)) : undefined),
      integerOf: (element) => BigInt(`0x${group.toString(element)}`),
    };
  }
  const p = (group as unknown as { p?: unknown }).p;
  if (typeof p === 'bigint') {
    return {
      bitLength: p.toString(2).length,
      candidate: (x) => (x < p ? group.parse(x.toString(10)) : undefined),
      integerOf: (element) => BigInt(group.toString(element)),
    };
  }
  return undefined;
}

function defaultEmbedding(name: string): Embedding | undefined {
  if (name === 'RFC-3526-2048') return rfc3526Embedding;
  if (name === 'Ed25519') return ed25519Embedding;
  return undefined;
}

/**
 * The embedding of integer vectors into `group`.
 * @param group - a finite-field group (RFC-3526-2048 has an embedding) or the Ed25519 group
 * @param options - explicit embedding parameters for a custom finite-field group
 * @returns the encoder and decoder
 * @throws {@link EmbeddingError} if the group has no embedding (e.g. BELENIOS-2048)
 * @example
 * const embedding = groupEmbedding(groupByName('RFC-3526-2048')!);
 * embedding.decode(embedding.encode([3, 1, 2]), 3); // [3, 1, 2]
 */
export function groupEmbedding<E>(group: Group<E>, options: GroupEmbeddingOptions = {}): GroupEmbedding<E> {
  const embedding = options.embedding ?? defaultEmbedding(group.name);
  const representation = representationOf(group);
  if (!embedding || !representation) {
    throw new EmbeddingError(`group ${group.name} has no embedding for non-homomorphic answers`);
  }
  const capacity = maxIntegers(representation.bitLength, embedding);
  const tries = 1n << BigInt(embedding.padding);
  const member = (x: E) => group.isMember(x);
  return {
    embedding,
    capacity,
    encode(values) {
      const packed = packIntegers(values, embedding, capacity);
      for (let epsilon = 0n; epsilon < tries; epsilon++) {
        const element = representation.candidate(packed + epsilon);
        if (element !== undefined && member(element)) return element;
      }
      throw new EmbeddingError(`no group element within 2^${embedding.padding} of the packed integer`);
    },
    decode(element, count) {
      return unpackIntegers(representation.integerOf(element), count, embedding);
    },
    integerOf: (element) => representation.integerOf(element),
  };
}
