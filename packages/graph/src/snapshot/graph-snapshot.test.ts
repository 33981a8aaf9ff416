import { readFileSync } from 'node:fs';
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propagateOptionsArbitrary, serializedGraphArbitrary } from '../../test/reference/random-graph';
import { readCompactGraph } from '../compact/parse-compact-graph';
import { readSerializedGraph } from '../model/parse-serialized-graph';
import { propagate } from '../propagation/propagate';
import { crc32 } from './crc32';
import { isGraphSnapshot } from './graph-snapshot-format';
import { parseGraphSnapshot, readGraphSnapshot } from './parse-graph-snapshot';
import { writeGraphSnapshot } from './write-graph-snapshot';

const PARIS_LYON = readFileSync(new URL('../../test/graphs/paris-lyon.json', import.meta.url), 'utf8');
const VECTOR = new Uint8Array(
  readFileSync(new URL('../../test/vectors/snapshot/paris-lyon.v1.snapshot', import.meta.url)),
);

interface Layout {
  magic?: number[];
  version?: number;
  nodeCount?: number;
  edgeCount?: number;
  reserved?: number;
  table: unknown;
  /** Raw table bytes, instead of the JSON of `table`. */
  tableBytes?: Uint8Array;
  padding?: number;
  source: number[];
  target: number[];
  attributes: number[];
  flags: number[];
  checksum?: number;
}

/**
 * A snapshot put together byte by byte from the layout the format module documents, with
 * node:zlib's CRC-32 — independent of the package's writer — so that tests can make any
 * malformed snapshot with a valid checksum.
 */
function assemble(layout: Layout): Uint8Array {
  const table = layout.tableBytes ?? new TextEncoder().encode(JSON.stringify(layout.table));
  const m = layout.source.length;
  const columns = 32 + Math.ceil(table.length / 4) * 4;
  const bytes = new Uint8Array(columns + 13 * m);
  const view = new DataView(bytes.buffer);
  bytes.set(layout.magic ?? [0x89, 0x49, 0x4d, 0x41, 0x47, 0x4f, 0x47, 0x0a], 0);
  view.setUint32(8, layout.version ?? 1, true);
  view.setUint32(12, layout.nodeCount ?? (layout.table as { nodes: unknown[] }).nodes.length, true);
  view.setUint32(16, layout.edgeCount ?? m, true);
  view.setUint32(20, table.length, true);
  view.setUint32(28, layout.reserved ?? 0, true);
  bytes.set(table, 32);
  if (layout.padding !== undefined) bytes[32 + table.length] = layout.padding;
  for (let e = 0; e < m; e++) {
    view.setUint32(columns + 4 * e, layout.source[e]!, true);
    view.setUint32(columns + 4 * (m + e), layout.target[e]!, true);
    view.setUint32(columns + 4 * (2 * m + e), layout.attributes[e]!, true);
    bytes[columns + 12 * m + e] = layout.flags[e]!;
  }
  view.setUint32(24, layout.checksum ?? zlibCrc32(bytes.subarray(32)), true);
  return bytes;
}

const node = (key: string, attributes: object = { kind: 'group' }) => ({ key, attributes });

/** A valid layout: two groups and a theme, a keyed undirected partnership and an interest. */
const valid = (): Layout => ({
  table: {
    attributes: { title: 't' },
    nodes: [node('a'), node('b'), node('Q1', { kind: 'entity', name: 'Q1' })],
    edgeAttributes: [{ type: 'partner', status: 'accepted' }, { type: 'interested-in' }],
    edgeKeys: ['r1'],
  },
  source: [0, 0],
  target: [1, 2],
  attributes: [0, 1],
  flags: [3, 0],
});

function expectMalformed(bytes: Uint8Array, path: string, offset?: number): void {
  expect(() => readGraphSnapshot(bytes)).toThrow(
    expect.objectContaining({
      code: 'MALFORMED_SNAPSHOT',
      path,
      ...(offset === undefined ? {} : { offset }),
    }),
  );
}

