/**
 * Serialised graphs that break the Imago contract, each with the path its error must name.
 * Every parser of graphology's format in the package refuses each of them the same way.
 */

/** A group node of a serialised graph. */
export const node = (key: string, extra: object = {}) => ({
  key,
  attributes: { kind: 'group', name: key, ...extra },
});

export const MALFORMED_GRAPHS: [unknown, string][] = [
  ['{ nope', '$'],
  [[], '$'],
  [{ nodes: {} }, 'nodes'],
  [{ nodes: [], edges: {} }, 'edges'],
  [{ options: { type: 'weird' }, nodes: [] }, 'options.type'],
  [{ nodes: [null] }, 'nodes[0]'],
  [{ nodes: [{ key: true, attributes: { kind: 'group' } }] }, 'nodes[0].key'],
  [{ nodes: [node('a'), node('a')] }, 'nodes[1].key'],
  [{ nodes: [{ key: 'a' }] }, 'nodes[0].attributes'],
  [{ nodes: [{ key: 'a', attributes: { kind: 'person' } }] }, 'nodes[0].attributes.kind'],
  [{ nodes: [node('a', { lat: 10 })] }, 'nodes[0].attributes.lon'],
  [{ nodes: [node('a', { lat: '48.8', lon: 2 })] }, 'nodes[0].attributes.lat'],
  [{ nodes: [node('a', { lat: 48, lon: 200 })] }, 'nodes[0].attributes.lon'],
  [{ nodes: [node('a', { name: 7 })] }, 'nodes[0].attributes.name'],
  [{ nodes: [node('a', { blocks: ['b', 3] })] }, 'nodes[0].attributes.blocks[1]'],
  [
    { nodes: [node('a')], edges: [{ source: 'a', target: 'z', attributes: { type: 'partner' } }] },
    'edges[0].target',
  ],
  [{ nodes: [node('a')], edges: [{ source: 'a', target: 'a' }] }, 'edges[0].attributes'],
  [
    { nodes: [node('a')], edges: [{ source: 'a', target: 'a', attributes: { type: '' } }] },
    'edges[0].attributes.type',
  ],
  [
    { nodes: [node('a')], edges: [{ source: 'a', target: 'a', attributes: { type: 'p', status: true } }] },
    'edges[0].attributes.status',
  ],
  [
    {
      nodes: [node('a')],
      edges: [{ source: 'a', target: 'a', undirected: 'yes', attributes: { type: 'p' } }],
    },
    'edges[0].undirected',
  ],
  [
    {
      nodes: [node('a')],
      edges: [
        { key: 'e', source: 'a', target: 'a', attributes: { type: 'p' } },
        { key: 'e', source: 'a', target: 'a', attributes: { type: 'p' } },
      ],
    },
    'edges[1].key',
  ],
];
