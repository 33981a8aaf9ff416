/**
 * imago-tally against belenios-tool method, in the same run, on the same inputs:
 * Schulze and STV on 100,000 ballots of 8 choices, majority judgment on 30,000 ballots of 8
 * choices × 6 grades. Wall time of each whole command (process start, reading and parsing the
 * JSON on standard input, counting, printing), median of several runs. Prints the ratio
 * imago-tally / belenios-tool for each (≤ 1.0: imago-tally is at least as fast), and checks the
 * two print the same result.
 *
 * Run: `pnpm bench` (builds first). `IMAGO_BENCH_RUNS` sets the number of runs (default 7).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './seeded-random.ts';

const BELENIOS_TOOL = process.env.BELENIOS_TOOL ?? '/usr/bin/belenios-tool';
const IMAGO_TALLY = fileURLToPath(new URL('../dist/cli/imago-tally.js', import.meta.url));
const RUNS = Number(process.env.IMAGO_BENCH_RUNS ?? 7);

const random = seededRandom(0x1badb002);
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

function ranking(n: number): number[] {
  const ranks = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = int(0, i);
    [ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!];
  }
  return ranks;
}

/** Ballots with some structure (a few popular rankings), so counts are not all near-ties. */
function rankedBallots(count: number, n: number): number[][] {
  const popular = Array.from({ length: 6 }, () => ranking(n));
  return Array.from({ length: count }, () => (random() < 0.4 ? [...popular[int(0, 5)]!] : ranking(n)));
}

function gradedBallots(count: number, n: number, grades: number): number[][] {
  const bias = Array.from({ length: n }, () => int(0, grades - 1));
  return Array.from({ length: count }, () =>
    Array.from({ length: n }, (_, c) => Math.min(grades, Math.max(1, bias[c]! + int(-2, 2) + 1))),
  );
}

interface BenchCase {
  readonly label: string;
  readonly args: readonly string[];
  readonly ballots: number[][];
}

function timeCommand(
  command: string,
  args: readonly string[],
  inputPath: string,
): { ms: number; stdout: string } {
  const fd = openSync(inputPath, 'r');
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: [fd, 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(fd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout.toString() };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};
const fastest = (values: number[]): number => Math.min(...values);

const cases: BenchCase[] = [
  {
    label: 'schulze, 100k ballots × 8',
    args: ['schulze', '--blank-allowed=false'],
    ballots: rankedBallots(100_000, 8),
  },
  {
    label: 'stv, 100k ballots × 8, 3 seats',
    args: ['stv', '--nseats=3'],
    ballots: rankedBallots(100_000, 8),
  },
  {
    label: 'majority-judgment, 30k × 8 × 6 grades',
    args: ['majority-judgment', '--blank-allowed=false', '--ngrades=6'],
    ballots: gradedBallots(30_000, 8, 6),
  },
];

const dir = mkdtempSync(join(tmpdir(), 'imago-tally-bench-'));
let worst = 0;
try {
  console.log(
    `imago-tally vs belenios-tool method (median of ${RUNS} interleaved runs, wall time per command)`,
  );
  for (const benchCase of cases) {
    const inputPath = join(dir, 'ballots.json');
    writeFileSync(inputPath, JSON.stringify(benchCase.ballots));
    const ours: number[] = [];
    const theirs: number[] = [];
    let same = true;
    for (let run = 0; run < RUNS; run++) {
      const reference = timeCommand(BELENIOS_TOOL, ['method', ...benchCase.args], inputPath);
      const candidate = timeCommand(process.execPath, [IMAGO_TALLY, ...benchCase.args], inputPath);
      theirs.push(reference.ms);
      ours.push(candidate.ms);
      same &&= JSON.stringify(JSON.parse(reference.stdout)) === JSON.stringify(JSON.parse(candidate.stdout));
    }
    const ratio = median(ours) / median(theirs);
    const fastestRatio = fastest(ours) / fastest(theirs);
    worst = Math.max(worst, ratio);
    console.log(
      `${benchCase.label.padEnd(40)} belenios-tool ${median(theirs).toFixed(1).padStart(8)} ms` +
        `   imago-tally ${median(ours).toFixed(1).padStart(8)} ms   ratio ${ratio.toFixed(3)}` +
        `   (fastest runs: ${fastest(theirs).toFixed(1)} / ${fastest(ours).toFixed(1)} ms, ratio ${fastestRatio.toFixed(3)})` +
        `   ${same ? 'same output' : 'OUTPUT DIFFERS'}`,
    );
    if (!same) process.exitCode = 1;
  }
  console.log(`worst median ratio ${worst.toFixed(3)} (target ≤ 1.0)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
