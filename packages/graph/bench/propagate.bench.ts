/**
 * Benchmark of `imago-graph` and `propagate` at scale (run with `pnpm bench`, which builds the
 * package first). On a seeded synthetic graph of 100k groups and 1.2M edges (sizes from
 * IMAGO_BENCH_GROUPS / IMAGO_BENCH_EDGES), written under .cache/bench/ once:
 *
 * 1. Loading: one `imago-graph propagate` call, from the JSON file and from its snapshot, each a
 *    separate process, against the naive loader (bench/naive-loader.ts: JSON parse, adjacency
 *    maps, one full-scan query) measured in the same run. For each mode, IMAGO_BENCH_ROUNDS
 *    rounds (default 5) run the three programs in rotating order; each program's wall time,
 *    CPU time and peak RSS (getrusage, reported at exit) give a ratio to the naive loader's in
 *    the same round. Goal: wall and RSS ratios ≤ 1 (judged on the median round; the machine is
 *    shared, so how many rounds met it is printed too).
 * 2. Queries: per-query cost of `propagate` with its spatial and thematic indexes against a full
 *    pass over the same loaded graph (bench/query-costs.ts), for the graphology multigraph and
 *    the compact graph, each in a process of its own. Goals: geo and relation ≤ 5%, theme ≤ 20%.
 *
 * Prints ratios (min / median / max over rounds), the machine's load before and after, and exits
 * non-zero when a goal is missed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GROUPS = Number(process.env.IMAGO_BENCH_GROUPS ?? 100_000);
const EDGES = Number(process.env.IMAGO_BENCH_EDGES ?? 1_200_000);
const SEED = 42;
const ROUNDS = Number(process.env.IMAGO_BENCH_ROUNDS ?? 5);
const MODES = (process.env.IMAGO_BENCH_MODES ?? 'geo,relation,theme').split(',');
const QUERY_MODELS = (process.env.IMAGO_BENCH_MODELS ?? 'compact,graphology').split(',');

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const bench = (file: string) => join(packageDir, 'bench', file);
const CLI = join(packageDir, 'dist', 'cli', 'imago-graph.js');
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

interface Usage {
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
  stdout: string;
}

/** Run `node --import report-usage.ts …args` to completion; its wall time, CPU time and peak RSS. */
function measure(args: string[]): Usage {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', bench('report-usage.ts'), ...args], {
    cwd: packageDir,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - start;
  const report = /@usage (\{.*\})\s*$/.exec(child.stderr);
  if (child.status !== 0 || !report) {
    throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  }
  const { maxRssKiB, cpuMs } = JSON.parse(report[1]!) as { maxRssKiB: number; cpuMs: number };
  return { wallMs, cpuMs, maxRssKiB, stdout: child.stdout };
}

