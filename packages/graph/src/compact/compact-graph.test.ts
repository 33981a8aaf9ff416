import fc from 'fast-check';
import type { SerializedGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { node as group, MALFORMED_GRAPHS } from '../../test/reference/malformed-graphs';
import { naivePropagate } from '../../test/reference/naive-propagate';
import {
  propagateOptionsArbitrary,
  type SerializedGraph as RandomGraph,
  serializedGraphArbitrary,
} from '../../test/reference/random-graph';
import type { ReadableGraph } from '../model/attributes';
import { readSerializedGraph } from '../model/parse-serialized-graph';
import { propagate } from '../propagation/propagate';
import { createGeoIndex } from '../proximity/geo-index';
import { readCompactGraph } from './parse-compact-graph';

type Reported = [string | null, string, string, string, boolean];

/**
 * What an edge iteration reports, in a comparable form: the key (only if the input gave one:
 * the two graphs generate different keys), attributes, ends and direction; sorted, since
 * graphology's order within a node's edges follows its adjacency maps.
 */
function reported(
  explicitKeys: Set<string>,
  iterate: (callback: (...args: never[]) => void) => void,
): Reported[] {
  const out: Reported[] = [];
  iterate(((edge: string, attributes: object, source: string, target: string, ...rest: unknown[]) => {
    const undirected = rest[2] as boolean;
    out.push([explicitKeys.has(edge) ? edge : null, JSON.stringify(attributes), source, target, undirected]);
  }) as never);
  return out.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function explicitKeysOf(serialized: RandomGraph): Set<string> {
  return new Set(serialized.edges.filter((e) => e.key !== undefined).map((e) => String(e.key)));
}

/** graphology's export with the keys it generated removed: what CompactGraph exports. */
function withoutGeneratedKeys(exported: SerializedGraph, explicitKeys: Set<string>): SerializedGraph {
  return {
    ...exported,
    edges: exported.edges.map(({ key, ...edge }) =>
      explicitKeys.has(String(key)) ? { key, ...edge } : edge,
    ),
  };
}

describe('CompactGraph is read like the graphology multigraph of the same input', () => {
  it('same nodes, edges, attributes and counts; export equal but for generated keys', () => {
    fc.assert(
      fc.property(serializedGraphArbitrary, (serialized) => {
        const multigraph = readSerializedGraph(serialized);
        const compact = readCompactGraph(serialized);
        const keys = explicitKeysOf(serialized);
        expect([compact.order, compact.size, compact.directedSize, compact.undirectedSize]).toEqual([
          multigraph.order,
          multigraph.size,
          multigraph.directedSize,
          multigraph.undirectedSize,
        ]);
        expect(compact.nodes()).toEqual(multigraph.nodes());
        expect(compact.export()).toEqual(withoutGeneratedKeys(multigraph.export(), keys));
        // The export is graphology's format: reading it again gives the same graph.
        expect(readCompactGraph(JSON.parse(JSON.stringify(compact.export()))).export()).toEqual(
          compact.export(),
        );
        for (const key of multigraph.nodes()) {
          expect(compact.getNodeAttributes(key)).toEqual(multigraph.getNodeAttributes(key));
          expect(compact.getNodeAttribute(key, 'kind')).toBe(multigraph.getNodeAttribute(key, 'kind'));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every edge iteration reports the same edges: all, per node, between two nodes, in and out', () => {
    fc.assert(
      fc.property(serializedGraphArbitrary, fc.nat(), fc.nat(), (serialized, i, j) => {
        const multigraph = readSerializedGraph(serialized);
        const compact = readCompactGraph(serialized);
        const keys = explicitKeysOf(serialized);
        const nodes = multigraph.nodes();
        const [a, b] = [nodes[i % nodes.length]!, nodes[j % nodes.length]!];
        const same = (iterate: (graph: ReadableGraph, callback: never) => void) =>
          expect(reported(keys, (callback) => iterate(compact, callback as never))).toEqual(
            reported(keys, (callback) => iterate(multigraph, callback as never)),
          );
        same((graph, callback) => graph.forEachEdge(callback));
        for (const node of nodes) {
          same((graph, callback) => graph.forEachEdge(node, callback));
          same((graph, callback) => graph.forEachInboundEdge(node, callback));
          same((graph, callback) => graph.forEachOutboundEdge(node, callback));
        }
        same((graph, callback) => graph.forEachEdge(a, b, callback));
        same((graph, callback) => graph.forEachEdge(b, a, callback));
        same((graph, callback) => graph.forEachInboundEdge(a, b, callback));
        same((graph, callback) => graph.forEachOutboundEdge(a, b, callback));
        same((graph, callback) => graph.forEachEdge(a, a, callback));
      }),
      { numRuns: 200 },
    );
  });

  it('propagate gives the same targets, scores and details in every mode', () => {
    fc.assert(
      fc.property(
        serializedGraphArbitrary,
        propagateOptionsArbitrary,
        fc.nat(),
        (serialized, options, pick) => {
          const multigraph = readSerializedGraph(serialized);
          const compact = readCompactGraph(serialized);
          const nodes = multigraph.nodes();
          const from = nodes[pick % nodes.length]!;
          const expected = propagate(multigraph, from, options);
          expect(propagate(compact, from, options)).toEqual(expected);
          expect(propagate(compact, from, { ...options, geoIndex: createGeoIndex(compact) })).toEqual(
            propagate(multigraph, from, { ...options, geoIndex: createGeoIndex(multigraph) }),
          );
          const naive = naivePropagate(compact, from, options);
          const keyScores = (targets: { key: string; score: number }[]) =>
            targets.map((t) => [t.key, t.score]);
          expect(keyScores(expected)).toEqual(keyScores(naive));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('CompactGraph input checks are readSerializedGraph’s', () => {
  it('refuses each malformed graph with MALFORMED_GRAPH and the same path', () => {
    for (const [input, path] of MALFORMED_GRAPHS) {
      expect(() => readCompactGraph(input)).toThrow(
        expect.objectContaining({ code: 'MALFORMED_GRAPH', path }),
      );
    }
  });

  it('accepts and refuses arbitrary JSON exactly as readSerializedGraph does', () => {
    const outcome = (parse: (input: unknown) => unknown, input: unknown) => {
      try {
        parse(input);
        return 'ok';
      } catch (error) {
        const { code, path } = error as { code?: string; path?: string };
        return `${code} ${path}`;
      }
    };
    const inputs = fc.oneof(
      fc.jsonValue(),
      fc.jsonValue().map((value) => ({ nodes: [group('a'), group('b')], edges: [value] })),
      fc.jsonValue().map((value) => ({ nodes: [group('a'), value] })),
      fc
        .record({
          key: fc.jsonValue(),
          source: fc.constantFrom('a', 'b', 'c', 1),
          undirected: fc.jsonValue(),
        })
        .map((edge) => ({
          nodes: [group('a'), group('b'), group('1')],
          edges: [
            { key: 'k', source: 'a', target: 'b', attributes: { type: 't' } },
            { target: 'a', attributes: { type: 't' }, ...edge },
          ],
        })),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const expected = outcome(readSerializedGraph, input);
        expect(outcome(readCompactGraph, input)).toBe(expected);
        expect(expected === 'ok' || expected.startsWith('MALFORMED_GRAPH ')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is read-only: attribute objects are frozen; unknown nodes are NODE_NOT_FOUND', () => {
    const graph = readCompactGraph({
      nodes: [group('a'), group('b')],
      edges: [{ source: 'a', target: 'b', attributes: { type: 'partner', status: 'accepted' } }],
    });
    expect(Object.isFrozen(graph.getNodeAttributes('a'))).toBe(true);
    graph.forEachEdge((_edge, attributes) => expect(Object.isFrozen(attributes)).toBe(true));
    expect(() => graph.getNodeAttributes('z')).toThrow(expect.objectContaining({ code: 'NODE_NOT_FOUND' }));
    expect(() => graph.forEachEdge('z', () => {})).toThrow(
      expect.objectContaining({ code: 'NODE_NOT_FOUND' }),
    );
    expect(() => propagate(graph, 'z', { by: 'geo' })).toThrow(
      expect.objectContaining({ code: 'NODE_NOT_FOUND' }),
    );
  });

  it('reports edges without a key under generated keys that no input key can collide with', () => {
    const graph = readCompactGraph({
      nodes: [group('a'), group('b')],
      edges: [
        { key: '#1', source: 'a', target: 'b', attributes: { type: 'follows' } },
        { source: 'a', target: 'b', attributes: { type: 'partner' } },
        { key: '##0', source: 'b', target: 'a', attributes: { type: 'follows' } },
      ],
    });
    const keys: string[] = [];
    graph.forEachEdge((edge) => keys.push(edge));
    expect(new Set(keys).size).toBe(3);
    expect(keys[0]).toBe('#1');
    expect(keys[2]).toBe('##0');
    expect(keys[1]!.startsWith('#')).toBe(true);
    expect(graph.export().edges.map((edge) => edge.key)).toEqual(['#1', undefined, '##0']);
  });
});
