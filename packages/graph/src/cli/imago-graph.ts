#!/usr/bin/env node
/**
 * @module
 * `imago-graph`: the command-line face of `@imago/graph`, a thin shell over `propagate`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GraphError } from '../errors/graph-error';
import { InvalidOptionsError } from '../errors/invalid-options-error';
import { NodeNotFoundError } from '../errors/node-not-found-error';
import { parseSerializedGraph } from '../model/parse-serialized-graph';
import { propagate } from '../propagation/propagate';
import { PROXIMITY_MODES, type PropagateOptions, type ProximityMode } from '../propagation/propagate-options';
import { createGeoIndex } from '../proximity/geo-index';
import { parseWeights } from './parse-weights';

const HELP = `imago-graph — proximity and propagation over a graph of groups

Usage:
  imago-graph propagate --graph FILE (--from KEY | --from-file FILE) --by geo|relation|theme|composite
                        [--k N] [--radius-km R] [--max-hops H] [--min-similarity S]
                        [--weights geo=W,theme=W,relation=W] [--geo-scale-km S]
                        [--theme-depth N] [--kind KIND]

FILE is graphology's JSON serialisation. Nodes: kind ("group" | "entity"), name, optional lat/lon
(decimal degrees), wikidata (QID) on entities. Edges: type ("located-in", "interested-in" or a
group-group relation type) and, on group-group edges, status ("accepted" | "proposed"; only
accepted relations count, a missing status does not).

Output: one JSON line {"from": KEY, "targets": [{"key", "score", ...}]} per source, targets best
first, ties by key ascending, source excluded, only groups, at most k (default 10).
  geo        score = distanceKm (haversine, R = 6371.0088 km), ascending
  relation   score = hops over accepted relations (either direction), ascending
  theme      score = similarity (Jaccard of interested-in sets, > 0), descending; sharedThemes
  composite  score = (wg/(1+d/s) + wr/hops + wt*similarity)/(wg+wr+wt) in [0,1], descending;
             weights default to 1 each; with --weights an omitted component weighs 0; s = 10 km
Limits (--radius-km, --max-hops, --min-similarity) filter targets whatever the mode.
--from-file: one key per line, blank lines skipped, one output line per key, in order.
Errors: one line on standard error; exit code 2 for a bad command line, 1 for bad input
(unreadable or malformed graph file, unknown key).
`;

/** A bad command line (exit code 2). */
class UsageError extends Error {}
/** Unreadable input (exit code 1). */
class InputError extends Error {}

function number(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(parsed) ||
    parsed < 0 ||
    (integer && !Number.isInteger(parsed))
  ) {
    throw new InvalidOptionsError(
      `--${name}: expected a non-negative ${integer ? 'integer' : 'number'}`,
      name,
    );
  }
  return parsed;
}

function readText(path: string, what: string): string {
  try {
    // A byte-order mark is not part of the JSON or of the first key.
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

function run(argv: string[]): void {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const [command, ...rest] = argv;
  if (command !== 'propagate')
    throw new UsageError(`unknown command ${JSON.stringify(command)} (try --help)`);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        graph: { type: 'string' },
        from: { type: 'string' },
        'from-file': { type: 'string' },
        by: { type: 'string' },
        k: { type: 'string' },
        'radius-km': { type: 'string' },
        'max-hops': { type: 'string' },
        'min-similarity': { type: 'string' },
        weights: { type: 'string' },
        'geo-scale-km': { type: 'string' },
        'theme-depth': { type: 'string' },
        kind: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const str = (name: string) => values[name] as string | undefined;
  if (!str('graph')) throw new UsageError('missing --graph FILE');
  if ((str('from') === undefined) === (str('from-file') === undefined)) {
    throw new UsageError('give exactly one of --from KEY or --from-file FILE');
  }
  const by = str('by');
  if (!by) throw new UsageError('missing --by geo|relation|theme|composite');
  if (!PROXIMITY_MODES.includes(by as ProximityMode)) {
    throw new UsageError(`--by: expected geo, relation, theme or composite, got ${JSON.stringify(by)}`);
  }
  const options: PropagateOptions = {
    by: by as ProximityMode,
    k: number('k', str('k'), true),
    radiusKm: number('radius-km', str('radius-km'), false),
    maxHops: number('max-hops', str('max-hops'), true),
    minSimilarity: number('min-similarity', str('min-similarity'), false),
    geoScaleKm: number('geo-scale-km', str('geo-scale-km'), false),
    themeDepth: number('theme-depth', str('theme-depth'), true),
    kind: str('kind'),
  };
  const weights = str('weights');
  if (weights !== undefined) options.weights = parseWeights(weights);
  const sources =
    str('from') !== undefined
      ? [str('from')!]
      : readText(str('from-file')!, 'key file')
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '');

  const graph = parseSerializedGraph(readText(str('graph')!, 'graph file'));
  // Check every key before printing anything, so a bad key never leaves half an output.
  sources.forEach((line, i) => {
    // A key is taken as written; surrounding blanks are dropped only if that makes it a node.
    if (!graph.hasNode(line) && graph.hasNode(line.trim())) sources[i] = line.trim();
    else if (!graph.hasNode(line))
      throw new NodeNotFoundError(`unknown node key ${JSON.stringify(line)}`, line);
  });
  if (options.by === 'geo' && sources.length > 4) {
    if (process.stderr.isTTY) process.stderr.write('indexing locations…\n');
    options.geoIndex = createGeoIndex(graph);
  }
  const lines: string[] = [];
  for (const from of sources) {
    lines.push(JSON.stringify({ from, targets: propagate(graph, from, options) }));
  }
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

try {
  run(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`imago-graph: ${message.replace(/\s+/g, ' ')}\n`);
  const usage =
    error instanceof UsageError || (GraphError.isInstance(error) && error.code === InvalidOptionsError.code);
  process.exitCode = usage ? 2 : 1;
}
