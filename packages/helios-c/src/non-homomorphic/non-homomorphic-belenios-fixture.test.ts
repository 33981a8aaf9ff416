import { describe, expect, it } from 'vitest';
import { shuffleVectors } from '../../test/support/shuffle-vectors';
import { parseElection } from '../election/election';
import { sha256Base64 } from '../encoding/sha256';
import { Ed25519Group } from '../groups/ed25519-group';
import { FiniteFieldGroup } from '../groups/finite-field-group';
import { rfc3526_2048 } from '../groups/parameters/rfc-3526-2048';
import { groupEmbedding } from './group-embedding';
import { encryptNonHomomorphicAnswer, verifyNonHomomorphicAnswer } from './non-homomorphic-answer';
import { nonHomomorphicIndices } from './non-homomorphic-question';
import {
  decryptNonHomomorphic,
  nonHomomorphicResult,
  sortNonHomomorphicCiphertexts,
} from './non-homomorphic-result';

const vectors = shuffleVectors();
const group = new FiniteFieldGroup(rfc3526_2048);
const embedding = groupEmbedding(group);
const fingerprint = sha256Base64(vectors.election);
const publicKey = BigInt((JSON.parse(vectors.election) as { public_key: string }).public_key);
const element = (x: { alpha: string; beta: string }) => ({ alpha: BigInt(x.alpha), beta: BigInt(x.beta) });

describe('non-homomorphic answers of a belenios-tool election (nh-rfc)', { timeout: 60_000 }, () => {
  it('finds the one non-homomorphic question', () => {
    const parsed = parseElection(vectors.election);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(nonHomomorphicIndices(parsed.value.questions)).toEqual([vectors.nonHomomorphicQuestion]);
  });

  it('accepts the raweg proof of every ballot, bound to φ|credential', () => {
    expect(vectors.ballots).toHaveLength(8);
    vectors.ballots.forEach((ballot, i) => {
      expect(ballot.election_hash).toBe(fingerprint);
      const answer = {
        choices: element(ballot.answer.choices),
        proof: {
          challenge: BigInt(ballot.answer.proof.challenge),
          response: BigInt(ballot.answer.proof.response),
        },
      };
      const prefix = `${fingerprint}|${ballot.credential}`;
      expect(verifyNonHomomorphicAnswer(group, publicKey, prefix, answer)).toBe(true);
      // Bound to the voter: another credential's prefix fails.
      const other = vectors.ballots[(i + 1) % vectors.ballots.length]!.credential;
      expect(verifyNonHomomorphicAnswer(group, publicKey, `${fingerprint}|${other}`, answer)).toBe(false);
      const altered = {
        ...answer,
        proof: { ...answer.proof, response: (answer.proof.response + 1n) % group.q },
      };
      expect(verifyNonHomomorphicAnswer(group, publicKey, prefix, altered)).toBe(false);
    });
  });

  it('sorts the encrypted tally like belenios-tool', () => {
    const cast = vectors.ballots.map((b) => element(b.answer.choices));
    const sorted = sortNonHomomorphicCiphertexts(group, cast);
    expect(sorted.map((c) => group.toString(c.alpha))).toEqual(vectors.encryptedTally.map((c) => c.alpha));
  });

  it('decodes the decrypted shuffled ciphertexts to the published raw result', () => {
    const last = JSON.parse(vectors.shuffles.at(-1)!.shuffle) as {
      ciphertexts: { alpha: string; beta: string }[][];
    };
    const shuffled = last.ciphertexts[0]!.map(element);
    const factors = shuffled.map((_, j) =>
      vectors.partialDecryptions.reduce((acc, p) => group.mul(acc, BigInt(p.decryption_factors[j]!)), 1n),
    );
    expect(nonHomomorphicResult(group, embedding, 4, shuffled, factors)).toEqual(vectors.result);
    // The same with the trustees' secret keys combined (x = x1 + x2).
    const secret = vectors.trusteeSecretKeys.reduce((acc, k) => acc + BigInt(k), 0n);
    expect(decryptNonHomomorphic(group, embedding, 4, shuffled, secret)).toEqual(vectors.result);
  });

  it('encrypts answers that verify and decrypt (RFC-3526-2048 and Ed25519)', () => {
    const x = group.randomScalar();
    const y = group.powG(x);
    const answer = encryptNonHomomorphicAnswer(group, {
      publicKey: y,
      prefix: 'fp|cred',
      values: [3, 1, 4, 2],
    });
    expect(verifyNonHomomorphicAnswer(group, y, 'fp|cred', answer)).toBe(true);
    expect(decryptNonHomomorphic(group, embedding, 4, [answer.choices], x)).toEqual([[3, 1, 4, 2]]);

    const ed = new Ed25519Group();
    const xe = ed.randomScalar();
    const ye = ed.powG(xe);
    const edAnswer = encryptNonHomomorphicAnswer(ed, {
      publicKey: ye,
      prefix: 'fp|cred',
      values: [0, 255, 7],
    });
    expect(verifyNonHomomorphicAnswer(ed, ye, 'fp|cred', edAnswer)).toBe(true);
    expect(decryptNonHomomorphic(ed, groupEmbedding(ed), 3, [edAnswer.choices], xe)).toEqual([[0, 255, 7]]);
  });
});
