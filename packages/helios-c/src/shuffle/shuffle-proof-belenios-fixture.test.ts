import { describe, expect, it } from 'vitest';
import { readArchive } from '../../test/support/shuffle-fixture-archive';
import type { Ciphertext } from '../elgamal/ciphertext';
import { sha256Base64 } from '../encoding/sha256';
import { FiniteFieldGroup } from '../groups/finite-field-group';
import { rfc3526_2048 } from '../groups/parameters/rfc-3526-2048';
import { checkShuffleProof } from './check-shuffle-proof';
import { parseShuffleProof, type ShuffleProof } from './shuffle-proof';

const fixture = '/work/shared/fixtures/belenios/nh-rfc/R6Hy46qYtRmUJ3.bel';
const group = new FiniteFieldGroup(rfc3526_2048);
const archive = readArchive(fixture);
const setup = archive.json(archive.events[0]!.payload!) as { election: string };
const electionText = archive.data(setup.election);
const election = JSON.parse(electionText) as { public_key: string };
const fingerprint = sha256Base64(electionText);
const publicKey = BigInt(election.public_key);

type Json = { alpha: string; beta: string };
const ciphertexts = (xs: Json[]): Ciphertext<bigint>[] =>
  xs.map((x) => ({ alpha: BigInt(x.alpha), beta: BigInt(x.beta) }));

const tallyEvent = archive.events.find((e) => e.type === 'EncryptedTally')!;
const sized = archive.json(tallyEvent.payload!) as { encrypted_tally: string };
const tally = archive.json(sized.encrypted_tally) as Json[][];
const shuffles = archive.events
  .filter((e) => e.type === 'Shuffle')
  .map((e) => {
    const owned = archive.json(e.payload!) as { payload: string };
    return archive.json(owned.payload) as { ciphertexts: Json[][]; proofs: unknown[] };
  });

describe('CheckShuffleProof on the shuffles of a belenios-tool election (nh-rfc)', {
  timeout: 60_000,
}, () => {
  it('has two shuffles of the one non-homomorphic question', () => {
    expect(shuffles).toHaveLength(2);
    expect(shuffles[0]!.ciphertexts).toHaveLength(1);
  });

  it('accepts both real shuffle proofs, chained from the encrypted tally', () => {
    let input = ciphertexts(tally[1]!);
    for (const shuffle of shuffles) {
      const output = ciphertexts(shuffle.ciphertexts[0]!);
      const proof = parseShuffleProof(group, shuffle.proofs[0]);
      expect(checkShuffleProof(group, publicKey, fingerprint, input, output, proof)).toBe(true);
      input = output;
    }
  });

  const input = ciphertexts(tally[1]!);
  const output = ciphertexts(shuffles[0]!.ciphertexts[0]!);
  const proof = parseShuffleProof(group, shuffles[0]!.proofs[0]);
  const check = (p: ShuffleProof<bigint>, out = output, inp = input) =>
    checkShuffleProof(group, publicKey, fingerprint, inp, out, p);

  it('rejects an altered response', () => {
    const sPrime = [...proof.responses.sPrime];
    sPrime[3] = (sPrime[3]! + 1n) % group.q;
    expect(check({ ...proof, responses: { ...proof.responses, sPrime } })).toBe(false);
    expect(
      check({ ...proof, responses: { ...proof.responses, s4: (proof.responses.s4 + 1n) % group.q } }),
    ).toBe(false);
  });

  it('rejects an altered response of the commitment chain (ŝ), first, middle, last', () => {
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
