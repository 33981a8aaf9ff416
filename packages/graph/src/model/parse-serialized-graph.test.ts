import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializedGraphArbitrary } from '../../test/reference/random-graph';
import { parseSerializedGraph } from './parse-serialized-graph';

const group = (key: string, extra: object = {}) => ({
  key,
  attributes: { kind: 'group', name: key, ...extra },
});

describe('graphology serialisations', () => {
  it('reads directed, undirected and mixed graphs into one mixed multigraph', () => {
    const edges = [{ source: 'a', target: 'b', attributes: { type: 'partner', status: 'accepted' } }];
    const directed = parseSerializedGraph({
      options: { type: 'directed' },
      nodes: [group('a'), group('b')],
      edges,
    });
    expect(directed.directedSize).toBe(1);
    const undirected = parseSerializedGraph({
      options: { type: 'undirected' },
      nodes: [group('a'), group('b')],
      edges,
    });
    expect(undirected.undirectedSize).toBe(1);
    const mixed = parseSerializedGraph({
      options: { type: 'mixed', multi: true },
      nodes: [group('a'), group('b')],
      edges: [...edges, { ...edges[0]!, undirected: true }, { key: 'x', ...edges[0]! }],
    });
    expect([mixed.directedSize, mixed.undirectedSize]).toEqual([2, 1]);
    expect(mixed.type).toBe('mixed');
    expect(mixed.multi).toBe(true);
  });

  it('keeps unknown attributes and graph attributes; numeric keys become strings', () => {
    const graph = parseSerializedGraph({
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
        const graph = parseSerializedGraph(serialized);
        const again = parseSerializedGraph(JSON.parse(JSON.stringify(graph.export())));
        expect(again.export()).toEqual(graph.export());
      }),
      { numRuns: 100 },
    );
  });
});

describe('malformed graphs', () => {
  const cases: [unknown, string][] = [
    ['{ nope', '$'],
    [[], '$'],
    [{ nodes: {} }, 'nodes'],
    [{ nodes: [], edges: {} }, 'edges'],
    [{ options: { type: 'weird' }, nodes: [] }, 'options.type'],
    [{ nodes: [null] }, 'nodes[0]'],
    [{ nodes: [{ key: true, attributes: { kind: 'group' } }] }, 'nodes[0].key'],
    [{ nodes: [group('a'), group('a')] }, 'nodes[1].key'],
    [{ nodes: [{ key: 'a' }] }, 'nodes[0].attributes'],
    [{ nodes: [{ key: 'a', attributes: { kind: 'person' } }] }, 'nodes[0].attributes.kind'],
    [{ nodes: [group('a', { lat: 10 })] }, 'nodes[0].attributes.lon'],
    [{ nodes: [group('a', { lat: '48.8', lon: 2 })] }, 'nodes[0].attributes.lat'],
    [{ nodes: [group('a', { lat: 48, lon: 200 })] }, 'nodes[0].attributes.lon'],
    [{ nodes: [group('a', { name: 7 })] }, 'nodes[0].attributes.name'],
    [{ nodes: [group('a', { blocks: ['b', 3] })] }, 'nodes[0].attributes.blocks[1]'],
    [
      { nodes: [group('a')], edges: [{ source: 'a', target: 'z', attributes: { type: 'partner' } }] },
      'edges[0].target',
    ],
    [{ nodes: [group('a')], edges: [{ source: 'a', target: 'a' }] }, 'edges[0].attributes'],
    [
      { nodes: [group('a')], edges: [{ source: 'a', target: 'a', attributes: { type: '' } }] },
      'edges[0].attributes.type',
    ],
    [
      { nodes: [group('a')], edges: [{ source: 'a', target: 'a', attributes: { type: 'p', status: true } }] },
      'edges[0].attributes.status',
    ],
    [
      {
        nodes: [group('a')],
        edges: [{ source: 'a', target: 'a', undirected: 'yes', attributes: { type: 'p' } }],
      },
      'edges[0].undirected',
    ],
    [
      {
        nodes: [group('a')],
        edges: [
          { key: 'e', source: 'a', target: 'a', attributes: { type: 'p' } },
          { key: 'e', source: 'a', target: 'a', attributes: { type: 'p' } },
        ],
      },
      'edges[1].key',
    ],
  ];

  it('are refused with MALFORMED_GRAPH naming the path', () => {
    for (const [input, path] of cases) {
      expect(() => parseSerializedGraph(input)).toThrow(
        expect.objectContaining({ code: 'MALFORMED_GRAPH', path }),
      );
    }
  });

  it('never crash on arbitrary JSON: a graph or a MALFORMED_GRAPH error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseSerializedGraph({ nodes: [group('a')], edges: [value] });
          parseSerializedGraph(value);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('MALFORMED_GRAPH');
        }
      }),
      { numRuns: 300 },
    );
  });
});
