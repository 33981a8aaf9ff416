/**
 * Verifying an N-ballot BELENIOS-2048 archive (default N = 1000): helios-c's `verifyArchive`
 * (in process, the Node ballot verifier) against `belenios-tool election verify` on the same
 * archive, measured in the same run.
 *
 * The archive is an election run with the library alone (2 plain trustees, the two questions of
 * the reference fixtures, tallied and decrypted); belenios-tool must accept it first.
 *
 * Prints both times, the per-ballot costs and the ratio helios-c / belenios-tool (≤ 1: helios-c
 * at least as fast). Run: `pnpm bench:verify`. `IMAGO_BENCH_BALLOTS` overrides N.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AnyGroup } from '../src/groups/group';
import { groupByName } from '../src/groups/group-by-name';
import { nodeBallotVerifier, serveBallotVerification } from '../src/node/parallel-ballot-verifier';
import { verifyArchive } from '../src/verify/archive-verification';
import { runElection } from '../test/support/in-memory-election';

const n = Number(process.env.IMAGO_BENCH_BALLOTS ?? '1000');
const template = JSON.stringify({
  description: 'bench',
  name: 'bench',
  questions: [
    { answers: ['Yes', 'No'], min: 0, max: 1, question: 'Adopt the proposal?' },
    { answers: ['Alice', 'Bob', 'Carol', 'Dave'], min: 1, max: 2, question: 'Pick one or two delegates' },
  ],
});

async function main(): Promise<void> {
  const started = performance.now();
  const voters = Array.from({ length: n }, (_, i) => ({ id: `v${i}`, login: `v${i}` }));
  const votes = voters.map((_, i) => [
    [i % 2, 1 - (i % 2)],
    [1, i % 3 === 0 ? 1 : 0, 0, 0],
  ]);
  const { bytes } = runElection(groupByName('BELENIOS-2048') as AnyGroup, template, voters, votes);
  const dir = mkdtempSync(join(tmpdir(), 'helios-c-bench-'));
  writeFileSync(join(dir, 'HxCTest23456789ab.bel'), bytes);
  console.log(
    `archive of ${n} ballots made in ${((performance.now() - started) / 1000).toFixed(1)} s: ${dir}`,
  );

  const t0 = performance.now();
  execFileSync('/usr/bin/belenios-tool', ['election', 'verify', `--dir=${dir}`], { stdio: 'ignore' });
  const belenios = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  const report = await verifyArchive(bytes, {
    verifyBallots: nodeBallotVerifier({
      script: fileURLToPath(import.meta.url),
      ...(process.env.IMAGO_BENCH_WORKERS ? { workers: Number(process.env.IMAGO_BENCH_WORKERS) } : {}),
    }),
  });
  const helios = (performance.now() - t1) / 1000;
  if (!report.ok) throw new Error(`helios-c rejected the archive: ${JSON.stringify(report.issues[0])}`);

  console.log(
    `belenios-tool election verify: ${belenios.toFixed(2)} s (${((belenios / n) * 1000).toFixed(2)} ms/ballot)`,
  );
  console.log(
    `helios-c verifyArchive:        ${helios.toFixed(2)} s (${((helios / n) * 1000).toFixed(2)} ms/ballot)`,
  );
  console.log(`ratio helios-c / belenios-tool: ${(helios / belenios).toFixed(2)}`);
}

if (!serveBallotVerification()) await main();
