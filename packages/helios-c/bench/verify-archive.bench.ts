/**
 * Verifying an N-ballot BELENIOS-2048 archive made by belenios-tool 2.0 (default N = 1000):
 * `helios-c election verify` against `belenios-tool election verify`, both as separate processes
 * on the same cached archive, in two configurations:
 *
 * - **all cores**: neither pinned; helios-c checks ballots on one worker thread per core,
 *   belenios-tool uses one core;
 * - **one core**: both pinned to CPU 0 with `taskset -c 0` (helios-c then sees one core and checks
 *   ballots in its main thread).
 *
 * Each sample runs both tools in both configurations, the tool that goes first alternating from one
 * sample to the next; wall time and CPU time (user + system, from `/usr/bin/time`) are recorded.
 * Prints a table, then for each configuration the ratio helios-c / belenios-tool (median, min, max
 * over the samples) for wall and CPU time, with the load average before and after.
 *
 * Run (in `packages/helios-c`): `pnpm bench:verify`; or `pnpm bench` at the root. Environment:
 * `IMAGO_BENCH_BALLOTS` (N, default 1000), `IMAGO_BENCH_SAMPLES` (default 5),
 * `IMAGO_BENCH_CORES` (`all`, `one` or `both`, default `both`). The archive is cached under
 * `.cache/bench/` of the package (building the 1000-ballot one takes several minutes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { beleniosTool, benchArchive } from './support/belenios-archive';
import { type ChildTime, requireTimingTools, timeChild } from './support/child-time';

const ballots = positive('IMAGO_BENCH_BALLOTS', 1000);
const samples = positive('IMAGO_BENCH_SAMPLES', 5);
const cores = process.env.IMAGO_BENCH_CORES ?? 'both';
if (!['all', 'one', 'both'].includes(cores)) throw new Error('IMAGO_BENCH_CORES must be all, one or both');
const configurations = (
  [
    { name: 'all cores', pinned: false },
    { name: 'one core', pinned: true },
  ] as const
).filter((c) => cores === 'both' || (cores === 'one') === c.pinned);

const packageDir = process.cwd();
const heliosCli = join(packageDir, 'dist/cli/helios-c.js');
const log = (text: string) => process.stderr.write(`${text}\n`);

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
}

function summary(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number };
}

type Tool = 'helios-c' | 'belenios-tool';

interface Sample {
  readonly configuration: string;
  readonly first: Tool;
  readonly belenios: ChildTime;
  readonly helios: ChildTime;
  readonly load: number;
}

async function main(): Promise<void> {
  requireTimingTools();
  if (!existsSync(heliosCli))
    throw new Error(
      `${heliosCli} is missing: build the package first (pnpm build), or run pnpm bench:verify`,
    );
  const archive = await benchArchive(resolve(packageDir, '.cache/bench'), ballots, log);
  const node = process.execPath;
  const tools = {
    'belenios-tool': [beleniosTool, 'election', 'verify', `--dir=${archive.dir}`],
    'helios-c': [node, heliosCli, 'election', 'verify', `--dir=${archive.dir}`],
  } as const;
  const uptimeBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  log(`verifying ${archive.dir} (${ballots} ballots), ${samples} samples; load average ${load()}`);

  const results: Sample[] = [];
  for (let s = 0; s < samples; s++) {
    for (const configuration of configurations) {
      const order: Tool[] = s % 2 === 0 ? ['belenios-tool', 'helios-c'] : ['helios-c', 'belenios-tool'];
      const startLoad = loadavg()[0] as number;
      const times: Partial<Record<Tool, ChildTime>> = {};
      for (const tool of order) times[tool] = await timeChild(tools[tool], { pinned: configuration.pinned });
      const sample: Sample = {
        configuration: configuration.name,
        first: order[0] as Tool,
        belenios: times['belenios-tool'] as ChildTime,
        helios: times['helios-c'] as ChildTime,
        load: startLoad,
      };
      results.push(sample);
      log(
        `sample ${s + 1} ${configuration.name}: belenios-tool ${sample.belenios.wall.toFixed(1)} s, helios-c ${sample.helios.wall.toFixed(1)} s (load ${startLoad.toFixed(2)})`,
      );
    }
  }

  const f = (x: number) => x.toFixed(2).padStart(7);
  console.log(
    `helios-c election verify vs belenios-tool election verify, ${ballots}-ballot BELENIOS-2048 archive made by belenios-tool`,
  );
  console.log(
    `${process.version}, belenios-tool ${execFileSync(beleniosTool, ['--version'], { encoding: 'utf8' }).trim()}; load average before: ${uptimeBefore}`,
  );
  console.log('');
  console.log(
    '| sample | configuration | first | belenios-tool wall / CPU (s) | helios-c wall / CPU (s) | ratio wall | ratio CPU | load |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  results.forEach((r, i) => {
    console.log(
      `| ${Math.floor(i / configurations.length) + 1} | ${r.configuration} | ${r.first} | ${f(r.belenios.wall)} / ${f(r.belenios.cpu)} | ${f(r.helios.wall)} / ${f(r.helios.cpu)} | ${(r.helios.wall / r.belenios.wall).toFixed(2)} | ${(r.helios.cpu / r.belenios.cpu).toFixed(2)} | ${r.load.toFixed(2)} |`,
    );
  });
  console.log('');
  for (const configuration of configurations) {
    const rows = results.filter((r) => r.configuration === configuration.name);
    const wall = summary(rows.map((r) => r.helios.wall / r.belenios.wall));
    const cpu = summary(rows.map((r) => r.helios.cpu / r.belenios.cpu));
    const b = summary(rows.map((r) => r.belenios.wall));
    const h = summary(rows.map((r) => r.helios.wall));
    console.log(
      `${configuration.name} ratio helios-c / belenios-tool: wall ${wall.median.toFixed(2)} (min ${wall.min.toFixed(2)}, max ${wall.max.toFixed(2)}), CPU ${cpu.median.toFixed(2)} (min ${cpu.min.toFixed(2)}, max ${cpu.max.toFixed(2)}); median wall belenios-tool ${b.median.toFixed(1)} s, helios-c ${h.median.toFixed(1)} s`,
    );
  }
  console.log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

await main();
