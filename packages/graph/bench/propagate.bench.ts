/**
 * Benchmark: indexed propagation against a naive full scan / full BFS over the same parsed graph
 * (100k groups, 1.2M edges). Run with `pnpm bench`. Prints, per mode, the mean cost of one query
 * and its ratio to the naive reference measured in the same run. Targets: geo and relation
 * ≤ 5%, theme ≤ 20%.
 */
import { createGeoIndex, type PropagateOptions, parseSerializedGraph, propagate } from '@imago/graph';
import { naivePropagate } from '../test/reference/naive-propagate.ts';
import { random, syntheticGraph } from './synthetic-graph.ts';

const GROUPS = Number(process.env.IMAGO_BENCH_GROUPS ?? 100_000);
const EDGES = Number(process.env.IMAGO_BENCH_EDGES ?? 1_200_000);
const NAIVE_QUERIES = Number(process.env.IMAGO_BENCH_NAIVE_QUERIES ?? 20);
const QUERIES = Number(process.env.IMAGO_BENCH_QUERIES ?? 400);

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

const cases: [string, PropagateOptions, number][] = [
  ['geo k=10', { by: 'geo' }, 0.05],
  ['geo k=10 radius 20 km', { by: 'geo', radiusKm: 20 }, 0.05],
  ['relation k=10', { by: 'relation' }, 0.05],
  ['relation k=100 maxHops 3', { by: 'relation', k: 100, maxHops: 3 }, 0.05],
  ['theme k=10', { by: 'theme' }, 0.2],
  ['theme k=10 themeDepth 1', { by: 'theme', themeDepth: 1 }, 0.2],
  ['composite k=10 (full scan)', { by: 'composite' }, Number.NaN],
];

const rows: string[] = [];
let failed = false;
for (const [name, options, target] of cases) {
  // Warm both paths up, then measure; results are checked equal on the naive sample.
  const naiveSources = sources.slice(0, NAIVE_QUERIES);
  const by = options.by!;
  let naiveTotal = 0;
  for (const from of naiveSources) {
    const [expected, ms] = time(() => naivePropagate(graph, from, { ...options, by }));
    naiveTotal += ms;
    const actual = propagate(graph, from, { ...options, geoIndex });
    const same =
      JSON.stringify(actual.map((t) => [t.key, t.score])) ===
      JSON.stringify(expected.map((t) => [t.key, t.score]));
    if (!same) throw new Error(`${name}: result differs from the naive reference for ${from}`);
  }
  const count = by === 'composite' ? NAIVE_QUERIES : sources.length;
  let total = 0;
  for (const from of sources.slice(0, count))
    total += time(() => propagate(graph, from, { ...options, geoIndex }))[1];
  const naiveMean = naiveTotal / naiveSources.length;
  const mean = total / count;
  const ratio = mean / naiveMean;
  const verdict = Number.isNaN(target)
    ? ''
    : ratio <= target
      ? `≤ ${target * 100}% ok`
      : `> ${target * 100}% FAIL`;
  if (!Number.isNaN(target) && ratio > target) failed = true;
  rows.push(
    `${name.padEnd(28)} naive ${naiveMean.toFixed(2).padStart(9)} ms   indexed ${mean.toFixed(3).padStart(9)} ms   ratio ${(ratio * 100).toFixed(2).padStart(6)}%   ${verdict}`,
  );
  log(rows.at(-1)!);
}
process.stdout.write(
  `graph: ${graph.order} nodes, ${graph.size} edges; parse ${parseMs.toFixed(0)} ms; spatial index ${indexMs.toFixed(0)} ms\n${rows.join('\n')}\n`,
);
geoIndex.dispose();
process.exitCode = failed ? 1 : 0;
