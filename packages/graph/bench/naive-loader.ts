/**
 * The anchor of the loading benchmark: the simplest program that answers one `propagate`
 * question from a graphology JSON file. It parses the JSON, builds plain adjacency maps (node
 * key → attributes and incident edges) and runs the naive full-scan reference of
 * test/reference once. No checks, no index.
 *
 *   node bench/naive-loader.ts GRAPH.json FROM BY [K]
 *
 * Prints one line like `imago-graph propagate`: {"from", "targets"}.
 */
import { readFileSync } from 'node:fs';
import { type NaiveGraph, type NaiveOptions, naivePropagate } from '../test/reference/naive-propagate.ts';

type Bag = Record<string, unknown>;
interface SerializedEdge {
  source: string | number;
  target: string | number;
  attributes: Bag;
  undirected?: boolean;
}
interface Entry {
  attributes: Bag;
  edges: SerializedEdge[];
}

const [path, from, by, k] = process.argv.slice(2);
if (!path || !from || !by) {
  process.stderr.write('usage: node bench/naive-loader.ts GRAPH.json FROM BY [K]\n');
  process.exit(2);
}
const data = JSON.parse(readFileSync(path, 'utf8')) as {
  options?: { type?: string };
  nodes: { key: string | number; attributes: Bag }[];
  edges?: SerializedEdge[];
};
const adjacency = new Map<string, Entry>();
for (const node of data.nodes) adjacency.set(String(node.key), { attributes: node.attributes, edges: [] });
for (const edge of data.edges ?? []) {
  const source = adjacency.get(String(edge.source))!;
  const target = adjacency.get(String(edge.target))!;
  source.edges.push(edge);
  if (target !== source) target.edges.push(edge);
}
const undirectedByDefault = data.options?.type === 'undirected';
type EdgeCallback = (
  edge: string,
  a: Bag,
  s: string,
  t: string,
  sa: Bag,
  ta: Bag,
  undirected: boolean,
) => void;
function report(edge: SerializedEdge, callback: EdgeCallback): void {
  const source = String(edge.source);
  const target = String(edge.target);
  callback(
    '',
    edge.attributes,
    source,
    target,
    adjacency.get(source)!.attributes,
    adjacency.get(target)!.attributes,
    edge.undirected ?? undirectedByDefault,
  );
}
const graph = {
  forEachNode(callback: (key: string, attributes: Bag) => void) {
    for (const [key, entry] of adjacency) callback(key, entry.attributes);
  },
  getNodeAttributes: (key: string) => adjacency.get(key)!.attributes,
  getNodeAttribute: (key: string, name: string) => adjacency.get(key)!.attributes[name],
  forEachEdge(node: string, callback: EdgeCallback) {
    for (const edge of adjacency.get(node)!.edges) report(edge, callback);
  },
  forEachOutboundEdge(node: string, callback: EdgeCallback) {
    for (const edge of adjacency.get(node)!.edges) {
      if (String(edge.source) === node || (edge.undirected ?? undirectedByDefault)) report(edge, callback);
    }
  },
} as unknown as NaiveGraph;
const options: NaiveOptions = { by: by as NaiveOptions['by'], ...(k === undefined ? {} : { k: Number(k) }) };
process.stdout.write(`${JSON.stringify({ from, targets: naivePropagate(graph, from, options) })}\n`);
