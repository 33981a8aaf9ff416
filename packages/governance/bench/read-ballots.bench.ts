/**
 * Reading ballot JSON: `readBallots` (its one-pass scanner, straight into packed arrays) against
 * `JSON.parse` of the same bytes, the anchor measured in the same run. 300,000 ballots of 8
 * choices, compact and indented. Each sample is a separate process that reads the file, warms up,
 * and keeps its fastest of several reads; the two readers alternate which goes first. Prints the
 * median time of each and the ratio readBallots / JSON.parse.
 *
 * Run: `pnpm bench:read-ballots` (builds first). `IMAGO_BENCH_RUNS` sets the number of samples
 * of each reader (default 7).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './seeded-random.ts';

const RUNS = Number(process.env.IMAGO_BENCH_RUNS ?? 7);
const READS = 10;
const readers = ['readBallots', 'JSON.parse'] as const;
type Reader = (typeof readers)[number];

/** One sample, in this process: the fastest of READS reads of the file, in milliseconds. */
async function sample(reader: Reader, path: string): Promise<void> {
  const { readBallots } = await import(new URL('../dist/methods/index.js', import.meta.url).href);
  const bytes = new Uint8Array(readFileSync(path));
  const read =
    reader === 'readBallots'
      ? () => readBallots(bytes).count
      : () => (JSON.parse(new TextDecoder().decode(bytes)) as unknown[]).length;
  for (let i = 0; i < 3; i++) read();
  let best = Number.POSITIVE_INFINITY;
  let count = 0;
  for (let i = 0; i < READS; i++) {
    const start = process.hrtime.bigint();
    count = read();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(JSON.stringify({ ms: best, count }));
}

function run(reader: Reader, path: string): { ms: number; count: number } {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [self, 'sample', reader, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${reader} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const random = seededRandom(0x1badb002);

async function main(): Promise<void> {
  const ballots = Array.from({ length: 300_000 }, () =>
    Array.from({ length: 8 }, () => Math.floor(random() * 9)),
  );
  const dir = mkdtempSync(join(tmpdir(), 'imago-read-ballots-bench-'));
  try {
    console.log(`readBallots vs JSON.parse (median of ${RUNS} processes, fastest of ${READS} reads each)`);
    for (const [label, text] of [
      ['300k ballots × 8, compact', JSON.stringify(ballots)],
      ['300k ballots × 8, indented', JSON.stringify(ballots, null, 1)],
    ] as const) {
      const path = join(dir, 'ballots.json');
      writeFileSync(path, text);
      const times: Record<Reader, number[]> = { readBallots: [], 'JSON.parse': [] };
      for (let i = 0; i < RUNS; i++) {
        for (const reader of i % 2 === 0 ? readers : [...readers].reverse()) {
          const { ms, count } = run(reader, path);
          if (count !== ballots.length) throw new Error(`${reader} read ${count} ballots`);
          times[reader].push(ms);
        }
      }
      const ours = median(times.readBallots);
      const anchor = median(times['JSON.parse']);
      console.log(
        `${label.padEnd(28)} JSON.parse ${anchor.toFixed(1).padStart(7)} ms   readBallots ${ours
          .toFixed(1)
          .padStart(7)} ms   ratio ${(ours / anchor).toFixed(3)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'sample') await sample(process.argv[3] as Reader, process.argv[4]!);
else await main();
