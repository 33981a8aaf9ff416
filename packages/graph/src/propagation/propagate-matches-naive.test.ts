import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NaiveOptions, naivePropagate } from '../../test/reference/naive-propagate';
import { KINDS, serializedGraphArbitrary } from '../../test/reference/random-graph';
import { parseSerializedGraph } from '../model/parse-serialized-graph';
import { createGeoIndex } from '../proximity/geo-index';
import { propagate } from './propagate';

const optionsArbitrary = fc.record(
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
) as fc.Arbitrary<NaiveOptions>;

function comparable<T extends { key: string; score: number }>(targets: T[], by: string) {
  return by === 'composite' ? targets.map(({ key, score }) => ({ key, score })) : targets;
}

describe('propagate equals a naive full scan / full BFS on random graphs', () => {
  it('in every mode, with every limit and filter', () => {
    fc.assert(
      fc.property(serializedGraphArbitrary, optionsArbitrary, fc.nat(), (serialized, options, pick) => {
        const w = options.weights;
        fc.pre(!w || (w.geo ?? 0) + (w.relation ?? 0) + (w.theme ?? 0) > 0);
        const graph = parseSerializedGraph(serialized);
        const nodes = graph.nodes();
        const from = nodes[pick % nodes.length]!;
        const actual = propagate(graph, from, options);
        expect(comparable(actual, options.by)).toEqual(
          comparable(naivePropagate(graph, from, options), options.by),
        );
      }),
      { numRuns: 600 },
    );
  });

  it('geo through the spatial index', () => {
    fc.assert(
      fc.property(serializedGraphArbitrary, optionsArbitrary, fc.nat(), (serialized, options, pick) => {
        const graph = parseSerializedGraph(serialized);
        const geoIndex = createGeoIndex(graph);
        const nodes = graph.nodes();
        const from = nodes[pick % nodes.length]!;
        const geo = { ...options, by: 'geo' as const, weights: undefined };
        expect(propagate(graph, from, { ...geo, geoIndex })).toEqual(naivePropagate(graph, from, geo));
      }),
      { numRuns: 300 },
    );
  });
});
