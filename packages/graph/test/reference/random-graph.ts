/**
 * fast-check arbitraries for small serialised Imago graphs that hit the corner cases: shared
 * coordinates (ties), located-in chains with and without coordinates, directed and undirected
 * edges, parallel edges, relations accepted / proposed / without status, links stored either way,
 * subclass-of hierarchies, `accepts` / `blocks` filters, edges with and without keys.
 */
import fc from 'fast-check';
import type { NaiveOptions } from './naive-propagate';

const COORDINATES = [
  [48.8566, 2.3522],
  [45.764, 4.8357],
  [43.2965, 5.3698],
  [48.8566, 2.3522],
  [-33.8688, 151.2093],
  [0, 179.9],
  [0, -179.9],
  [89.9, 0],
] as const;

export interface SerializedGraph {
  options: { type: 'mixed' | 'directed' | 'undirected'; multi: boolean; allowSelfLoops: boolean };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: {
    key?: string | number;
    source: string;
    target: string;
    attributes: Record<string, unknown>;
    undirected?: boolean;
  }[];
}

export const KINDS = ['need', 'offer', 'event'] as const;

export const serializedGraphArbitrary: fc.Arbitrary<SerializedGraph> = fc
  .record({
    groups: fc.integer({ min: 1, max: 14 }),
    entities: fc.integer({ min: 0, max: 8 }),
    type: fc.constantFrom('mixed', 'directed', 'undirected'),
    keyed: fc.boolean(),
  })
  .chain(({ groups, entities, type, keyed }) => {
    const groupKeys = Array.from({ length: groups }, (_, i) => `g${i}`);
    const entityKeys = Array.from({ length: entities }, (_, i) => `Q${i + 1}`);
    const coordinates = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...COORDINATES) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
    const group = fc.record({
      at: coordinates,
      accepts: rarely(fc.subarray([...KINDS])),
      blocks: rarely(fc.subarray(groupKeys, { maxLength: Math.min(2, groupKeys.length) })),
    });
    const all = [...groupKeys, ...entityKeys];
    const anyEdge = fc.record({
      source: fc.constantFrom(...all),
      target: fc.constantFrom(...all),
      type: fc.constantFrom(
        'located-in',
        'interested-in',
        'subclass-of',
        'partner',
        'follows',
        'sub-group-of',
      ),
      status: fc.constantFrom('accepted', 'accepted', 'proposed', undefined, 'ended'),
      undirected: fc.boolean(),
    });
    const relation = fc.record({
      source: fc.constantFrom(...groupKeys),
      target: fc.constantFrom(...groupKeys),
      type: fc.constantFrom('partner', 'follows', 'sub-group-of'),
      status: fc.constantFrom('accepted', 'accepted', 'accepted', 'proposed', undefined),
      undirected: fc.boolean(),
    });
    const entityEdges =
      entityKeys.length === 0
        ? fc.constant([])
        : fc.array(
            fc.record({
              source: fc.constantFrom(...all),
              target: fc.constantFrom(...entityKeys),
              type: fc.constantFrom('located-in', 'interested-in', 'interested-in', 'subclass-of'),
              status: fc.constant(undefined),
              undirected: fc.boolean(),
            }),
            { minLength: groups, maxLength: 3 * groups + 6, size: 'max' },
          );
    return fc.record({
      type: fc.constant(type),
      keyed: fc.constant(keyed),
      groups: fc.tuple(...groupKeys.map(() => group)),
      entities: fc.tuple(...entityKeys.map(() => coordinates)),
      edges: fc
        .tuple(
          fc.array(relation, { minLength: Math.floor(groups / 2), maxLength: 2 * groups, size: 'max' }),
          entityEdges,
          fc.array(anyEdge, { maxLength: 8 }),
        )
        .map(([a, b, c]) => [...a, ...b, ...c]),
    });
  })
  .map(({ type, keyed, groups, entities, edges }) => ({
    options: { type, multi: true, allowSelfLoops: true },
    nodes: [
      ...groups.map((g, i) => ({
        key: `g${i}`,
        attributes: {
          kind: 'group',
          name: `Group ${i}`,
          ...(g.at ? { lat: g.at[0], lon: g.at[1] } : {}),
          ...(g.accepts ? { accepts: g.accepts } : {}),
          ...(g.blocks ? { blocks: g.blocks } : {}),
        },
      })),
      ...entities.map((at, i) => ({
        key: `Q${i + 1}`,
        attributes: { kind: 'entity', name: `Entity ${i + 1}`, ...(at ? { lat: at[0], lon: at[1] } : {}) },
      })),
    ],
    edges: edges.map((e, i) => ({
      // Keys, when present, are strings or numbers (which graphology reads as strings).
      ...(keyed ? { key: i % 3 === 0 ? i : `e${i}` } : {}),
      source: e.source,
      target: e.target,
      attributes: { type: e.type, ...(e.status === undefined ? {} : { status: e.status }) },
      ...(type === 'mixed' ? { undirected: e.undirected } : {}),
    })),
  }));

/** Options of `propagate` (and of the naive reference): every mode, limit and filter. */
export const propagateOptionsArbitrary: fc.Arbitrary<NaiveOptions> = fc
  .record(
    {
      by: fc.constantFrom('geo', 'relation', 'theme', 'composite'),
      k: fc.integer({ min: 0, max: 8 }),
      radiusKm: fc.constantFrom(0, 10, 400, 800, 20000),
      maxHops: fc.integer({ min: 0, max: 4 }),
      minSimilarity: fc.constantFrom(0, 0.2, 0.5, 1),
      weights: fc.record(
        {
          geo: fc.constantFrom(0, 1, 2.5),
          relation: fc.constantFrom(0, 1, 3),
          theme: fc.constantFrom(0, 1, 0.5),
        },
        { requiredKeys: [] },
      ),
      geoScaleKm: fc.constantFrom(1, 10, 500),
      themeDepth: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom(...KINDS),
    },
    { requiredKeys: ['by'] },
  )
  .filter(
    ({ weights: w }) => !w || (w.geo ?? 0) + (w.relation ?? 0) + (w.theme ?? 0) > 0,
  ) as fc.Arbitrary<NaiveOptions>;
