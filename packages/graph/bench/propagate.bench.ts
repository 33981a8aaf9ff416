/**
 * Benchmark: indexed propagation against a full scan / full BFS over the same parsed graph
 * (100k groups, 1.2M edges; sizes can be changed with IMAGO_BENCH_GROUPS / IMAGO_BENCH_EDGES).
 * Run with `pnpm bench`. Prints, per mode, the mean cost of one query and its ratio to the full
 * pass measured in the same run. Targets: geo and relation ≤ 5%, theme ≤ 20%.
 */
import { createGeoIndex, type PropagateOptions, parseSerializedGraph, propagate } from '@imago/graph';
import { naivePropagate } from '../test/reference/naive-propagate.ts';
import { random, syntheticGraph } from './synthetic-graph.ts';

const GROUPS = Number(process.env.IMAGO_BENCH_GROUPS ?? 100_000);
const EDGES = Number(process.env.IMAGO_BENCH_EDGES ?? 1_200_000);
const NAIVE_QUERIES = Number(process.env.IMAGO_BENCH_NAIVE_QUERIES ?? 5);
const QUERIES = Number(process.env.IMAGO_BENCH_QUERIES ?? 200);

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

log(`generating ${GROUPS} groups, ${EDGES} edges…`);
const [serialized, generateMs] = time(() => syntheticGraph(GROUPS, EDGES));
const [graph, parseMs] = time(() => parseSerializedGraph(serialized));
log(
  `generated in ${generateMs.toFixed(0)} ms, parsed in ${parseMs.toFixed(0)} ms: ${graph.order} nodes, ${graph.size} edges`,
);
const [geoIndex, indexMs] = time(() => createGeoIndex(graph));
log(`spatial index built in ${indexMs.toFixed(0)} ms`);

const rand = random(7);
const sources = Array.from({ length: QUERIES }, () => `group${Math.floor(rand() * GROUPS)}`);

// The anchor of each mode is a plain full pass over the same parsed graph: for geo, the
// package's own scan of every group (no spatial index); for relation, a full breadth-first
// search (no early exit); for theme, the theme sets of every group. The reference
// implementation in test/reference also checks that the indexed answers are right.
const fullScan = (from: string, options: PropagateOptions) =>
  options.by === 'geo'
    ? propagate(graph, from, options)
    : naivePropagate(graph, from, { ...options, by: options.by! });

const cases: [string, PropagateOptions, number][] = [
  ['geo k=10', { by: 'geo' }, 0.05],
  ['geo k=10 radius 20 km', { by: 'geo', radiusKm: 20 }, 0.05],
  ['relation k=10', { by: 'relation' }, 0.05],
  ['relation k=100 maxHops 3', { by: 'relation', k: 100, maxHops: 3 }, 0.05],
  ['theme k=10', { by: 'theme' }, 0.2],
  ['theme k=10 themeDepth 1', { by: 'theme', themeDepth: 1 }, 0.2],
];

const same = (a: { key: string; score: number }[], b: { key: string; score: number }[]) =>
  JSON.stringify(a.map((t) => [t.key, t.score])) === JSON.stringify(b.map((t) => [t.key, t.score]));

const rows: string[] = [];
let failed = false;
for (const [name, options, target] of cases) {
  const anchorSources = sources.slice(0, NAIVE_QUERIES);
  let anchorTotal = 0;
  for (const from of anchorSources) {
    const [expected, ms] = time(() => fullScan(from, options));
    anchorTotal += ms;
    if (!same(propagate(graph, from, { ...options, geoIndex }), expected)) {
      throw new Error(`${name}: indexed answer differs from the full scan for ${from}`);
    }
  }
  if (options.by === 'geo') {
    const from = anchorSources[0]!;
    if (
      !same(
        propagate(graph, from, { ...options, geoIndex }),
        naivePropagate(graph, from, { ...options, by: 'geo' }),
      )
    ) {
      throw new Error(`${name}: indexed answer differs from the reference for ${from}`);
    }
  }
  let total = 0;
  for (const from of sources) total += time(() => propagate(graph, from, { ...options, geoIndex }))[1];
  const anchorMean = anchorTotal / anchorSources.length;
  const mean = total / sources.length;
  const ratio = mean / anchorMean;
  if (ratio > target) failed = true;
  rows.push(
    `${name.padEnd(26)} full pass ${anchorMean.toFixed(1).padStart(9)} ms   indexed ${mean.toFixed(3).padStart(8)} ms   ratio ${(ratio * 100).toFixed(3).padStart(7)}%   ${ratio <= target ? 'ok' : 'FAIL'} (target ≤ ${target * 100}%)`,
  );
  log(rows.at(-1)!);
}
process.stdout.write(
  `graph: ${graph.order} nodes, ${graph.size} edges; parse ${parseMs.toFixed(0)} ms; spatial index ${indexMs.toFixed(0)} ms\n${rows.join('\n')}\n`,
);
geoIndex.dispose();
process.exitCode = failed ? 1 : 0;
