import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSerializedGraph } from '../model/parse-serialized-graph';
import { propagate } from '../propagation/propagate';
import { applyGraphEvent, applyGraphEvents, graphFromEvents } from './apply-graph-event';
import type { GraphEvent } from './graph-event';
import { readGraphEvent } from './parse-graph-event';

const setup: GraphEvent[] = [
  {
    type: 'entity.upserted',
    entity: 'Q90',
    attributes: { name: 'Paris', wikidata: 'Q90', lat: 48.856667, lon: 2.352222 },
  },
  {
    type: 'entity.upserted',
    entity: 'Q169293',
    attributes: { name: '11th arrondissement', wikidata: 'Q169293' },
  },
  { type: 'link.added', link: 'located-in', from: 'Q169293', to: 'Q90' },
  { type: 'group.upserted', group: 'a', attributes: { name: 'A' } },
  { type: 'group.upserted', group: 'b', attributes: { name: 'B', lat: 48.86, lon: 2.35 } },
  { type: 'group.upserted', group: 'c', attributes: { name: 'C' } },
  { type: 'link.added', link: 'located-in', from: 'a', to: 'Q169293' },
];

const hops = (graph: Parameters<typeof propagate>[0], from: string) =>
  propagate(graph, from, { by: 'relation' }).map((t) => [t.key, t.hops]);

