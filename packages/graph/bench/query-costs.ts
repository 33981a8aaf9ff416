/**
 * Per-query cost of `propagate` with its indexes against a full pass, both over the same graph
 * loaded from a file in this process (run by propagate.bench.ts, one process per graph model).
 *
 *   node bench/query-costs.ts GRAPH.json|GRAPH.snapshot graphology|compact GROUPS
 *
 * The anchor of each mode is a plain full pass over the same graph: for geo, the package's own
 * scan of every group (no spatial index); for relation, the naive reference's full
 * breadth-first search; for theme, the naive reference's theme set of every group. Rounds
 * alternate which runs first; each round times one anchor query and a batch of indexed ones.
 * Every anchor's answer is compared with the indexed answer for the same source. Prints one
 * JSON object.
 */
import { readFileSync } from 'node:fs';
import {
  createGeoIndex,
  createThemeIndex,
  type PropagateOptions,
  propagate,
  type ReadableGraph,
  readCompactGraph,
  readSerializedGraph,
  resolveLocation,
} from '@imago/graph';
import { isGraphSnapshot, readGraphSnapshot } from '@imago/graph/snapshot';
import { naivePropagate } from '../test/reference/naive-propagate.ts';
import { random } from './synthetic-graph.ts';

const [path, model, groupCount] = process.argv.slice(2) as [string, string, string];
const ROUNDS = Number(process.env.IMAGO_BENCH_ROUNDS ?? 5);
const INDEXED_PER_ROUND = Number(process.env.IMAGO_BENCH_QUERIES ?? 40);
const log = (line: string) => process.stderr.write(`${line}\n`);

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

const [graph, loadMs] = time((): ReadableGraph => {
  const bytes = readFileSync(path);
  if (isGraphSnapshot(bytes)) return readGraphSnapshot(bytes);
  const text = bytes.toString('utf8');
  return model === 'graphology' ? readSerializedGraph(text) : readCompactGraph(text);
});
log(`${model}: ${graph.order} nodes, ${graph.size} edges, loaded in ${loadMs.toFixed(0)} ms`);
const [geoIndex, geoIndexMs] = time(() => createGeoIndex(graph));
const [themeIndex, themeIndexMs] = time(() => createThemeIndex(graph));
const [, themeIndexDepth1Ms] = time(() => themeIndex.prepare(1));

const rand = random(7);
// A source without a location reaches nobody by geo, at once, indexed or not: such sources
// would measure nothing, so geo draws only located groups.
const source = (by?: string): string => {
  const key = `group${Math.floor(rand() * Number(groupCount))}`;
  return by === 'geo' && !resolveLocation(graph, key) ? source(by) : key;
};

const fullPass = (from: string, options: PropagateOptions) =>
  options.by === 'geo'
    ? propagate(graph, from, options)
    : naivePropagate(graph, from, { ...options, by: options.by! });
const indexed = (from: string, options: PropagateOptions) =>
  propagate(graph, from, { ...options, geoIndex, themeIndex });
const keyScores = (targets: { key: string; score: number }[]) =>
  JSON.stringify(targets.map((t) => [t.key, t.score]));

const cases: [string, PropagateOptions][] = [
  ['geo k=10', { by: 'geo' }],
  ['geo k=10 radius 20 km', { by: 'geo', radiusKm: 20 }],
  ['relation k=10', { by: 'relation' }],
  ['relation k=100 maxHops 3', { by: 'relation', k: 100, maxHops: 3 }],
  ['theme k=10', { by: 'theme' }],
  ['theme k=10 themeDepth 1', { by: 'theme', themeDepth: 1 }],
];

const results = [];
for (const [name, options] of cases) {
  // One query of each kind first, not counted: compiling the code paths is not their cost.
  fullPass(source(options.by), options);
  indexed(source(options.by), options);
  const ratios: number[] = [];
  let anchorTotal = 0;
  let indexedTotal = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const anchorSource = source(options.by);
    const batch = Array.from({ length: INDEXED_PER_ROUND }, () => source(options.by));
    const runAnchor = () => {
      const [expected, ms] = time(() => fullPass(anchorSource, options));
      if (keyScores(indexed(anchorSource, options)) !== keyScores(expected)) {
        throw new Error(`${name}: indexed answer differs from the full pass for ${anchorSource}`);
      }
      return ms;
    };
    const runIndexed = () =>
      time(() => {
        for (const from of batch) indexed(from, options);
      })[1] / batch.length;
    let anchorMs: number;
    let indexedMs: number;
    if (round % 2 === 0) {
      anchorMs = runAnchor();
      indexedMs = runIndexed();
    } else {
      indexedMs = runIndexed();
      anchorMs = runAnchor();
    }
    anchorTotal += anchorMs;
    indexedTotal += indexedMs;
    ratios.push(indexedMs / anchorMs);
  }
  const result = {
    name,
    fullPassMs: anchorTotal / ROUNDS,
    indexedMs: indexedTotal / ROUNDS,
    ratios: ratios.sort((a, b) => a - b),
  };
  log(
    `${model} ${name}: full pass ${result.fullPassMs.toFixed(1)} ms, indexed ${result.indexedMs.toFixed(3)} ms`,
  );
  results.push(result);
}
process.stdout.write(
  `${JSON.stringify({ model, loadMs, geoIndexMs, themeIndexMs, themeIndexDepth1Ms, results })}\n`,
);
