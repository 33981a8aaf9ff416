import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSerializedGraph } from '../model/parse-serialized-graph';
import { buildFeed } from './build-feed';
import type { FeedItem } from './feed-definition';
import { feedGroups } from './feed-groups';
import { mergeFeedItems } from './merge-feed-items';
import { readFeedDefinition } from './parse-feed-definition';

const graph = readSerializedGraph(
  readFileSync(new URL('../../test/graphs/paris-lyon.json', import.meta.url), 'utf8'),
);

describe('feed definitions', () => {
  it('parse, keeping only known fields', () => {
    expect(
      readFeedDefinition({
        id: 'mine',
        owner: 'g-bastille',
        sources: [{ type: 'places', radiusKm: 10, colour: 'red' }],
        kinds: ['need'],
        extra: true,
      }),
    ).toEqual({
      id: 'mine',
      owner: 'g-bastille',
      sources: [{ type: 'places', radiusKm: 10 }],
      kinds: ['need'],
    });
  });

  it('reject bad definitions naming the path', () => {
    const base = { id: 'f', owner: 'g-bastille', sources: [{ type: 'groups', groups: ['g-louvre'] }] };
    const cases: [unknown, string][] = [
      [[], '$'],
      [{ ...base, id: '' }, 'id'],
      [{ ...base, sources: [] }, 'sources'],
      [{ ...base, sources: [{ type: 'magic' }] }, 'sources[0].type'],
      [{ ...base, sources: [base.sources[0], { type: 'places', radiusKm: -3 }] }, 'sources[1].radiusKm'],
      [{ ...base, sources: [{ type: 'places' }] }, 'sources[0]'],
      [
        { ...base, sources: [{ type: 'relations', relations: ['partner'], maxHops: 0 }] },
        'sources[0].maxHops',
      ],
      [{ ...base, sources: [{ type: 'themes', themes: ['Q7163', 7] }] }, 'sources[0].themes[1]'],
      [{ ...base, kinds: 'need' }, 'kinds'],
    ];
    for (const [input, path] of cases) {
      expect(() => readFeedDefinition(input)).toThrow(
        expect.objectContaining({ code: 'INVALID_FEED', path }),
      );
    }
  });
});

describe('feed groups', () => {
  const feed = (sources: unknown[], owner = 'g-bastille') =>
    feedGroups(graph, readFeedDefinition({ id: 'f', owner, sources }));

  it('explicit groups (entities and unknown keys ignored)', () => {
    expect(feed([{ type: 'groups', groups: ['g-lyon-school', 'Q90', 'ghost', 'g-louvre'] }])).toEqual([
      'g-louvre',
      'g-lyon-school',
    ]);
  });

  it('relation types around the owner, accepted only', () => {
    expect(feed([{ type: 'relations', relations: ['partner'] }])).toEqual(['g-louvre']);
    expect(feed([{ type: 'relations', relations: [], maxHops: 2 }])).toEqual(['g-louvre', 'g-lyon-garden']);
    expect(feed([{ type: 'relations', relations: ['follows'], maxHops: 3 }])).toEqual([]);
  });

  it('themes', () => {
    expect(feed([{ type: 'themes', themes: ['Q11451'] }])).toEqual(['g-lyon-garden', 'g-nowhere']);
  });

  it('places, down located-in chains, and around the owner', () => {
    // Paris holds the 11th arrondissement, where the Bastille group is; France holds everything.
    expect(feed([{ type: 'places', places: ['Q90'] }], 'g-louvre')).toEqual(['g-bastille']);
    expect(feed([{ type: 'places', places: ['Q142'] }])).toEqual([
      'g-france',
      'g-lyon-garden',
      'g-lyon-school',
    ]);
    expect(feed([{ type: 'places', radiusKm: 50 }])).toEqual(['g-louvre']);
    expect(feed([{ type: 'places', places: ['Q142'], radiusKm: 50 }])).toEqual([]);
  });

  it('union of sources, minus exclusions; unknown owner is an error', () => {
    const definition = readFeedDefinition({
      id: 'f',
      owner: 'g-bastille',
      sources: [
        { type: 'themes', themes: ['Q11451'] },
        { type: 'relations', relations: ['partner'] },
      ],
      exclude: ['g-nowhere'],
    });
    expect(feedGroups(graph, definition)).toEqual(['g-louvre', 'g-lyon-garden']);
    expect(() => feedGroups(graph, { ...definition, owner: 'ghost' })).toThrow(
      expect.objectContaining({ code: 'NODE_NOT_FOUND' }),
    );
  });
});

describe('merging item streams', () => {
  const item = (group: string, id: string, timestamp: number, kind = 'need'): FeedItem => ({
    id,
    group,
    kind,
    timestamp,
  });

  it('plain chronological order, ties by group then id, duplicates once; kinds and groups filtered', () => {
    const louvre = [item('g-louvre', 'a', 30), item('g-louvre', 'b', 10, 'offer')];
    const garden = [
      item('g-lyon-garden', 'a', 10),
      item('g-lyon-garden', 'c', 20, 'event'),
      item('g-lyon-garden', 'a', 10),
    ];
    const stranger = [item('g-france', 'x', 5)];
    const definition = readFeedDefinition({
      id: 'f',
      owner: 'g-bastille',
      sources: [{ type: 'relations', relations: [], maxHops: 2 }],
      kinds: ['need', 'offer'],
    });
    const ids = (items: FeedItem[]) => items.map((i) => `${i.group}/${i.id}@${i.timestamp}`);
    expect(ids(buildFeed(graph, definition, [louvre, garden, stranger]))).toEqual([
      'g-louvre/b@10',
      'g-lyon-garden/a@10',
      'g-louvre/a@30',
    ]);
    expect(ids(buildFeed(graph, definition, [garden, louvre], { order: 'newest-first', limit: 2 }))).toEqual([
      'g-louvre/a@30',
      'g-lyon-garden/a@10',
    ]);
    expect(ids(mergeFeedItems([louvre, garden], { since: 10, until: 30 }))).toEqual([
      'g-louvre/b@10',
      'g-lyon-garden/a@10',
      'g-lyon-garden/c@20',
    ]);
  });

  it('the merge depends neither on the order of streams nor of items', () => {
    const anItem = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      group: fc.constantFrom('g1', 'g2'),
      kind: fc.constantFrom('need', 'offer'),
      timestamp: fc.integer({ min: 0, max: 5 }),
      note: fc.constantFrom('x', 'y'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(anItem, { maxLength: 8 }), { maxLength: 5 }),
        fc.nat(),
        (streams, seed) => {
          const shuffled = fc.sample(
            fc.shuffledSubarray(streams.flat(), { minLength: streams.flat().length }),
            {
              seed,
              numRuns: 1,
            },
          )[0]!;
          const merged = mergeFeedItems(streams);
          expect(mergeFeedItems([shuffled])).toEqual(merged);
          expect(mergeFeedItems([...streams].reverse())).toEqual(merged);
          for (let i = 1; i < merged.length; i++)
            expect(merged[i - 1]!.timestamp <= merged[i]!.timestamp).toBe(true);
          expect(new Set(merged.map((m) => `${m.group}/${m.id}`)).size).toBe(merged.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
