/**
 * @module
 * Spatial index of located groups (a static k-d tree, `kdbush`, searched nearest-first on the
 * sphere with `geokdbush`), kept current by listening to the graph's own events: a group that
 * moves or appears is queued and scanned linearly until the next rebuild; a change to places or
 * to `located-in` chains marks the index stale and it is rebuilt at the next query.
 */
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { LOCATED_IN, type ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { type Coordinates, isGroupAttributes } from '../model/read-attributes';
import { type GraphListener, GraphSubscription, touches } from './graph-subscription';
import { haversineKm } from './haversine';
import { resolveLocation } from './resolve-location';

/** A group found near a point. */
export interface NearbyGroup {
  /** Key of the group. */
  key: string;
  /** Great-circle distance in kilometres (haversine, mean Earth radius). */
  distanceKm: number;
}

/** What {@link GeoIndex.nearest} looks for. */
export interface NearestOptions {
  /** How many groups at most (default 10; `Infinity` for all). */
  k?: number;
  /** Only groups at most this far, in kilometres (inclusive). */
  radiusKm?: number;
  /** Only groups for which this returns true. */
  accept?: (key: string) => boolean;
}

/** Relative and absolute slack added to distance bounds handed to `geokdbush`, whose radius is 6371 km. */
const SLACK = 1e-9;

function groupEndOfLocatedIn(graph: ReadableGraph, payload: Record<string, unknown>): string | undefined {
  const attributes = payload.attributes as Record<string, unknown> | undefined;
  if (attributes?.type !== LOCATED_IN) return undefined;
  const source = String(payload.source);
  const target = String(payload.target);
  if (graph.hasNode(source) && isGroupAttributes(graph.getNodeAttributes(source))) return source;
  if (graph.hasNode(target) && isGroupAttributes(graph.getNodeAttributes(target))) return target;
  return '';
}

/**
 * A spatial index over the located groups of a graph. Create it once per graph with
 * {@link createGeoIndex}, pass it to `propagate` as `geoIndex`, call {@link GeoIndex.dispose}
 * when the graph is no longer watched.
 */
export class GeoIndex<G extends ReadableGraph = ReadableGraph> {
  /** The indexed graph, with its own type. */
  readonly graph: G;
  private tree: KDBush | undefined;
  private keys: string[] = [];
  private points: Coordinates[] = [];
  private indexed = new Set<string>();
  private stale = true;
  private readonly dirty = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly pending = new Map<string, Coordinates>();
  private readonly subscription: GraphSubscription;

  /** @param graph - The graph to index; its events keep the index current. */
  constructor(graph: G) {
    this.graph = graph;
    this.subscription = new GraphSubscription(graph);
    const markStale = () => {
      this.stale = true;
    };
    const onNode = (key: unknown) => this.dirty.add(String(key));
    this.listen('nodeAdded', (p) => onNode(p.key));
    this.listen('nodeDropped', (p) => {
      const key = String(p.key);
      if (isGroupAttributes(p.attributes as Record<string, unknown>)) onNode(key);
      else markStale();
    });
    this.listen('nodeAttributesUpdated', (p) => {
      const key = String(p.key);
      if (!touches(p, ['lat', 'lon', 'kind'])) return;
      if (graph.hasNode(key) && isGroupAttributes(graph.getNodeAttributes(key)) && p.name !== 'kind')
        onNode(key);
      else markStale();
    });
    const onEdge = (p: Record<string, unknown>) => {
      const group = groupEndOfLocatedIn(graph, p);
      if (group === '') markStale();
      else if (group !== undefined) onNode(group);
    };
    this.listen('edgeAdded', onEdge);
    this.listen('edgeDropped', onEdge);
    this.listen('edgeAttributesUpdated', (p) => {
      if (touches(p, ['type'])) markStale();
    });
    this.listen('eachNodeAttributesUpdated', markStale);
    this.listen('eachEdgeAttributesUpdated', markStale);
    this.listen('cleared', markStale);
    this.listen('edgesCleared', markStale);
  }

  private listen(event: string, listener: GraphListener): void {
    this.subscription.on(event, listener);
  }

  /** Stop listening to the graph. The index keeps answering from its last state. */
  dispose(): void {
    this.subscription.dispose();
  }

  /** Rebuild the k-d tree from scratch over every located group. */
  rebuild(): void {
    const keys: string[] = [];
    const points: Coordinates[] = [];
    this.graph.forEachNode((key, attributes) => {
      if (!isGroupAttributes(attributes)) return;
      const location = resolveLocation(this.graph, key);
      if (!location) return;
      keys.push(key);
      points.push(location);
    });
    this.keys = keys;
    this.points = points;
    this.indexed = new Set(keys);
    this.tree = undefined;
    if (keys.length > 0) {
      const tree = new KDBush(keys.length);
      for (const point of points) tree.add(point.lon, point.lat);
      tree.finish();
      this.tree = tree;
    }
    this.dirty.clear();
    this.removed.clear();
    this.pending.clear();
    this.stale = false;
  }

  private refresh(): void {
    if (!this.stale && this.dirty.size > Math.max(1024, this.keys.length / 16)) this.stale = true;
    if (this.stale) {
      this.rebuild();
      return;
    }
    for (const key of this.dirty) {
      if (this.indexed.has(key)) this.removed.add(key);
      this.pending.delete(key);
      if (!this.graph.hasNode(key) || !isGroupAttributes(this.graph.getNodeAttributes(key))) continue;
      const location = resolveLocation(this.graph, key);
      if (location) this.pending.set(key, { lat: location.lat, lon: location.lon });
    }
    this.dirty.clear();
  }

  private search(origin: Coordinates, maxResults: number, maxKm: number, accept: (key: string) => boolean) {
    const tree = this.tree;
    if (!tree) return [];
    const ids = around(
      tree,
      origin.lon,
      origin.lat,
      maxResults,
      maxKm * (1 + SLACK) + SLACK,
      (id: number) => {
        const key = this.keys[id]!;
        return !this.removed.has(key) && accept(key);
      },
    );
    // Distances are recomputed with this package's haversine so scores never depend on the index.
    return ids.map((id) => ({ key: this.keys[id]!, distanceKm: haversineKm(origin, this.points[id]!) }));
  }

  /**
   * The located groups closest to a point, nearest first, ties broken by key ascending.
   *
   * @param origin - The point (decimal degrees).
   * @param options - `k` (default 10), `radiusKm`, `accept` predicate.
   * @returns At most `k` groups with their distances.
   */
  nearest(origin: Coordinates, options: NearestOptions = {}): NearbyGroup[] {
    this.refresh();
    const k = options.k ?? 10;
    const radius = options.radiusKm ?? Number.POSITIVE_INFINITY;
    const accept = options.accept ?? (() => true);
    if (k <= 0) return [];
    let found = this.search(origin, k, radius, accept);
    if (found.length === k && Number.isFinite(k)) {
      // geokdbush returns *some* k nearest; gather every point tied with the farthest of them.
      let bound = 0;
      for (const hit of found) bound = Math.max(bound, hit.distanceKm);
      found = this.search(origin, Number.POSITIVE_INFINITY, Math.min(bound, radius), accept);
    }
    for (const [key, point] of this.pending) {
      if (accept(key)) found.push({ key, distanceKm: haversineKm(origin, point) });
    }
    return found
      .filter((hit) => hit.distanceKm <= radius)
      .sort((a, b) => a.distanceKm - b.distanceKm || compareKeys(a.key, b.key))
      .slice(0, k);
  }
}

/**
 * Build a spatial index over the located groups of a graph (own coordinates, or those found up
 * their `located-in` chain). The index follows later changes of the graph through its events.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @returns The index; pass it to `propagate(graph, from, { by: 'geo', geoIndex })`.
 * @example
 * const geoIndex = createGeoIndex(graph);
 * propagate(graph, 'lyon-repair-cafe', { by: 'geo', k: 5, geoIndex });
 */
export function createGeoIndex<G extends ReadableGraph>(graph: G): GeoIndex<G> {
  const index = new GeoIndex(graph);
  index.rebuild();
  return index;
}
