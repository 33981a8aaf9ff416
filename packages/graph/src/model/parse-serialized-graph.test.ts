import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { node as group, MALFORMED_GRAPHS } from '../../test/reference/malformed-graphs';
import { serializedGraphArbitrary } from '../../test/reference/random-graph';
import { readSerializedGraph } from './parse-serialized-graph';

describe('graphology serialisations', () => {
  it('reads directed, undirected and mixed graphs into one mixed multigraph', () => {
    const edges = [{ source: 'a', target: 'b', attributes: { type: 'partner', status: 'accepted' } }];
    const directed = readSerializedGraph({
      options: { type: 'directed' },
      nodes: [group('a'), group('b')],
      edges,
    });
    expect(directed.directedSize).toBe(1);
    const undirected = readSerializedGraph({
      options: { type: 'undirected' },
      nodes: [group('a'), group('b')],
      edges,
    });
    expect(undirected.undirectedSize).toBe(1);
    const mixed = readSerializedGraph({
      options: { type: 'mixed', multi: true },
      nodes: [group('a'), group('b')],
      edges: [...edges, { ...edges[0]!, undirected: true }, { key: 'x', ...edges[0]! }],
    });
    expect([mixed.directedSize, mixed.undirectedSize]).toEqual([2, 1]);
    expect(mixed.type).toBe('mixed');
    expect(mixed.multi).toBe(true);
  });

  it('keeps unknown attributes and graph attributes; numeric keys become strings', () => {
    const graph = readSerializedGraph({
      attributes: { title: 't' },
      nodes: [{ key: 1, attributes: { kind: 'group', colour: 'red' } }, group('b')],
      edges: [{ source: 1, target: 'b', attributes: { type: 'follows', since: 2020 } }],
    });
    expect(graph.getAttribute('title')).toBe('t');
    expect(graph.getNodeAttributes('1')).toEqual({ kind: 'group', colour: 'red' });
    expect(graph.getEdgeAttributes(graph.edges()[0]!)).toEqual({ type: 'follows', since: 2020 });
  });

  it('round-trips through export', () => {
    fc.assert(
      fc.property(serializedGraphArbitrary, (serialized) => {
        const graph = readSerializedGraph(serialized);
        const again = readSerializedGraph(JSON.parse(JSON.stringify(graph.export())));
        expect(again.export()).toEqual(graph.export());
      }),
      { numRuns: 100 },
    );
  });
});

describe('malformed graphs', () => {
  it('are refused with MALFORMED_GRAPH naming the path', () => {
    for (const [input, path] of MALFORMED_GRAPHS) {
      expect(() => readSerializedGraph(input)).toThrow(
        expect.objectContaining({ code: 'MALFORMED_GRAPH', path }),
      );
    }
  });

  it('never crash on arbitrary JSON: a graph or a MALFORMED_GRAPH error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          readSerializedGraph({ nodes: [group('a')], edges: [value] });
          readSerializedGraph(value);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('MALFORMED_GRAPH');
        }
      }),
      { numRuns: 300 },
    );
  });
});