describe('consented relations', () => {
  it('a proposal does not count until the other side accepts; either side may end it', () => {
    const graph = graphFromEvents(setup);
    applyGraphEvent(graph, { type: 'relation.proposed', relation: 'partner', from: 'a', to: 'b' });
    expect(hops(graph, 'a')).toEqual([]);
    applyGraphEvent(graph, { type: 'relation.accepted', relation: 'partner', from: 'a', to: 'b', by: 'b' });
    expect(hops(graph, 'a')).toEqual([['b', 1]]);
    expect(hops(graph, 'b')).toEqual([['a', 1]]);
    applyGraphEvent(graph, { type: 'relation.proposed', relation: 'follows', from: 'c', to: 'b' });
    applyGraphEvent(graph, { type: 'relation.accepted', relation: 'follows', from: 'c', to: 'b', by: 'b' });
    expect(hops(graph, 'a')).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
    applyGraphEvent(graph, { type: 'relation.ended', relation: 'partner', from: 'a', to: 'b', by: 'b' });
    expect(hops(graph, 'a')).toEqual([]);
    expect(hops(graph, 'c')).toEqual([['b', 1]]);
  });

  it('crossing proposals meet and make an accepted relation', () => {
    const graph = graphFromEvents([
      ...setup,
      { type: 'relation.proposed', relation: 'partner', from: 'a', to: 'c' },
      { type: 'relation.proposed', relation: 'partner', from: 'c', to: 'a' },
    ]);
    expect(hops(graph, 'a')).toEqual([['c', 1]]);
    expect(graph.size).toBe(3);
  });

  it('the proposer cannot accept, and a third group cannot end', () => {
    const graph = graphFromEvents([
      ...setup,
      { type: 'relation.proposed', relation: 'partner', from: 'a', to: 'b' },
    ]);
    expect(() =>
      applyGraphEvent(graph, { type: 'relation.accepted', relation: 'partner', from: 'a', to: 'b', by: 'a' }),
    ).toThrow(expect.objectContaining({ code: 'CONSENT_VIOLATION' }));
    expect(() =>
      applyGraphEvent(graph, { type: 'relation.ended', relation: 'partner', from: 'a', to: 'b', by: 'c' }),
    ).toThrow(expect.objectContaining({ code: 'CONSENT_VIOLATION' }));
    expect(() =>
      applyGraphEvent(graph, { type: 'relation.accepted', relation: 'follows', from: 'a', to: 'b', by: 'b' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_EVENT', path: 'relation' }));
  });

  it('replaying the same events is harmless', () => {
    const log: GraphEvent[] = [
      ...setup,
      { type: 'relation.proposed', relation: 'partner', from: 'a', to: 'b' },
      { type: 'relation.accepted', relation: 'partner', from: 'a', to: 'b', by: 'b' },
      { type: 'link.added', link: 'interested-in', from: 'a', to: 'Q90' },
    ];
    const once = graphFromEvents(log).export();
    const twice = graphFromEvents([...log, ...log]).export();
    expect(twice).toEqual(once);
  });

  it('a graph built from events serialises to a file imago-graph reads, with the same answers', () => {
    const graph = graphFromEvents([
      ...setup,
      { type: 'relation.proposed', relation: 'partner', from: 'a', to: 'b' },
      { type: 'relation.accepted', relation: 'partner', from: 'a', to: 'b', by: 'b' },
    ]);
    const reread = readSerializedGraph(JSON.stringify(graph.export()));
    for (const by of ['geo', 'relation', 'theme', 'composite'] as const) {
      expect(propagate(reread, 'a', { by })).toEqual(propagate(graph, 'a', { by }));
    }
    // a is located in the arrondissement, which is in Paris.
    expect(propagate(graph, 'a', { by: 'geo' })[0]!.key).toBe('b');
  });

  it('group attributes merge; null removes; filters apply', () => {
    const graph = graphFromEvents([
      ...setup,
      { type: 'group.upserted', group: 'b', attributes: { blocks: ['a'] } },
      { type: 'group.upserted', group: 'c', attributes: { lat: 48.9, lon: 2.4 } },
    ]);
    expect(graph.getNodeAttributes('b')).toMatchObject({ name: 'B', lat: 48.86, blocks: ['a'] });
    expect(propagate(graph, 'a', { by: 'geo' }).map((t) => t.key)).toEqual(['c']);
    applyGraphEvent(graph, { type: 'group.upserted', group: 'b', attributes: { blocks: null } });
    expect(graph.getNodeAttributes('b')).not.toHaveProperty('blocks');
    applyGraphEvent(graph, { type: 'group.upserted', group: 'c', attributes: { lat: null, lon: null } });
    expect(propagate(graph, 'a', { by: 'geo' }).map((t) => t.key)).toEqual(['b']);
  });
});

describe('event parsing and atomicity', () => {
  it('rejects malformed events naming the field', () => {
    const cases: [unknown, string][] = [
      [null, '$'],
      [{ type: 'group.renamed' }, 'type'],
      [{ type: 'group.upserted' }, 'group'],
      [{ type: 'group.upserted', group: 'g', attributes: { lat: 100, lon: 0 } }, 'attributes.lat'],
      [{ type: 'group.upserted', group: 'g', attributes: { lat: 10 } }, 'attributes'],
      [{ type: 'group.upserted', group: 'g', attributes: { colour: 'red' } }, 'attributes.colour'],
      [{ type: 'group.upserted', group: 'g', attributes: { blocks: [1] } }, 'attributes.blocks[0]'],
      [{ type: 'relation.proposed', relation: 'located-in', from: 'a', to: 'b' }, 'relation'],
      [{ type: 'relation.accepted', relation: 'partner', from: 'a', to: 'b' }, 'by'],
      [{ type: 'link.added', link: 'likes', from: 'a', to: 'b' }, 'link'],
    ];
    for (const [input, path] of cases) {
      expect(() => readGraphEvent(input)).toThrow(expect.objectContaining({ code: 'INVALID_EVENT', path }));
    }
  });

  it('events referring to missing or wrong-kind nodes are refused and name their index', () => {
    expect(() =>
      applyGraphEvents(graphFromEvents(setup), [
        { type: 'relation.proposed', relation: 'partner', from: 'a', to: 'b' },
        { type: 'relation.proposed', relation: 'partner', from: 'a', to: 'Q90' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_EVENT', path: '[1].to' }));
    expect(() =>
      applyGraphEvents(graphFromEvents(setup), [
        { type: 'link.added', link: 'located-in', from: 'a', to: 'b' },
      ]),
    ).toThrow(expect.objectContaining({ path: '[0].to' }));
    expect(() =>
      applyGraphEvents(graphFromEvents(setup), [{ type: 'group.upserted', group: 'Q90' }]),
    ).toThrow(expect.objectContaining({ path: '[0].group' }));
  });

  it('a refused event leaves the graph exactly as it was', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'Q90', 'Q169293', 'zz');
    const event = fc.oneof(
      fc.record({
        type: fc.constant('relation.proposed'),
        relation: fc.constantFrom('partner', 'follows'),
        from: key,
        to: key,
      }),
      fc.record({
        type: fc.constantFrom('relation.accepted', 'relation.ended'),
        relation: fc.constantFrom('partner', 'follows'),
        from: key,
        to: key,
        by: key,
      }),
      fc.record({
        type: fc.constantFrom('link.added', 'link.removed'),
        link: fc.constantFrom('located-in', 'interested-in'),
        from: key,
        to: key,
      }),
      fc.record({ type: fc.constantFrom('group.upserted', 'group.removed'), group: key }),
      fc.record({ type: fc.constantFrom('entity.upserted', 'entity.removed'), entity: key }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const graph = graphFromEvents(setup);
        for (const e of events) {
          const before = JSON.stringify(graph.export());
          try {
            applyGraphEvent(graph, e);
          } catch (error) {
            expect(['INVALID_EVENT', 'CONSENT_VIOLATION']).toContain((error as { code: string }).code);
            expect(JSON.stringify(graph.export())).toBe(before);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
