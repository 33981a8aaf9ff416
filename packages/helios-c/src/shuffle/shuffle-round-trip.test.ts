import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ciphertext } from '../elgamal/ciphertext';
import { HeliosCError } from '../errors/helios-c-error';
import { MalformedShuffleError } from '../errors/malformed-shuffle-error';
import { Ed25519Group } from '../groups/ed25519-group';
import { FiniteFieldGroup } from '../groups/finite-field-group';
import type { Group } from '../groups/group';
import { rfc3526_2048 } from '../groups/parameters/rfc-3526-2048';
import { groupEmbedding } from '../non-homomorphic/group-embedding';
import { decryptNonHomomorphic } from '../non-homomorphic/non-homomorphic-result';
import { checkShuffleProof } from './check-shuffle-proof';
import { genPermutation, genShuffle } from './gen-shuffle';
import { genShuffleProof } from './gen-shuffle-proof';
import { getGenerator, independentGenerators } from './independent-generators';
import { parseShuffle, shuffleToJson } from './shuffle';
import { shuffleCiphertexts, verifyShuffles } from './shuffle-election';

function encryptVotes<E>(group: Group<E>, y: E, votes: number[][]): Ciphertext<E>[] {
  const embedding = groupEmbedding(group);
  return votes.map((v) => {
    const r = group.randomScalar();
    return { alpha: group.powG(r), beta: group.mul(group.pow(y, r), embedding.encode(v)) };
  });
}

const sortVotes = (xs: number[][]) => xs.map((x) => JSON.stringify(x)).sort();

describe('GenShuffle / GenShuffleProof / CheckShuffleProof round trip', { timeout: 60_000 }, () => {
  it('GenPermutation is a permutation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (n) => {
        expect([...genPermutation(n)].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { numRuns: 30 },
    );
  });

  it('derives distinct independent generators, none of them 1 or g', () => {
    const rfc = new FiniteFieldGroup(rfc3526_2048);
    const { h, hs } = independentGenerators(rfc, 4);
    const all = [h, ...hs].map((x) => rfc.toString(x));
    expect(new Set(all).size).toBe(5);
    for (const x of [h, ...hs]) expect(rfc.isMember(x)).toBe(true);
    const ed = new Ed25519Group();
    const edH = getGenerator(ed, -1);
    expect(ed.isMember(edH)).toBe(true);
    expect(ed.equals(edH, ed.g)).toBe(false);
  });

  for (const [name, group, n] of [
    ['RFC-3526-2048', new FiniteFieldGroup(rfc3526_2048), 5],
    ['Ed25519', new Ed25519Group(), 12],
  ] as const) {
    it(`shuffles ${n} ballots in ${name}: proof checks, plaintexts are preserved`, () => {
      const g = group as Group<unknown>;
      const x = g.randomScalar();
      const y = g.powG(x);
      const votes = Array.from({ length: n }, (_, i) => [i % 4, (i * 7) % 5, 3]);
      const e = encryptVotes(g, y, votes);
      const witness = genShuffle(g, y, e);
      const proof = genShuffleProof(g, y, 'fingerprint', e, witness);
      expect(checkShuffleProof(g, y, 'fingerprint', e, witness.ciphertexts, proof)).toBe(true);
      const decrypted = decryptNonHomomorphic(g, groupEmbedding(g), 3, witness.ciphertexts, x);
      expect(sortVotes(decrypted)).toEqual(sortVotes(votes));
      // Output position i holds a re-encryption of input ψ(i).
      expect(decrypted).toEqual(witness.permutation.map((j) => votes[j]));

      // A shuffle that replaces one ballot by a copy of another is rejected.
      const duplicated = [...witness.ciphertexts];
      duplicated[0] = duplicated[1]!;
      expect(checkShuffleProof(g, y, 'fingerprint', e, duplicated, proof)).toBe(false);
      // So is an honest-looking shuffle proven against other inputs.
      const other = encryptVotes(g, y, votes);
      expect(checkShuffleProof(g, y, 'fingerprint', other, witness.ciphertexts, proof)).toBe(false);
    });
  }

  it('chains shuffles of several questions and survives JSON', () => {
    const group = new Ed25519Group();
    const x = group.randomScalar();
    const context = { publicKey: group.powG(x), fingerprint: 'φ' };
    const initial = [
      encryptVotes(group, context.publicKey, [[1], [2], [3]]),
      encryptVotes(group, context.publicKey, [
        [4, 5],
        [6, 7],
        [8, 9],
      ]),
    ];
    const progress: [number, number][] = [];
    const first = shuffleCiphertexts(group, context, initial, (done, total) => progress.push([done, total]));
    expect(progress.at(-1)).toEqual([6, 6]);
    const second = parseShuffle(
      group,
      JSON.parse(JSON.stringify(shuffleToJson(group, shuffleCiphertexts(group, context, first.ciphertexts)))),
    );
    const verified = verifyShuffles(group, context, initial, [first, second]);
    expect(verified.valid).toBe(true);
    if (!verified.valid) return;
    expect(
      sortVotes(decryptNonHomomorphic(group, groupEmbedding(group), 2, verified.ciphertexts[1]!, x)),
    ).toEqual(
      sortVotes([
        [4, 5],
        [6, 7],
        [8, 9],
      ]),
    );
    // Out of order: the second shuffle does not start from the tally.
    expect(verifyShuffles(group, context, initial, [second, first])).toMatchObject({
      valid: false,
      shuffle: 0,
      reason: 'invalid-proof',
    });
    // A shuffle that drops a ballot.
    const dropped = { ...second, ciphertexts: [second.ciphertexts[0]!, second.ciphertexts[1]!.slice(1)] };
    expect(verifyShuffles(group, context, initial, [first, dropped])).toMatchObject({
      valid: false,
      shuffle: 1,
      question: 1,
      reason: 'ciphertext-count',
    });
  });

  it('parses untrusted shuffle JSON without crashing, naming the bad path', () => {
    const group = new FiniteFieldGroup(rfc3526_2048);
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        try {
          parseShuffle(group, json);
        } catch (error) {
          expect(HeliosCError.isInstance(error)).toBe(true);
          expect((error as HeliosCError).code).toBe(MalformedShuffleError.code);
        }
      }),
      { numRuns: 300 },
    );
    try {
      parseShuffle(group, { ciphertexts: [[{ alpha: '1', beta: '2' }]], proofs: [[[], [], [], []]] });
      throw new Error('expected a MalformedShuffleError');
    } catch (error) {
      expect((error as MalformedShuffleError).code).toBe(MalformedShuffleError.code);
      expect((error as MalformedShuffleError).path).toBe('proofs[0][0]');
    }
  });
});
