import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyGraphEvents } from '../events/apply-graph-event';
import { createImagoGraph } from '../model/parse-serialized-graph';
import { propagate } from '../propagation/propagate';
import { resolveLocation } from '../proximity/resolve-location';
import { createStaticResolver, createWikidataResolver } from './entity-resolver';
import { importWikidataEntities } from './import-wikidata-entities';
import { readWikidataEntities } from './parse-wikidata-entities';
import { entityLabel } from './wikidata-entity';

const dir = new URL('../../test/vectors/wikidata/', import.meta.url);
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const fixtures = readdirSync(dir)
  .filter((name) => /^Q\d+\.json$/.test(name))
  .map(load);

describe('Wikidata entity JSON (Special:EntityData / wbgetentities)', () => {
  it('reads labels, P625 coordinates, P131, P31 and P279', () => {
    const [paris] = readWikidataEntities(load('Q90.json'));
    expect(paris).toEqual({
      id: 'Q90',
      labels: { en: 'Paris', fr: 'Paris' },
      coordinates: { lat: 48.856666666667, lon: 2.3522222222222 },
      locatedIn: ['Q13917'],
      instanceOf: ['Q515', 'Q1549591'],
      subclassOf: [],
    });
    const [district] = readWikidataEntities(load('Q169293.json'));
    expect(district!.coordinates).toBeUndefined();
    expect(district!.locatedIn).toEqual(['Q90']);
    expect(entityLabel(district!, ['fr'])).toBe('11e arrondissement de Paris');
    const [physics] = readWikidataEntities(load('Q413.json'));
    expect(physics!.subclassOf).toEqual(['Q7991']);
  });

  it('keeps best-ranked statements only: a deprecated coordinate is ignored', () => {
    const [lyon] = readWikidataEntities(load('Q456.json'));
    expect(lyon!.coordinates).toEqual({ lat: 45.758888888889, lon: 4.8413888888889 });
  });

  it('reads a multi-entity wbgetentities answer and skips missing items', () => {
    const entities = readWikidataEntities(load('wbgetentities-physics-biology.json'));
    expect(entities.map((entity) => entity.id)).toEqual(['Q413', 'Q420']);
  });

  it('rejects malformed documents naming the path', () => {
    const cases: [string, string][] = [
      ['bad-claims.json', 'entities.Q90.claims.P625'],
      ['not-an-item.json', 'entities.P31.type'],
      ['entities-not-object.json', 'entities'],
      ['bad-label.json', 'entities.Q90.labels.en'],
    ];
    for (const [name, path] of cases) {
      expect(() => readWikidataEntities(load(`invalid/${name}`))).toThrow(
        expect.objectContaining({ code: 'MALFORMED_ENTITY', path }),
      );
    }
    expect(() => readWikidataEntities('Q90')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_ENTITY', path: '$' }),
    );
  });
});

describe('importing entities into the group graph', () => {
  it('follows P131 from the arrondissement to Paris, so a group there is located at Paris', async () => {
    const graph = createImagoGraph();
    const resolved = await importWikidataEntities(graph, createStaticResolver(fixtures), ['Q169293', 'Q456']);
    expect(resolved.map((entity) => entity.id).sort()).toEqual(['Q169293', 'Q456', 'Q90']);
    // Q13917 (the region) is not among the fixtures: it stays a stub entity.
    expect(graph.getNodeAttributes('Q13917')).toEqual({ kind: 'entity', wikidata: 'Q13917' });
    applyGraphEvents(graph, [
      { type: 'group.upserted', group: 'bastille' },
      { type: 'group.upserted', group: 'lyon', attributes: { lat: 45.76, lon: 4.84 } },
      { type: 'link.added', link: 'located-in', from: 'bastille', to: 'Q169293' },
    ]);
    expect(resolveLocation(graph, 'bastille')).toEqual({
      lat: 48.856666666667,
      lon: 2.3522222222222,
      via: 'Q90',
    });
    expect(propagate(graph, 'bastille', { by: 'geo' }).map((t) => t.key)).toEqual(['lyon']);
  });

  it('follows P279 so that related themes are credited in the richer theme mode', async () => {
    const graph = createImagoGraph();
    await importWikidataEntities(graph, createStaticResolver(fixtures), ['Q413', 'Q420', 'Q7163'], {
      subclassOfDepth: 2,
    });
    expect(graph.hasNode('Q336')).toBe(true);
    applyGraphEvents(graph, [
      { type: 'group.upserted', group: 'physicists' },
      { type: 'group.upserted', group: 'biologists' },
      { type: 'group.upserted', group: 'activists' },
      { type: 'link.added', link: 'interested-in', from: 'physicists', to: 'Q413' },
      { type: 'link.added', link: 'interested-in', from: 'biologists', to: 'Q420' },
      { type: 'link.added', link: 'interested-in', from: 'activists', to: 'Q7163' },
    ]);
    expect(propagate(graph, 'physicists', { by: 'theme' })).toEqual([]);
    // Depth 1: {physics, natural science} vs {biology, natural science}: 1/3.
    expect(propagate(graph, 'physicists', { by: 'theme', themeDepth: 1 })).toEqual([
      { key: 'biologists', score: 1 / 3, similarity: 1 / 3, sharedThemes: ['Q7991'] },
    ]);
    // Depth 2 adds science to both: 2/4.
    expect(propagate(graph, 'physicists', { by: 'theme', themeDepth: 2 })[0]!.score).toBe(2 / 4);
  });

  it('the live resolver builds wbgetentities requests and parses the answers (served locally here)', async () => {
    const requested: string[] = [];
    const fetchLocal = (async (url: string) => {
      requested.push(url);
      const ids = new URL(url).searchParams.get('ids')!.split('|');
      const entities = Object.fromEntries(
        fixtures
          .map((document) => Object.entries((document as { entities: Record<string, unknown> }).entities)[0]!)
          .filter(([id]) => ids.includes(id)),
      );
      return new Response(JSON.stringify({ entities, success: 1 }), { status: 200 });
    }) as typeof fetch;
    const resolver = createWikidataResolver({
      fetch: fetchLocal,
      languages: ['fr'],
      userAgent: 'imago-tests',
    });
    const entities = await resolver.getEntities(['Q90', 'Q456']);
    expect(entities.map((entity) => entity.id).sort()).toEqual(['Q456', 'Q90']);
    const url = new URL(requested[0]!);
    expect(url.origin).toBe('https://www.wikidata.org');
    expect(url.searchParams.get('action')).toBe('wbgetentities');
    expect(url.searchParams.get('languages')).toBe('fr');
    const failing = createWikidataResolver({
      fetch: (async () => new Response('', { status: 503 })) as typeof fetch,
    });
    await expect(failing.getEntities(['Q90'])).rejects.toMatchObject({ code: 'ENTITY_RESOLUTION_FAILED' });
  });
});
