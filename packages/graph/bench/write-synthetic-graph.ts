/**
 * Write the synthetic benchmark graph (see synthetic-graph.ts) as graphology's JSON
 * serialisation, the file `imago-graph` and the naive loader read.
 *
 *   node bench/write-synthetic-graph.ts OUT.json GROUPS EDGES SEED
 */
import { writeFileSync } from 'node:fs';
import { syntheticGraph } from './synthetic-graph.ts';

const [out, groups, edges, seed] = process.argv.slice(2);
if (!out || !groups || !edges || !seed) {
  process.stderr.write('usage: node bench/write-synthetic-graph.ts OUT.json GROUPS EDGES SEED\n');
  process.exit(2);
}
const graph = syntheticGraph(Number(groups), Number(edges), Number(seed));
writeFileSync(
  out,
  JSON.stringify({ options: { type: 'mixed', multi: true, allowSelfLoops: true }, ...graph }),
);
