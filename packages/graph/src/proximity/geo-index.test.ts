import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naivePropagate } from '../../test/reference/naive-propagate';
import { createImagoGraph, type ImagoGraph } from '../model/parse-serialized-graph';
import { propagate } from '../propagation/propagate';
import { createGeoIndex } from './geo-index';

// A coarse grid so that many groups share coordinates (ties) and the k-d tree has many leaves.
const grid = fc
  .record({ lat: fc.integer({ min: -8, max: 8 }), lon: fc.integer({ min: -8, max: 8 }) })
  .map(({ lat, lon }) => ({ lat: 45 + lat / 4, lon: 3 + lon / 4 }));

function bigGraph(
  groups: { lat: number; lon: number }[],
  cities: { lat: number; lon: number }[],
  links: number[],
) {
  const graph = createImagoGraph();
  cities.forEach((at, i) => {
    graph.addNode(`city${i}`, { kind: 'entity', ...at });
  });
  graph.addNode('district', { kind: 'entity' });
  if (cities.length > 0) graph.addDirectedEdge('district', 'city0', { type: 'located-in' });
  groups.forEach((at, i) => {
    // Every third group has no coordinates of its own and lives in a city (or the district).
    const link = links[i % links.length]!;
    if (i % 3 === 0 && cities.length > 0) {
      graph.addNode(`g${i}`, { kind: 'group' });
      graph.addDirectedEdge(`g${i}`, link === 0 ? 'district' : `city${link % cities.length}`, {
        type: 'located-in',
      });
    } else graph.addNode(`g${i}`, { kind: 'group', ...at });
  });
  return graph;
}

function expectIndexMatchesScan(
  graph: ImagoGraph,
  index: ReturnType<typeof createGeoIndex>,
  sources: string[],
) {
  for (const from of sources) {
    if (!graph.hasNode(from)) continue;
    for (const options of [{ k: 10 }, { k: 3, radiusKm: 40 }, { k: 50 }]) {
      expect(propagate(graph, from, { by: 'geo', geoIndex: index, ...options })).toEqual(
        naivePropagate(graph, from, { by: 'geo', ...options }),
      );
    }
  }
}

describe('spatial index', () => {
  it('agrees with a full scan on graphs large enough for a multi-level k-d tree', () => {
    fc.assert(
      fc.property(
        fc.array(grid, { minLength: 150, maxLength: 400 }),
        fc.array(grid, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        (groups, cities, links) => {
          const graph = bigGraph(groups, cities, links);
          const index = createGeoIndex(graph);
          expectIndexMatchesScan(graph, index, ['g0', 'g1', 'g7', `g${groups.length - 1}`, 'city0']);
          index.dispose();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('follows incremental changes of the graph', () => {
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('move' as const), group: fc.nat(), to: grid }),
      fc.record({ op: fc.constant('unset' as const), group: fc.nat() }),
      fc.record({ op: fc.constant('add' as const), to: fc.option(grid), city: fc.nat() }),
      fc.record({ op: fc.constant('drop' as const), group: fc.nat() }),
      fc.record({ op: fc.constant('relocate' as const), group: fc.nat(), city: fc.nat() }),
      fc.record({ op: fc.constant('move-city' as const), city: fc.nat(), to: grid }),
      fc.record({ op: fc.constant('unrelated' as const), group: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.array(grid, { minLength: 100, maxLength: 200 }),
        fc.array(grid, { minLength: 2, maxLength: 4 }),
        fc.array(mutation, { minLength: 1, maxLength: 25 }),
        (groups, cities, mutations) => {
          const graph = bigGraph(groups, cities, [1, 2, 0]);
          const index = createGeoIndex(graph);
          let added = 0;
          for (const m of mutations) {
            const groupKeys = graph.filterNodes((_key, a) => a.kind === 'group');
            const group = 'group' in m ? groupKeys[m.group % groupKeys.length] : undefined;
            const city = 'city' in m ? `city${m.city % cities.length}` : 'city0';
            if (m.op === 'move' && group) graph.mergeNodeAttributes(group, m.to);
            if (m.op === 'unset' && group) {
              graph.removeNodeAttribute(group, 'lat');
              graph.removeNodeAttribute(group, 'lon');
            }
            if (m.op === 'add') {
              const key = `new${added++}`;
              graph.addNode(key, m.to ? { kind: 'group', ...m.to } : { kind: 'group' });
              if (!m.to) graph.addDirectedEdge(key, city, { type: 'located-in' });
            }
            if (m.op === 'drop' && group) graph.dropNode(group);
            if (m.op === 'relocate' && group) {
              for (const edge of graph.outEdges(group)) graph.dropEdge(edge);
              graph.addDirectedEdge(group, city, { type: 'located-in' });
            }
            if (m.op === 'move-city') {
              graph.setNodeAttribute(city, 'lat', m.to.lat);
              graph.setNodeAttribute(city, 'lon', m.to.lon);
            }
            if (m.op === 'unrelated' && group) graph.setNodeAttribute(group, 'name', 'renamed');
            const sources = graph.filterNodes((_key, a) => a.kind === 'group').slice(0, 3);
            expectIndexMatchesScan(graph, index, sources);
          }
          index.dispose();
        },
      ),
      { numRuns: 15 },
    );
  });
});