function run(args: string[]): string {
  const child = spawnSync(process.execPath, args, { cwd: packageDir, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  return child.stdout;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** "ok" or "FAIL" for the median, and how many rounds met the goal. */
const verdict = (ratios: number[], goal: number, shown = String(goal)) =>
  `${median(ratios) <= goal ? 'ok' : 'FAIL'} (${ratios.filter((r) => r <= goal).length}/${ratios.length} rounds ≤ ${shown})`;

const spread = (values: number[], digits = 2) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${median(sorted).toFixed(digits)} (${sorted[0]!.toFixed(digits)}–${sorted.at(-1)!.toFixed(digits)})`;
};

const startLoad = load();
log(`load average ${startLoad}; ${cpus().length} CPUs; node ${process.version}`);

// The graph file, named after the generator's source so that a changed generator makes a new one.
const generator = createHash('sha256')
  .update(readFileSync(bench('synthetic-graph.ts')))
  .digest('hex');
const cache = join(packageDir, '.cache', 'bench');
mkdirSync(cache, { recursive: true });
const base = join(cache, `graph-${GROUPS}-${EDGES}-${SEED}-${generator.slice(0, 12)}`);
const graphFile = `${base}.json`;
const snapshotFile = `${base}.snapshot`;
if (!existsSync(graphFile)) {
  log(`writing ${graphFile}…`);
  run([
    bench('write-synthetic-graph.ts'),
    `${graphFile}.partial`,
    String(GROUPS),
    String(EDGES),
    String(SEED),
  ]);
  renameSync(`${graphFile}.partial`, graphFile);
}
const written = measure([CLI, 'snapshot', '--graph', graphFile, '--out', snapshotFile]);
const jsonMB = statSync(graphFile).size / 1e6;
const snapshotMB = statSync(snapshotFile).size / 1e6;
log(`snapshot written in ${(written.wallMs / 1000).toFixed(1)} s`);

const lines: string[] = [
  `graph: ${GROUPS} groups, ${EDGES} edges; JSON ${jsonMB.toFixed(1)} MB, snapshot ${snapshotMB.toFixed(1)} MB ` +
    `(imago-graph snapshot: ${(written.wallMs / 1000).toFixed(1)} s, ${(written.maxRssKiB / 1024).toFixed(0)} MB)`,
  '',
  `1. one imago-graph propagate call against the naive loader, ${ROUNDS} rounds in rotating order`,
  '   ratio = imago-graph / naive loader in the same round: median (min–max); goal ≤ 1',
];
let failed = false;
const key = (group: number) => `group${group}`;
for (const mode of MODES) {
  const from = key(Math.floor(GROUPS / 3));
  const programs = {
    naive: [bench('naive-loader.ts'), graphFile, from, mode],
    json: [CLI, 'propagate', '--graph', graphFile, '--from', from, '--by', mode],
    snapshot: [CLI, 'propagate', '--graph', snapshotFile, '--from', from, '--by', mode],
  };
  const names = Object.keys(programs) as (keyof typeof programs)[];
  const samples: Record<string, Usage[]> = { naive: [], json: [], snapshot: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) samples[name]!.push(measure(programs[name]));
    log(
      `${mode} round ${round + 1}: ${order.map((n) => `${n} ${(samples[n]!.at(-1)!.wallMs / 1000).toFixed(2)} s`).join(', ')}`,
    );
  }
  // Same answer from all three (the naive loader reports fewer details: compare keys and scores).
  const answers = names.map((name) =>
    JSON.stringify(
      (JSON.parse(samples[name]![0]!.stdout) as { targets: { key: string; score: number }[] }).targets.map(
        (t) => [t.key, t.score],
      ),
    ),
  );
  if (new Set(answers).size !== 1)
    throw new Error(`${mode}: the three programs disagree: ${answers.join(' / ')}`);
  const naive = samples.naive!;
  lines.push(
    `   ${mode.padEnd(9)} naive loader: wall ${spread(naive.map((u) => u.wallMs / 1000))} s, ` +
      `CPU ${spread(naive.map((u) => u.cpuMs / 1000))} s, peak RSS ${spread(
        naive.map((u) => u.maxRssKiB / 1024),
        0,
      )} MB`,
  );
  for (const name of ['json', 'snapshot'] as const) {
    const mine = samples[name]!;
    const wall = mine.map((u, i) => u.wallMs / naive[i]!.wallMs);
    const cpu = mine.map((u, i) => u.cpuMs / naive[i]!.cpuMs);
    const rss = mine.map((u, i) => u.maxRssKiB / naive[i]!.maxRssKiB);
    if (median(wall) > 1 || median(rss) > 1) failed = true;
    const mb = spread(
      mine.map((u) => u.maxRssKiB / 1024),
      0,
    );
    lines.push(
      `   ${''.padEnd(9)} from ${name.padEnd(8)}: wall ${spread(mine.map((u) => u.wallMs / 1000))} s, peak RSS ${mb} MB`,
      `   ${''.padEnd(9)}   ratios: wall ${spread(wall)} ${verdict(wall, 1)}; RSS ${spread(rss)} ${verdict(rss, 1)}; CPU ${spread(cpu)}`,
    );
  }
}

lines.push(
  '',
  '2. per-query cost with the indexes against a full pass over the same loaded graph',
  '   ratio = indexed / full pass, per round: median (min–max)',
);
for (const model of QUERY_MODELS) {
  log(`query costs on the ${model} graph…`);
  const output = run([
    '--max-old-space-size=6144',
    bench('query-costs.ts'),
    model === 'compact' ? snapshotFile : graphFile,
    model,
    String(GROUPS),
  ]);
  const costs = JSON.parse(output) as {
    loadMs: number;
    geoIndexMs: number;
    themeIndexMs: number;
    themeIndexDepth1Ms: number;
    results: { name: string; fullPassMs: number; indexedMs: number; ratios: number[] }[];
  };
  lines.push(
    `   ${model} graph: loaded in ${(costs.loadMs / 1000).toFixed(1)} s; spatial index ${costs.geoIndexMs.toFixed(0)} ms, ` +
      `theme index ${costs.themeIndexMs.toFixed(0)} ms (+${costs.themeIndexDepth1Ms.toFixed(0)} ms for themeDepth 1)`,
  );
  for (const { name, fullPassMs, indexedMs, ratios } of costs.results) {
    const goal = name.startsWith('theme') ? 0.2 : 0.05;
    if (median(ratios) > goal) failed = true;
    const percent = spread(
      ratios.map((r) => r * 100),
      3,
    );
    lines.push(
      `   ${name.padEnd(26)} full pass ${fullPassMs.toFixed(1).padStart(8)} ms  indexed ${indexedMs.toFixed(3).padStart(8)} ms  ` +
        `ratio ${percent} %  ${verdict(ratios, goal, `${goal * 100}%`)}`,
    );
  }
}
lines.push(
  '',
  `load average before: ${startLoad}; after: ${load()}; ${cpus().length} CPUs; node ${process.version}`,
);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = failed ? 1 : 0;
