#!/usr/bin/env node
/**
 * @module
 * `imago-graph`: the command-line face of `@imago/graph`, a thin shell over `propagate` and the
 * graph snapshot format. A graph is only read here, so it is loaded into a `CompactGraph`.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CompactGraph } from '../compact/compact-graph';
import { readCompactGraph } from '../compact/parse-compact-graph';
import { GraphError } from '../errors/graph-error';
import { InvalidOptionsError } from '../errors/invalid-options-error';
import { NodeNotFoundError } from '../errors/node-not-found-error';
import { propagate } from '../propagation/propagate';
import { PROXIMITY_MODES, type PropagateOptions, type ProximityMode } from '../propagation/propagate-options';
import { createGeoIndex } from '../proximity/geo-index';
import { createThemeIndex } from '../proximity/theme-index';
import { GRAPH_SNAPSHOT_VERSION, isGraphSnapshot } from '../snapshot/graph-snapshot-format';
import { readGraphSnapshot } from '../snapshot/parse-graph-snapshot';
import { writeGraphSnapshot } from '../snapshot/write-graph-snapshot';
import { readWeights } from './read-weights';

const HELP = `imago-graph — proximity and propagation over a graph of groups

Usage:
  imago-graph propagate --graph FILE (--from KEY | --from-file FILE) --by geo|relation|theme|composite
                        [--k N] [--radius-km R] [--max-hops H] [--min-similarity S]
                        [--weights geo=W,theme=W,relation=W] [--geo-scale-km S]
                        [--theme-depth N] [--kind KIND]
  imago-graph snapshot --graph FILE --out SNAPSHOT

FILE is graphology's JSON serialisation, or a snapshot written by "imago-graph snapshot"
(recognised by its first bytes; it loads many times faster). Nodes: kind ("group" | "entity"),
name, optional lat/lon (decimal degrees), wikidata (QID) on entities. Edges: type ("located-in",
"interested-in" or a group-group relation type) and, on group-group edges, status ("accepted" |
"proposed"; only accepted relations count, a missing status does not).

Output: one JSON line {"from": KEY, "targets": [{"key", "score", ...}]} per source, targets best
first, ties by key ascending, source excluded, only groups, at most k (default 10).
  geo        score = distanceKm (haversine, R = 6371.0088 km), ascending
  relation   score = hops over accepted relations (either direction), ascending
  theme      score = similarity (Jaccard of interested-in sets, > 0), descending; sharedThemes
  composite  score = (wg/(1+d/s) + wr/hops + wt*similarity)/(wg+wr+wt) in [0,1], descending;
             weights default to 1 each; with --weights an omitted component weighs 0; s = 10 km
Limits (--radius-km, --max-hops, --min-similarity) filter targets whatever the mode.
--from-file: one key per line, blank lines skipped, one output line per key, in order.
snapshot: writes FILE as a snapshot (binary, versioned, checked on reading) and prints one JSON
line {"snapshot", "version", "nodes", "edges", "bytes"}.
Errors: one line on standard error naming the file (and the place in it); exit code 2 for a bad
command line, 1 for bad input (unreadable or malformed graph file or snapshot, unknown key) or an
unwritable output. imago-graph --version prints the version.
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

function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** UTF-8 text without its byte-order mark, which is not part of the JSON or of the first key. */
function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readText(path: string, what: string): string {
  return decode(readBytes(path, what));
}

/** A graph file, JSON or snapshot, as a read-only compact graph. */
function readGraph(path: string): CompactGraph {
  if (process.stderr.isTTY) process.stderr.write(`reading ${path}…\n`);
  const bytes = readBytes(path, 'graph file');
  // From the bytes, the JSON is parsed a piece at a time: its whole tree never exists.
  return inFile(path, () => (isGraphSnapshot(bytes) ? readGraphSnapshot(bytes) : readCompactGraph(bytes)));
}

/** Runs `parse`, naming the file in its error. */
function inFile<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (GraphError.isInstance(error)) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

const USAGE_OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

function readCommandLine<T extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(
  args: string[],
  options: T,
): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { ...options, ...USAGE_OPTIONS },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

function snapshotCommand(args: string[]): void {
  const values = readCommandLine(args, { graph: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const [input, out] = [values.graph, values.out] as [string | undefined, string | undefined];
  if (!input) throw new UsageError('missing --graph FILE');
  if (!out) throw new UsageError('missing --out SNAPSHOT');
  const graph = readGraph(input);
  const bytes = writeGraphSnapshot(graph);
  // Written beside, then renamed: a reader never sees half a snapshot under the final name.
  const partial = `${out}.partial-${process.pid}`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new InputError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const summary = { snapshot: out, version: GRAPH_SNAPSHOT_VERSION, nodes: graph.order, edges: graph.size };
  process.stdout.write(`${JSON.stringify({ ...summary, bytes: bytes.length })}\n`);
}

function propagateCommand(args: string[]): void {
  const values = readCommandLine(args, {
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
  });
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
  if (weights !== undefined) options.weights = readWeights(weights);
  const keyFile = str('from-file');
  // Each key with where it was given: the command line, or its line in the key file.
  const sources =
    keyFile === undefined
      ? [{ key: str('from')!, where: '--from' }]
      : readText(keyFile, 'key file')
          .split(/\r?\n/)
          .map((key, i) => ({ key, where: `${keyFile}: line ${i + 1}` }))
          .filter(({ key }) => key.trim() !== '');

  const graphFile = str('graph')!;
  const graph = readGraph(graphFile);
  // Check every key before printing anything, so a bad key never leaves half an output.
  for (const source of sources) {
    // A key is taken as written; surrounding blanks are dropped only if that makes it a node.
    if (!graph.hasNode(source.key) && graph.hasNode(source.key.trim())) source.key = source.key.trim();
    else if (!graph.hasNode(source.key)) {
      const message = `${source.where}: no node ${JSON.stringify(source.key)} in ${graphFile}`;
      throw new NodeNotFoundError(message, source.key);
    }
  }
  // An index pays for itself over several sources; a single query is as fast without.
  if (options.by === 'geo' && sources.length > 4) {
    if (process.stderr.isTTY) process.stderr.write('indexing locations…\n');
    options.geoIndex = createGeoIndex(graph);
  }
  if (options.by === 'theme' && sources.length > 4) {
    if (process.stderr.isTTY) process.stderr.write('indexing themes…\n');
    options.themeIndex = createThemeIndex(graph);
  }
  const lines: string[] = [];
  for (const { key: from } of sources) {
    lines.push(JSON.stringify({ from, targets: propagate(graph, from, options) }));
  }
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

function run(argv: string[]): void {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (argv[0] === '--version') {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`imago-graph ${version} (@imago/graph)\n`);
    return;
  }
  const [command, ...rest] = argv;
  if (command === 'propagate') propagateCommand(rest);
  else if (command === 'snapshot') snapshotCommand(rest);
  else throw new UsageError(`unknown command ${JSON.stringify(command)} (try --help)`);
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
