/**
 * Reading graphology's JSON from bytes, whole or a piece at a time: the same graph as the text
 * parsed whole, and the same refusals, at the same paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MALFORMED_GRAPHS } from '../../test/reference/malformed-graphs';
import { serializedGraphArbitrary } from '../../test/reference/random-graph';
import { readSerializedGraph } from '../model/parse-serialized-graph';
import { parseInPieces, readCompactGraph } from './parse-compact-graph';

describe('CompactGraph from JSON bytes, parsed in pieces', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const outcome = (parse: () => { export(): unknown }) => {
    try {
      return { graph: parse().export() };
    } catch (error) {
      const { code, path } = error as { code?: string; path?: string };
      return { error: `${code} ${path}` };
    }
  };

  it('gives the graph of the text, whatever the piece size, layout and byte-order mark', () => {
    fc.assert(
      fc.property(
        serializedGraphArbitrary,
        fc.constantFrom(1, 7, 64, 1 << 22),
        fc.constantFrom(undefined, 1, '\t'),
        (serialized, pieceBytes, indent) => {
          const text = JSON.stringify({ extra: [1, { a: '"]}' }], ...serialized }, null, indent);
          const expected = readCompactGraph(text).export();
          expect(parseInPieces(encode(text), pieceBytes)?.export()).toEqual(expected);
          expect(readCompactGraph(encode(`\uFEFF${text}`)).export()).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts and refuses damaged texts exactly as the text is parsed whole', () => {
    const texts = serializedGraphArbitrary.chain((serialized) => {
      const text = JSON.stringify(serialized);
      return fc
        .tuple(fc.nat(text.length), fc.nat(3), fc.constantFrom(',', ']', '}', '"', '\\', ' ', '{', '1', ''))
        .map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));
    });
    const samples = fc.oneof(
      texts,
      fc.json(),
      fc.constantFrom(...MALFORMED_GRAPHS.map(([input]) => JSON.stringify(input))),
    );
    fc.assert(
      fc.property(samples, fc.constantFrom(1, 5, 1 << 22), (text, pieceBytes) => {
        const expected = outcome(() => readSerializedGraph(text));
        const whole = outcome(() => readCompactGraph(encode(text)));
        expect(whole.error ?? 'ok').toBe(expected.error ?? 'ok');
        // In pieces: the same graph, or no answer at all (then the text is parsed whole).
        const inPieces = parseInPieces(encode(text), pieceBytes);
        if (inPieces) expect(inPieces.export()).toEqual(whole.graph);
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses an array closed by a brace (or an object by a bracket), as the text parsed whole does', () => {
    const node = '{"key":"a","attributes":{"kind":"group"}}';
    for (const text of [
      `{"nodes":[${node}},"edges":[]}`,
      `{"nodes":[${node},${node}},"edges":[]}`,
      `{"nodes":[${node}],"edges":[}}`,
      `{"options":{"multi":true],"nodes":[${node}],"edges":[]}`,
    ]) {
      expect(outcome(() => readSerializedGraph(text)).error, text).toMatch(/^MALFORMED_GRAPH/);
      expect(outcome(() => readCompactGraph(encode(text))).error, text).toMatch(/^MALFORMED_GRAPH/);
      for (const pieceBytes of [1, 5]) expect(parseInPieces(encode(text), pieceBytes), text).toBeUndefined();
    }
  });

  it('refuses the malformed graphs with the same paths', () => {
    for (const [input, path] of MALFORMED_GRAPHS) {
      const text = typeof input === 'string' ? input : JSON.stringify(input);
      expect(() => readCompactGraph(encode(text))).toThrow(
        expect.objectContaining({ code: 'MALFORMED_GRAPH', path }),
      );
    }
    const group = '{"key": "a", "attributes": {"kind": "group"}}';
    for (const text of [
      '{"nodes": [1,]}',
      `{"nodes": [${group},]}`,
      `{"nodes": [${group}, , ${group.replace('"a"', '"b"')}]}`,
      `{"nodes": [${group}], "edges": [,]}`,
      '{"nodes": []} x',
      '{"nodes": [,]}',
    ]) {
      expect(() => readCompactGraph(encode(text))).toThrow(
        expect.objectContaining({ code: 'MALFORMED_GRAPH', path: '$' }),
      );
      // Even cut at every comma, the pieces never pass for a graph.
      expect(parseInPieces(encode(text), 1)).toBeUndefined();
    }
    // JSON allows repeated members (the last wins): so does the reader.
    expect(readCompactGraph(encode('{"nodes": 3, "nodes": []}')).order).toBe(0);
    expect(() => readCompactGraph(encode('{"nodes": [], "nodes": [1]}'))).toThrow(
      expect.objectContaining({ code: 'MALFORMED_GRAPH', path: 'nodes[0]' }),
    );
  });
});
