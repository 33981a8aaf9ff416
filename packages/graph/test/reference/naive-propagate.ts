/**
 * A deliberately naive reference of `propagate`, written apart from the package's code: full
 * scans and full breadth-first searches over the whole graph, no index, no early exit. Tests
 * check the package against it on random graphs; the benchmark measures the package against it.
 * It imports nothing from `src/` (and only types at all, so Node runs it as is).
 */
import type { AbstractGraph } from 'graphology-types';

/** All the reference reads of a graph: any graphology graph, or the benchmark's plain adjacency maps. */
export type NaiveGraph = Pick<
  // biome-ignore lint/suspicious/noExplicitAny: reference over any graph
  AbstractGraph<any, any, any>,
  'forEachNode' | 'forEachEdge' | 'forEachOutboundEdge' | 'getNodeAttributes' | 'getNodeAttribute'
>;
type G = NaiveGraph;

export interface NaiveOptions {
  by: 'geo' | 'relation' | 'theme' | 'composite';
  k?: number;
  radiusKm?: number;
  maxHops?: number;
  minSimilarity?: number;
  weights?: { geo?: number; relation?: number; theme?: number };
  geoScaleKm?: number;
  themeDepth?: number;
  kind?: string;
}

export interface NaiveTarget {
  key: string;
  score: number;
  distanceKm?: number;
  hops?: number;
  similarity?: number;
  sharedThemes?: string[];
}

const R = 6371.0088;
const NOT_RELATIONS = ['located-in', 'interested-in', 'subclass-of', 'instance-of'];

const isGroup = (graph: G, key: string) => graph.getNodeAttribute(key, 'kind') === 'group';

function coordinatesOf(graph: G, key: string): [number, number] | null {
  const a = graph.getNodeAttributes(key);
  if (
    typeof a.lat === 'number' &&
    typeof a.lon === 'number' &&
    Math.abs(a.lat) <= 90 &&
    Math.abs(a.lon) <= 180
  ) {
    return [a.lat, a.lon];
  }
  return null;
}

export function naiveDistanceKm(p: [number, number], q: [number, number]): number {
  const rad = Math.PI / 180;
  const s1 = Math.sin(((q[0] - p[0]) * rad) / 2);
  const s2 = Math.sin(((q[1] - p[1]) * rad) / 2);
  const h = s1 * s1 + Math.cos(p[0] * rad) * Math.cos(q[0] * rad) * s2 * s2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Own coordinates, else the closest (fewest located-in steps, then smallest key) place with coordinates. */
export function naiveLocation(graph: G, key: string): [number, number] | null {
  const own = coordinatesOf(graph, key);
  if (own) return own;
  const depth = new Map<string, number>([[key, 0]]);
  const queue = [key];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const group = isGroup(graph, node);
    graph.forEachEdge(
      node,
      (
        _e: string,
        a: Record<string, unknown>,
        s: string,
        t: string,
        sa: Record<string, unknown>,
        ta: Record<string, unknown>,
      ) => {
        if (a.type !== 'located-in' || s === t) return;
        let next: string | null = null;
        if (s === node && ta.kind !== 'group') next = t;
        else if (t === node && group && sa.kind !== 'group') next = s;
        if (next !== null && !depth.has(next)) {
          depth.set(next, depth.get(node)! + 1);
          queue.push(next);
        }
      },
    );
  }
  const candidates = [...depth.entries()]
    .filter(([node, d]) => d > 0 && coordinatesOf(graph, node) !== null)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return candidates.length > 0 ? coordinatesOf(graph, candidates[0]![0]) : null;
}

