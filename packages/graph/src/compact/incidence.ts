/**
 * @module
 * Incidence lists of a `CompactGraph` in compressed sparse rows: for each node, the edges
 * at it, in edge order, without an adjacency map per node.
 */

/** Incidence lists in compressed sparse rows: the edges of node i are `edges[start[i]..start[i+1]]`. */
export interface Incidence {
  start: Uint32Array;
  edges: Uint32Array;
}

/**
 * Lists of the edges picked by `kind` (0: none, 1: at its source, 2: at its target, 3: at both
 * ends, once for a self-loop), per node.
 */
export function incidence(
  nodes: number,
  source: Uint32Array,
  target: Uint32Array,
  kind: (edge: number) => number,
): Incidence {
  const edgeCount = source.length;
  const start = new Uint32Array(nodes + 1);
  for (let e = 0; e < edgeCount; e++) {
    const k = kind(e);
    if (k & 1) start[source[e]! + 1]!++;
    if (k & 2 && !(k === 3 && source[e] === target[e])) start[target[e]! + 1]!++;
  }
  for (let i = 0; i < nodes; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nodes);
  const edges = new Uint32Array(start[nodes]!);
  for (let e = 0; e < edgeCount; e++) {
    const k = kind(e);
    if (k & 1) edges[fill[source[e]!]!++] = e;
    if (k & 2 && !(k === 3 && source[e] === target[e])) edges[fill[target[e]!]!++] = e;
  }
  return { start, edges };
}

/**
 * Calls `visit(edge)` for each edge of `node`'s list, in order: all of them, or only those whose
 * other end is `other` (when `other >= 0`), self-loops left out when `skipSelfLoops`.
 */
export function forEachIncidentEdge(
  list: Incidence,
  source: Uint32Array,
  target: Uint32Array,
  node: number,
  other: number,
  skipSelfLoops: boolean,
  visit: (edge: number) => void,
): void {
  const { edges } = list;
  const end = list.start[node + 1]!;
  for (let i = list.start[node]!; i < end; i++) {
    const e = edges[i]!;
    const s = source[e]!;
    const t = target[e]!;
    if (skipSelfLoops && s === t) continue;
    if (other >= 0 && (s === node ? t : s) !== other) continue;
    visit(e);
  }
}