describe('graph snapshots', () => {
  it('follow the documented layout (a snapshot assembled by hand reads as the graph it describes)', () => {
    const graph = readGraphSnapshot(assemble(valid()));
    expect(graph.export()).toEqual({
      options: { type: 'mixed', multi: true, allowSelfLoops: true },
      attributes: { title: 't' },
      nodes: [node('a'), node('b'), node('Q1', { kind: 'entity', name: 'Q1' })],
      edges: [
        {
          key: 'r1',
          source: 'a',
          target: 'b',
          attributes: { type: 'partner', status: 'accepted' },
          undirected: true,
        },
        { source: 'a', target: 'Q1', attributes: { type: 'interested-in' } },
      ],
    });
    // And the writer lays the same graph out exactly so.
    expect(writeGraphSnapshot(graph)).toEqual(assemble(valid()));
  });

  it('round-trip: read(write(g)) exports as g, and writing it again gives the same bytes', () => {
    fc.assert(
      fc.property(serializedGraphArbitrary, (serialized) => {
        const graph = readCompactGraph(serialized);
        const bytes = writeGraphSnapshot(graph);
        expect(isGraphSnapshot(bytes)).toBe(true);
        const again = readGraphSnapshot(bytes);
        expect(again.export()).toEqual(graph.export());
        expect(writeGraphSnapshot(again)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('the snapshot path and the JSON path give identical answers on random graphs', () => {
    fc.assert(
      fc.property(serializedGraphArbitrary, propagateOptionsArbitrary, (serialized, options) => {
        const fromJson = readSerializedGraph(JSON.stringify(serialized));
        const fromSnapshot = readGraphSnapshot(
          writeGraphSnapshot(readCompactGraph(JSON.stringify(serialized))),
        );
        for (const from of fromJson.nodes()) {
          expect(propagate(fromSnapshot, from, options)).toEqual(propagate(fromJson, from, options));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a version-1 snapshot written earlier (test/vectors/snapshot) still reads as its graph', () => {
    expect(readGraphSnapshot(VECTOR).export()).toEqual(readCompactGraph(PARIS_LYON).export());
  });

  it('still reads under its former name, parseGraphSnapshot', () => {
    expect(parseGraphSnapshot(VECTOR).export()).toEqual(readGraphSnapshot(VECTOR).export());
    expect(() => parseGraphSnapshot(VECTOR.subarray(0, 8))).toThrow(
      expect.objectContaining({ code: 'MALFORMED_SNAPSHOT', path: 'header' }),
    );
  });

  it('checksum: CRC-32 as zlib computes it', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
    );
  });
});

describe('malformed snapshots are refused with MALFORMED_SNAPSHOT naming the place', () => {
  it('header, length and checksum', () => {
    expectMalformed('not bytes' as unknown as Uint8Array, '$');
    expectMalformed(new Uint8Array(31), 'header', 0);
    expectMalformed(new TextEncoder().encode(PARIS_LYON), 'header.magic', 0);
    expectMalformed(
      assemble({ ...valid(), magic: [0x89, 0x49, 0x4d, 0x41, 0x47, 0x4f, 0x47, 0x0d] }),
      'header.magic',
    );
    expectMalformed(assemble({ ...valid(), version: 2 }), 'header.version', 8);
    expectMalformed(assemble({ ...valid(), reserved: 1 }), 'header.reserved', 28);
    const bytes = assemble(valid());
    expectMalformed(bytes.subarray(0, bytes.length - 1), 'body', 32);
    expectMalformed(Uint8Array.of(...bytes, 0), 'body', 32);
    expectMalformed(assemble({ ...valid(), edgeCount: 3 }), 'body');
    expectMalformed(assemble({ ...valid(), checksum: 7 }), 'header.checksum', 24);
    const flipped = bytes.slice();
    flipped[40]! ^= 1;
    expectMalformed(flipped, 'header.checksum', 24);
  });

  it('table', () => {
    const table = valid().table as Record<string, unknown>;
    const tableBytes = new TextEncoder().encode(JSON.stringify(table));
    expectMalformed(assemble({ ...valid(), tableBytes: Uint8Array.of(...tableBytes, 0xff) }), 'table', 32);
    expectMalformed(assemble({ ...valid(), nodeCount: 3, tableBytes: tableBytes.subarray(1) }), 'table', 32);
    expectMalformed(assemble({ ...valid(), nodeCount: 3, table: [] }), 'table');
    const cases: [Record<string, unknown>, string][] = [
      [{ attributes: 3 }, 'table.attributes'],
      [{ nodes: {} }, 'table.nodes'],
      [{ nodes: [node('a'), node('b')] }, 'table.nodes'],
      [{ nodes: [node('a'), 7, node('Q1')] }, 'table.nodes[1]'],
      [{ nodes: [node('a'), { key: 2, attributes: { kind: 'group' } }, node('Q1')] }, 'table.nodes[1].key'],
      [{ nodes: [node('a'), node('a'), node('Q1')] }, 'table.nodes[1].key'],
      [
        { nodes: [node('a'), node('b', { kind: 'group', lat: 91, lon: 0 }), node('Q1')] },
        'table.nodes[1].attributes.lat',
      ],
      [{ nodes: [node('a'), node('b', { kind: 'person' }), node('Q1')] }, 'table.nodes[1].attributes.kind'],
      [{ edgeAttributes: null }, 'table.edgeAttributes'],
      [{ edgeAttributes: [{ type: 'partner' }, { type: '' }] }, 'table.edgeAttributes[1].type'],
      [{ edgeAttributes: [{ type: 'partner', status: 1 }, { type: 'x' }] }, 'table.edgeAttributes[0].status'],
      [{ edgeKeys: 'r1' }, 'table.edgeKeys'],
      [{ edgeKeys: [1] }, 'table.edgeKeys[0]'],
      [{ edgeKeys: ['r1', 'r1'] }, 'table.edgeKeys[1]'],
      [{ edgeKeys: ['r1', 'r2'] }, 'table.edgeKeys'],
    ];
    for (const [change, path] of cases) {
      expectMalformed(assemble({ ...valid(), nodeCount: 3, table: { ...table, ...change } }), path, 32);
    }
  });

  it('padding and edge columns, at their byte offsets', () => {
    const tableLength = new TextEncoder().encode(JSON.stringify(valid().table)).length;
    expect(tableLength % 4).not.toBe(0); // so that there is padding to spoil
    const columns = 32 + Math.ceil(tableLength / 4) * 4;
    expectMalformed(assemble({ ...valid(), padding: 0x20 }), 'padding');
    expectMalformed(assemble({ ...valid(), source: [0, 3] }), 'edges[1].source', columns + 4);
    expectMalformed(assemble({ ...valid(), target: [7, 2] }), 'edges[0].target', columns + 8);
    expectMalformed(assemble({ ...valid(), attributes: [0, 2] }), 'edges[1].attributes', columns + 20);
    expectMalformed(assemble({ ...valid(), flags: [3, 4] }), 'edges[1].flags', columns + 25);
    expectMalformed(assemble({ ...valid(), flags: [1, 0] }), 'table.edgeKeys', 32);
  });

  it('never crash: any corruption (checksum made to match) is a graph or MALFORMED_SNAPSHOT', () => {
    const bytes = writeGraphSnapshot(readCompactGraph(PARIS_LYON));
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat({ max: bytes.length }),
        (changes, length) => {
          const corrupt = bytes.slice(0, Math.max(length, 32));
          for (const { at, value } of changes) corrupt[32 + (at % Math.max(1, corrupt.length - 32))] = value;
          if (corrupt.length > 32) {
            new DataView(corrupt.buffer).setUint32(24, zlibCrc32(corrupt.subarray(32)), true);
          }
          try {
            readGraphSnapshot(corrupt);
          } catch (error) {
            expect((error as { code?: string }).code).toBe('MALFORMED_SNAPSHOT');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
