/**
 * `nodeBallotVerifier` (worker threads) reports exactly what the sequential verifier reports, on
 * a valid archive and on defective ones, including credentials no ballot uses (whose membership
 * the workers check). The worker script is the built helios-c command, which serves workers.
 */
import { describe, expect, test } from 'vitest';
import type { AnyGroup } from '../../src/groups/group';
import { groupByName } from '../../src/groups/group-by-name';
import { nodeBallotVerifier } from '../../src/node/parallel-ballot-verifier';
import { verifyArchive } from '../../src/verify/archive-verification';
import { type Entry, entriesOf, layOut } from '../support/archive-surgery';
import { runElection } from '../support/in-memory-election';

const group = groupByName('BELENIOS-2048') as AnyGroup & { p: bigint };
const template = JSON.stringify({
  description: 'workers',
  name: 'workers',
  questions: [{ answers: ['Yes', 'No'], min: 0, max: 1, question: 'Adopt?' }],
});
// 40 voters, 36 ballots: 4 credentials are used by no ballot.
const voters = Array.from({ length: 40 }, (_, i) => ({ id: `v${i}`, login: `v${i}` }));
const votes = Array.from({ length: 36 }, (_, i) => [[i % 3 === 0 ? 1 : 0, i % 3 === 0 ? 0 : 1]]);
const { bytes, result } = runElection(group, template, voters, votes);

function workers(): ReturnType<typeof nodeBallotVerifier> {
  const script = process.env.HELIOS_C_CLI;
  if (!script) throw new Error('HELIOS_C_CLI is not set (the global setup builds the command)');
  return nodeBallotVerifier({ script, workers: 2, minimumForWorkers: 1 });
}

/** Replaces the public credential used by no ballot, or by the first ballot, with `p − c`. */
function withCredentialOutside(kind: 'unused' | 'used'): Uint8Array {
  const entries = entriesOf(bytes);
  const used = new Set(
    entries.flatMap((e) => (e.kind === 'data' ? [/"credential":"([0-9]+)"/.exec(e.text)?.[1]] : [])),
  );
  const list = entries.find((e) => e.kind === 'data' && e.text.startsWith('["')) as Entry;
  const creds = JSON.parse(list.text) as string[];
  const k = creds.findIndex((c) => used.has(c) === (kind === 'used'));
  const outside = (group.p - BigInt(creds[k] as string)).toString();
  for (const e of entries) if (e.kind === 'data') e.text = e.text.replaceAll(creds[k] as string, outside);
  return layOut(entries);
}

/** Alters one digit of the last ballot's first challenge. */
function withBadLastBallot(): Uint8Array {
  const entries = entriesOf(bytes);
  const ballot = entries.findLast((e) => e.kind === 'data' && e.text.includes('"signature"')) as Entry;
  const json = JSON.parse(ballot.text);
  const challenge: string = json.answers[0].individual_proofs[0][0].challenge;
  json.answers[0].individual_proofs[0][0].challenge = challenge.endsWith('1')
    ? `${challenge.slice(0, -1)}2`
    : `${challenge.slice(0, -1)}1`;
  ballot.text = JSON.stringify(json);
  return layOut(entries);
}

describe('worker threads verify as the calling thread does', () => {
  test('a valid archive: same report, progress up to the last ballot', async () => {
    const progress: number[] = [];
    const parallel = await verifyArchive(bytes, {
      verifyBallots: workers(),
      onProgress: (step, done) => step === 'ballots' && progress.push(done),
    });
    const sequential = await verifyArchive(bytes);
    expect(parallel.issues).toEqual([]);
    expect(parallel.ok).toBe(true);
    expect(parallel.ballots).toBe(36);
    expect(parallel.tallied).toBe(36);
    expect(parallel.result).toEqual(result);
    expect({ ...parallel, election: undefined }).toEqual({ ...sequential, election: undefined });
    expect(progress.at(-1)).toBe(36);
  }, 120_000);

  test.each([
    ['a public credential outside the group that no ballot uses', () => withCredentialOutside('unused')],
    ['a public credential outside the group used by a ballot', () => withCredentialOutside('used')],
  ])(
    '%s: setup.credentials, from both verifiers',
    async (_name, make) => {
      const tampered = make();
      const parallel = await verifyArchive(tampered, { verifyBallots: workers() });
      const sequential = await verifyArchive(tampered);
      expect(parallel.ok).toBe(false);
      expect(parallel.issues[0]?.check).toBe('setup.credentials');
      expect(parallel.issues).toEqual(sequential.issues);
    },
    120_000,
  );

  test('an altered ballot (no longer matching its signature): the same issue at the same event', async () => {
    const tampered = withBadLastBallot();
    const parallel = await verifyArchive(tampered, { verifyBallots: workers() });
    const sequential = await verifyArchive(tampered);
    expect(parallel.issues.map((i) => i.check)).toEqual(['ballot.signature_hash']);
    expect(parallel.issues).toEqual(sequential.issues);
  }, 120_000);
});
