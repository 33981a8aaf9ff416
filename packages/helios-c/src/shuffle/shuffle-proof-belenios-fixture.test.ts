import { describe, expect, it } from 'vitest';
import { type CiphertextJson, shuffleVectors } from '../../test/support/shuffle-vectors';
import type { Ciphertext } from '../elgamal/ciphertext';
import { sha256Base64 } from '../encoding/sha256';
import { FiniteFieldGroup } from '../groups/finite-field-group';
import { rfc3526_2048 } from '../groups/parameters/rfc-3526-2048';
import { checkShuffleProof } from './check-shuffle-proof';
import { parseShuffle } from './shuffle';
import type { ShuffleProof } from './shuffle-proof';

const vectors = shuffleVectors();
const group = new FiniteFieldGroup(rfc3526_2048);
const fingerprint = sha256Base64(vectors.election);
const publicKey = BigInt((JSON.parse(vectors.election) as { public_key: string }).public_key);
const ciphertexts = (xs: readonly CiphertextJson[]): Ciphertext<bigint>[] =>
  xs.map((x) => ({ alpha: BigInt(x.alpha), beta: BigInt(x.beta) }));
const shuffles = vectors.shuffles.map((s) => parseShuffle(group, JSON.parse(s.shuffle)));

describe('CheckShuffleProof on the shuffles of a belenios-tool election (nh-rfc)', {
  timeout: 60_000,
}, () => {
  it('has two shuffles of the one non-homomorphic question', () => {
    expect(shuffles).toHaveLength(2);
    expect(shuffles[0]!.ciphertexts).toHaveLength(1);
  });

  it('accepts both real shuffle proofs, chained from the encrypted tally', () => {
    let input = ciphertexts(vectors.encryptedTally);
    for (const shuffle of shuffles) {
      const output = shuffle.ciphertexts[0]!;
      expect(checkShuffleProof(group, publicKey, fingerprint, input, output, shuffle.proofs[0]!)).toBe(true);
      input = [...output];
    }
  });

  const input = ciphertexts(vectors.encryptedTally);
  const output = shuffles[0]!.ciphertexts[0]!;
  const proof = shuffles[0]!.proofs[0]!;
  const check = (p: ShuffleProof<bigint>, out: readonly Ciphertext<bigint>[] = output) =>
    checkShuffleProof(group, publicKey, fingerprint, input, out, p);

  it('rejects an altered response', () => {
    const sPrime = [...proof.responses.sPrime];
    sPrime[3] = (sPrime[3]! + 1n) % group.q;
    expect(check({ ...proof, responses: { ...proof.responses, sPrime } })).toBe(false);
    expect(
      check({ ...proof, responses: { ...proof.responses, s4: (proof.responses.s4 + 1n) % group.q } }),
    ).toBe(false);
    expect(
      check({ ...proof, responses: { ...proof.responses, s3: (proof.responses.s3 + 1n) % group.q } }),
    ).toBe(false);
  });

  it('rejects an altered response of the commitment chain (ŝ): first, middle, last', () => {
    for (const i of [0, 3, proof.responses.sHat.length - 1]) {
      const sHat = [...proof.responses.sHat];
      sHat[i] = (sHat[i]! + 1n) % group.q;
      expect(check({ ...proof, responses: { ...proof.responses, sHat } })).toBe(false);
    }
  });

  it('rejects an altered commitment', () => {
    const c = [...proof.permutationCommitment];
    c[0] = group.mul(c[0]!, group.g);
    expect(check({ ...proof, permutationCommitment: c })).toBe(false);
  });

  it('rejects a commitment outside the group (a non-residue)', () => {
    const tHat = [...proof.commitments.tHat];
    tHat[1] = group.p - tHat[1]!;
    expect(check({ ...proof, commitments: { ...proof.commitments, tHat } })).toBe(false);
  });

  it('rejects ciphertexts swapped after the proof', () => {
    const swapped = [...output];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(check(proof, swapped)).toBe(false);
  });

  it('rejects a shuffle that drops or duplicates a ballot', () => {
    const duplicated = [...output];
    duplicated[2] = duplicated[5]!;
    expect(check(proof, duplicated)).toBe(false);
    expect(check(proof, output.slice(1))).toBe(false);
  });

  it('rejects the proof against another election fingerprint', () => {
    expect(checkShuffleProof(group, publicKey, `${fingerprint}x`, input, output, proof)).toBe(false);
  });
});
