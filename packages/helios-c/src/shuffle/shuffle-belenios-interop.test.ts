import { describe, expect, it } from 'vitest';
import {
  type BeleniosElection,
  beleniosElection,
  beleniosVerifies,
  closeAndTally,
  decryptAndPublish,
  mixedQuestions,
} from '../../test/support/belenios-tool-nh-election';
import { dataText, readArchive } from '../archive/archive';
import { createBallot } from '../ballot/create-ballot';
import { parseElection } from '../election/election';
import { HeliosCError } from '../errors/helios-c-error';
import { verifyArchive } from '../verify/archive-verification';
import { shuffleArchive } from './archive-shuffle';

const votes = [
  [
    [1, 0],
    [1, 2, 3],
    [1, 2, 3, 4],
  ],
  [
    [0, 1],
    [3, 2, 1],
    [4, 4, 1, 2],
  ],
  [
    [1, 0],
    [2, 1, 3],
    [0, 0, 0, 0],
  ],
  [
    [0, 0],
    [1, 1, 2],
    [2, 3, 2, 1],
  ],
];

const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();

function heliosShuffle(
  election: BeleniosElection,
  owner: number,
  tamper?: (shuffle: { ciphertexts: unknown[][] }) => void,
) {
  const read = readArchive(election.archiveBytes());
  if (!read.ok) throw read.error;
  let { shuffle } = shuffleArchive(read.value, owner);
  if (tamper) {
    const json = JSON.parse(shuffle);
    tamper(json);
    shuffle = JSON.stringify(json);
  }
  // Recompute the owned shuffle for the (possibly tampered) shuffle: add-event stores both lines.
  election.run(
    `cat > shuffle.json; printf '{"owner":${owner},"payload":"%s"}\\n' $(head -n1 shuffle.json | tr -d '\\n' | sha256sum | cut -d' ' -f1) >> shuffle.json; belenios-tool archive add-event --type=Shuffle < shuffle.json`,
    `${shuffle}\n`,
  );
}

function beleniosShuffle(election: BeleniosElection, owner: number) {
  election.run(
    `belenios-tool election shuffle --trustee-id=${owner} | belenios-tool archive add-event --type=Shuffle`,
  );
}

async function expectResult(election: BeleniosElection) {
  const published = decryptAndPublish(election) as { result: unknown[][] };
  expect(beleniosVerifies(election)).toBe(true);
  // The raw result of each non-homomorphic question is the multiset of the votes.
  expect(sorted(published.result[1]!)).toEqual(sorted(votes.map((v) => v[1])));
  expect(sorted(published.result[2]!)).toEqual(sorted(votes.map((v) => v[2])));
  expect(published.result[0]).toEqual([2, 1]);
  // Hand-off to counting: the raw result is the ballot list of `belenios-tool method`, and counts
  // exactly like the plaintext votes.
  const schulze = (ballots: unknown) =>
    election.run('belenios-tool method schulze --blank-allowed true', JSON.stringify(ballots));
  expect(schulze(published.result[1])).toBe(schulze(votes.map((v) => v[1])));
  const verification = await verifyArchive(election.archiveBytes());
  expect(verification.issues).toEqual([]);
  expect(verification.ok).toBe(true);
  const plain = (x: unknown) =>
    JSON.parse(JSON.stringify(x, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
  expect(plain(verification.result)).toEqual(published.result);
}

describe('shuffles interoperate with belenios-tool (RFC-3526-2048, homomorphic and non-homomorphic questions)', () => {
  it('helios-c ballots and helios-c shuffles first, belenios-tool second: both tools verify', async () => {
    // Two ballots from belenios-tool, two from helios-c (non-homomorphic answers included).
    const election = beleniosElection(votes.slice(0, 2), undefined, 2);
    const read = readArchive(election.archiveBytes());
    if (!read.ok) throw read.error;
    const setup = JSON.parse(dataText(read.value, read.value.events[0]!.payload!)!) as { election: string };
    const parsed = parseElection(dataText(read.value, setup.election)!);
    if (!parsed.ok) throw parsed.error;
    const credentials = election.privateCredentials();
    for (const i of [2, 3]) {
      const { text } = createBallot(parsed.value, credentials[i]!, votes[i]!);
      election.run('belenios-tool archive add-event --type=Ballot', `${text}\n`);
    }
    closeAndTally(election);
    heliosShuffle(election, 1);
    beleniosShuffle(election, 2);
    await expectResult(election);
  }, 120_000);

  it('belenios-tool shuffles first, helios-c second: both tools verify', async () => {
    const election = beleniosElection(votes);
    closeAndTally(election);
    beleniosShuffle(election, 1);
    heliosShuffle(election, 2);
    await expectResult(election);
  }, 120_000);

  it('both tools reject ciphertexts swapped after the proof or a dropped or duplicated ballot; helios-c refuses an out-of-range answer', async () => {
    // Non-homomorphic questions only, to keep ballot checking cheap.
    const election = beleniosElection(
      votes.map((v) => v.slice(1)),
      { ...mixedQuestions, questions: mixedQuestions.questions.slice(1) },
    );
    closeAndTally(election);
    const copy = (suffix: string) => {
      election.run(`cp ${election.uuid}.bel ${election.uuid}.bel.${suffix}`);
      return () => election.run(`cp ${election.uuid}.bel.${suffix} ${election.uuid}.bel`);
    };
    const restore = copy('clean');
    for (const tamper of [
      (s: { ciphertexts: unknown[][] }) => {
        const q = s.ciphertexts[0]!;
        [q[0], q[1]] = [q[1], q[0]];
      },
      (s: { ciphertexts: unknown[][] }) => {
        s.ciphertexts[1]![0] = s.ciphertexts[1]![1];
      },
      (s: { ciphertexts: unknown[][] }) => {
        s.ciphertexts[1]!.pop();
      },
    ]) {
      restore();
      heliosShuffle(election, 1, tamper);
      expect(beleniosVerifies(election)).toBe(false);
      const verification = await verifyArchive(election.archiveBytes());
      expect(verification.ok).toBe(false);
      expect(verification.issues.map((i) => i.check)).toContain('shuffle.proof');
    }

    // An integer outside the embedding's range (κ = 8 bits): helios-c refuses to make the ballot.
    // (belenios-tool 2.0 makes it: 256 silently carries into the previous integer.)
    const outOfRange = [
      [256, 1, 1],
      [1, 1, 1, 1],
    ];
    const credential = election.privateCredentials()[0]!;
    const read = readArchive(election.archiveBytes());
    if (!read.ok) throw read.error;
    const setup = JSON.parse(dataText(read.value, read.value.events[0]!.payload!)!) as { election: string };
    const parsed = parseElection(dataText(read.value, setup.election)!);
    if (!parsed.ok) throw parsed.error;
    let refused: unknown;
    try {
      createBallot(parsed.value, credential, outOfRange);
    } catch (error) {
      refused = error;
    }
    expect(HeliosCError.isInstance(refused)).toBe(true);
  }, 120_000);
});