/** Full breadth-first search over accepted group–group relations. */
export function naiveHops(graph: G, from: string): Map<string, number> {
  const hops = new Map<string, number>([[from, 0]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    graph.forEachEdge(
      node,
      (
        _e: string,
        a: Record<string, unknown>,
        s: string,
        t: string,
        sa: Record<string, unknown>,
        ta: Record<string, unknown>,
      ) => {
        if (
          s === t ||
          a.status !== 'accepted' ||
          typeof a.type !== 'string' ||
          NOT_RELATIONS.includes(a.type)
        )
          return;
        if (sa.kind !== 'group' || ta.kind !== 'group') return;
        const other = s === node ? t : s;
        if (!hops.has(other)) {
          hops.set(other, hops.get(node)! + 1);
          queue.push(other);
        }
      },
    );
  }
  return hops;
}

export function naiveThemes(graph: G, key: string, themeDepth: number): Set<string> {
  const themes = new Set<string>();
  graph.forEachEdge(
    key,
    (
      _e: string,
      a: Record<string, unknown>,
      s: string,
      t: string,
      sa: Record<string, unknown>,
      ta: Record<string, unknown>,
    ) => {
      if (s === t || a.type !== 'interested-in') return;
      if ((s === key ? ta : sa).kind !== 'group') themes.add(s === key ? t : s);
    },
  );
  let frontier = [...themes];
  for (let step = 0; step < themeDepth; step++) {
    const next: string[] = [];
    for (const theme of frontier) {
      // Broader themes: the targets of subclass-of edges stored from this theme (outbound, or
      // undirected), not the theme's many incoming interests.
      graph.forEachOutboundEdge(theme, (_e: string, a: Record<string, unknown>, s: string, t: string) => {
        if (a.type !== 'subclass-of' || s !== theme || t === theme || themes.has(t)) return;
        themes.add(t);
        next.push(t);
      });
    }
    frontier = next;
  }
  return themes;
}

function naiveJaccard(a: Set<string>, b: Set<string>): [number, string[]] {
  const shared = [...a].filter((x) => b.has(x)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const union = a.size + b.size - shared.length;
  return [union === 0 ? 0 : shared.length / union, shared];
}

/** The reference: scan every group, compute everything, sort, cut. */
export function naivePropagate(graph: G, from: string, options: NaiveOptions): NaiveTarget[] {
  const k = options.k ?? 10;
  const depth = options.themeDepth ?? 0;
  // Compute only what the mode and the limits need, so that each mode's reference is a plain
  // full scan (geo, theme) or a full breadth-first search (relation).
  const needGeo = options.by === 'geo' || options.by === 'composite' || options.radiusKm !== undefined;
  const needHops = options.by === 'relation' || options.by === 'composite' || options.maxHops !== undefined;
  const needThemes =
    options.by === 'theme' || options.by === 'composite' || options.minSimilarity !== undefined;
  const origin = needGeo ? naiveLocation(graph, from) : null;
  const hops = needHops ? naiveHops(graph, from) : new Map<string, number>();
  const sourceThemes = needThemes ? naiveThemes(graph, from, depth) : new Set<string>();
  const w = options.weights
    ? {
        geo: options.weights.geo ?? 0,
        relation: options.weights.relation ?? 0,
        theme: options.weights.theme ?? 0,
      }
    : { geo: 1, relation: 1, theme: 1 };
  const scale = options.geoScaleKm ?? 10;
  const out: NaiveTarget[] = [];
  graph.forEachNode((key: string, a: Record<string, unknown>) => {
    if (key === from || a.kind !== 'group') return;
    if (Array.isArray(a.blocks) && a.blocks.includes(from)) return;
    if (options.kind !== undefined && Array.isArray(a.accepts) && !a.accepts.includes(options.kind)) return;
    const location = origin ? naiveLocation(graph, key) : null;
    const d = origin && location ? naiveDistanceKm(origin, location) : undefined;
    const h = hops.get(key);
    const [sim, shared] = needThemes ? naiveJaccard(sourceThemes, naiveThemes(graph, key, depth)) : [0, []];
    if (options.radiusKm !== undefined && !(d !== undefined && d <= options.radiusKm)) return;
    if (options.maxHops !== undefined && !(h !== undefined && h <= options.maxHops)) return;
    if (options.minSimilarity !== undefined && !(sim >= options.minSimilarity)) return;
    if (options.by === 'geo') {
      if (d !== undefined) out.push({ key, score: d, distanceKm: d });
    } else if (options.by === 'relation') {
      if (h !== undefined) out.push({ key, score: h, hops: h });
    } else if (options.by === 'theme') {
      if (sim > 0) out.push({ key, score: sim, similarity: sim, sharedThemes: shared });
    } else {
      const g = d === undefined ? 0 : 1 / (1 + d / scale);
      const r = h === undefined ? 0 : 1 / h;
      const score = (w.geo * g + w.relation * r + w.theme * sim) / (w.geo + w.relation + w.theme);
      if (score > 0) out.push({ key, score });
    }
  });
  const ascending = options.by === 'geo' || options.by === 'relation';
  out.sort(
    (x, y) =>
      (ascending ? x.score - y.score : y.score - x.score) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  return out.slice(0, k);
}
