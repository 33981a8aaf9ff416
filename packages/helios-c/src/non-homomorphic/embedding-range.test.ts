import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmbeddingError } from '../errors/embedding-error';
import { HeliosCError } from '../errors/helios-c-error';
import { Ed25519Group } from '../groups/ed25519-group';
import { FiniteFieldGroup } from '../groups/finite-field-group';
import { belenios2048 } from '../groups/parameters/belenios-2048';
import { rfc3526_2048 } from '../groups/parameters/rfc-3526-2048';
import { isCanonicalPacking, packIntegers, rfc3526Embedding, unpackIntegers } from './embedding';
import { groupEmbedding } from './group-embedding';

const rfc = new FiniteFieldGroup(rfc3526_2048);
const ed = new Ed25519Group();

const expectEmbeddingError = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(HeliosCError.isInstance(error)).toBe(true);
    expect((error as HeliosCError).code).toBe(EmbeddingError.code);
    return;
  }
  throw new Error('expected an EmbeddingError');
};

describe('group_encode / group_decode (§4.11.2)', { timeout: 60_000 }, () => {
  it('packs as (((v1·2^κ + v2)·2^κ + …)·2^κ + vn)·2^p', () => {
    expect(packIntegers([1, 2, 3], rfc3526Embedding, 10)).toBe(((1n * 256n + 2n) * 256n + 3n) * 256n);
    expect(unpackIntegers(0x01020304n, 3, rfc3526Embedding)).toEqual([1, 2, 3]);
  });

  it('RFC-3526-2048 holds 255 integers of 8 bits; Ed25519 holds 30 (κ = 8, p = 14)', () => {
    expect(groupEmbedding(rfc).capacity).toBe(255);
    const e = groupEmbedding(ed);
    expect(e.capacity).toBe(30);
    expect(e.embedding).toEqual({ padding: 14, bitsPerInt: 8 });
  });

  it('round-trips through RFC-3526-2048 elements that are group members', () => {
    const embedding = groupEmbedding(rfc);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }), (values) => {
        const element = embedding.encode(values);
        expect(rfc.isMember(element)).toBe(true);
        expect(embedding.decode(element, values.length)).toEqual(values);
        expect(isCanonicalPacking(embedding.integerOf(element), values.length, embedding.embedding)).toBe(
          true,
        );
        // ε is below 2^p: the element is within the padding of the packed integer.
        expect(element - packIntegers(values, embedding.embedding, 255)).toBeLessThan(256n);
      }),
      { numRuns: 40 },
    );
  });

  it('round-trips through Ed25519 points of the prime-order subgroup', () => {
    const embedding = groupEmbedding(ed);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 30 }), (values) => {
        const element = embedding.encode(values);
        expect(ed.isMember(element)).toBe(true);
        expect(embedding.decode(element, values.length)).toEqual(values);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects integers outside [0, 2^κ), non-integers and vectors that are too long', () => {
    const embedding = groupEmbedding(rfc);
    expectEmbeddingError(() => embedding.encode([256]));
    expectEmbeddingError(() => embedding.encode([-1]));
    expectEmbeddingError(() => embedding.encode([1.5]));
    expectEmbeddingError(() => embedding.encode(new Array(256).fill(1)));
    expectEmbeddingError(() => groupEmbedding(ed).encode(new Array(31).fill(0)));
  });

  it('refuses a group without embedding (BELENIOS-2048)', () => {
    expectEmbeddingError(() => groupEmbedding(new FiniteFieldGroup(belenios2048)));
  });

  it('flags integers with bits above the expected vector as non-canonical', () => {
    expect(isCanonicalPacking(packIntegers([1, 2], rfc3526Embedding, 255), 1, rfc3526Embedding)).toBe(false);
    expect(isCanonicalPacking(packIntegers([0, 2], rfc3526Embedding, 255), 1, rfc3526Embedding)).toBe(true);
  });
});
