import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naivePropagate } from '../../test/reference/naive-propagate';
import { propagateOptionsArbitrary, serializedGraphArbitrary } from '../../test/reference/random-graph';
import { readSerializedGraph } from '../model/parse-serialized-graph';
import { createGeoIndex } from '../proximity/geo-index';
import { propagate } from './propagate';

function comparable<T extends { key: string; score: number }>(targets: T[], by: string) {
  return by === 'composite' ? targets.map(({ key, score }) => ({ key, score })) : targets;
}

describe('propagate equals a naive full scan / full BFS on random graphs', () => {
  it('in every mode, with every limit and filter', () => {
    fc.assert(
      fc.property(
        serializedGraphArbitrary,
        propagateOptionsArbitrary,
        fc.nat(),
        (serialized, options, pick) => {
          const w = options.weights;
          fc.pre(!w || (w.geo ?? 0) + (w.relation ?? 0) + (w.theme ?? 0) > 0);
          const graph = readSerializedGraph(serialized);
          const nodes = graph.nodes();
          const from = nodes[pick % nodes.length]!;
          const actual = propagate(graph, from, options);
          expect(comparable(actual, options.by)).toEqual(
            comparable(naivePropagate(graph, from, options), options.by),
          );
        },
      ),
      { numRuns: 600 },
    );
  });

  it('geo through the spatial index', () => {
    fc.assert(
      fc.property(
        serializedGraphArbitrary,
        propagateOptionsArbitrary,
        fc.nat(),
        (serialized, options, pick) => {
          const graph = readSerializedGraph(serialized);
          const geoIndex = createGeoIndex(graph);
          const nodes = graph.nodes();
          const from = nodes[pick % nodes.length]!;
          const geo = { ...options, by: 'geo' as const, weights: undefined };
          expect(propagate(graph, from, { ...geo, geoIndex })).toEqual(naivePropagate(graph, from, geo));
        },
      ),
      { numRuns: 300 },
    );
  });
});
