import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../test/support/shuffle-fixture-archive';
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

const dir = '/work/shared/fixtures/belenios/nh-rfc';
const group = new FiniteFieldGroup(rfc3526_2048);
const embedding = groupEmbedding(group);
const archive = readArchive(`${dir}/R6Hy46qYtRmUJ3.bel`);
const setup = archive.json(archive.events[0]!.payload!) as { election: string };
const electionText = archive.data(setup.election);
const election = JSON.parse(electionText) as { public_key: string; questions: unknown[] };
const fingerprint = sha256Base64(electionText);
const publicKey = BigInt(election.public_key);
type Json = { alpha: string; beta: string };
const ballots = archive.events
  .filter((e) => e.type === 'Ballot')
  .map((e) => archive.json(e.payload!) as { election_hash: string; credential: string; answers: unknown[] });

describe('non-homomorphic answers of a belenios-tool election (nh-rfc)', { timeout: 60_000 }, () => {
  it('finds the one non-homomorphic question', () => {
    const parsed = parseElection(electionText);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(nonHomomorphicIndices(parsed.value.questions)).toEqual([1]);
  });

  it('accepts the raweg proof of every ballot, bound to φ|credential', () => {
    expect(ballots).toHaveLength(8);
    for (const ballot of ballots) {
      expect(ballot.election_hash).toBe(fingerprint);
      const json = ballot.answers[1] as { choices: Json; proof: { challenge: string; response: string } };
      const parsed = {
        value: {
          choices: { alpha: BigInt(json.choices.alpha), beta: BigInt(json.choices.beta) },
          proof: { challenge: BigInt(json.proof.challenge), response: BigInt(json.proof.response) },
        },
      };
      const prefix = `${fingerprint}|${ballot.credential}`;
      expect(verifyNonHomomorphicAnswer(group, publicKey, prefix, parsed.value)).toBe(true);
      // Bound to the voter: another credential's prefix fails.
      expect(
        verifyNonHomomorphicAnswer(
          group,
          publicKey,
          `${fingerprint}|${ballots[0] === ballot ? ballots[1]!.credential : ballots[0]!.credential}`,
          parsed.value,
        ),
      ).toBe(false);
      const altered = {
        ...parsed.value,
        proof: { ...parsed.value.proof, response: (parsed.value.proof.response + 1n) % group.q },
      };
      expect(verifyNonHomomorphicAnswer(group, publicKey, prefix, altered)).toBe(false);
    }
  });

  it('sorts the encrypted tally like belenios-tool', () => {
    const tally = archive.json(
      (
        archive.json(archive.events.find((e) => e.type === 'EncryptedTally')!.payload!) as {
          encrypted_tally: string;
        }
      ).encrypted_tally,
    ) as Json[][];
    const cast = ballots.map((b) => (b.answers[1] as { choices: Json }).choices);
    const sorted = sortNonHomomorphicCiphertexts(
      group,
      cast.map((c) => ({ alpha: BigInt(c.alpha), beta: BigInt(c.beta) })),
    );
    expect(sorted.map((c) => group.toString(c.alpha))).toEqual(tally[1]!.map((c) => c.alpha));
  });

  it('decodes the decrypted shuffled ciphertexts to the published raw result', () => {
    const lastShuffle = archive.events.filter((e) => e.type === 'Shuffle').at(-1)!;
    const shuffle = archive.json((archive.json(lastShuffle.payload!) as { payload: string }).payload) as {
      ciphertexts: Json[][];
    };
    const shuffled = shuffle.ciphertexts[0]!.map((c) => ({ alpha: BigInt(c.alpha), beta: BigInt(c.beta) }));
    const partials = archive.events
      .filter((e) => e.type === 'PartialDecryption')
      .map(
        (e) =>
          archive.json((archive.json(e.payload!) as { payload: string }).payload) as {
            decryption_factors: string[][];
          },
      );
    const factors = shuffled.map((_, j) =>
      partials.reduce((acc, p) => group.mul(acc, BigInt(p.decryption_factors[1]![j]!)), 1n),
    );
    const expected = JSON.parse(readFileSync(`${dir}/expected-result.json`, 'utf8')) as [
      number[],
      number[][],
    ];
    expect(nonHomomorphicResult(group, embedding, 4, shuffled, factors)).toEqual(expected[1]);
    // The same with the trustees' secret keys combined (x = x1 + x2).
    const secret = ['2256070C', 'E5BA1268'].reduce(
      (acc, id) => acc + BigInt(JSON.parse(readFileSync(`${dir}/${id}.privkey`, 'utf8')) as string),
      0n,
    );
    expect(decryptNonHomomorphic(group, embedding, 4, shuffled, secret)).toEqual(expected[1]);
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
