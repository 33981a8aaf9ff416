import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSerializedGraph } from '../model/parse-serialized-graph';
import { createGeoIndex } from '../proximity/geo-index';
import { assignPropagation } from './assign-propagation';
import { propagate } from './propagate';

const graph = readSerializedGraph(
  readFileSync(new URL('../../test/graphs/paris-lyon.json', import.meta.url), 'utf8'),
);

/** Spherical law of cosines: a different formula from the haversine under test, same sphere. */
function cosineLawKm(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const c =
    Math.sin(a[0] * r) * Math.sin(b[0] * r) +
    Math.cos(a[0] * r) * Math.cos(b[0] * r) * Math.cos((b[1] - a[1]) * r);
  return 6371.0088 * Math.acos(Math.min(1, c));
}

const PARIS: [number, number] = [48.856667, 2.352222];
const LYON: [number, number] = [45.758889, 4.841389];
const LOUVRE: [number, number] = [48.8606, 2.3376];
const keys = (targets: { key: string }[]) => targets.map((t) => t.key);

describe('propagation from the Bastille group (located in the 11th arrondissement, hence at Paris)', () => {
  it('geo: Louvre, then the two Lyon groups tied at Lyon (by key); unlocated groups skipped', () => {
    const targets = propagate(graph, 'g-bastille', { by: 'geo' });
    expect(keys(targets)).toEqual(['g-louvre', 'g-lyon-garden', 'g-lyon-school']);
    expect(targets[0]!.score).toBeCloseTo(cosineLawKm(PARIS, LOUVRE), 6);
    expect(targets[0]!.distanceKm).toBe(targets[0]!.score);
    expect(targets[1]!.score).toBeCloseTo(cosineLawKm(PARIS, LYON), 6);
    expect(targets[2]!.score).toBe(targets[1]!.score);
    // The same figures from an independent computation (Python, haversine, R = 6371.0088 km).
    expect(targets[0]!.score).toBeCloseTo(1.155651751609949, 9);
    expect(targets[1]!.score).toBeCloseTo(392.2134250338285, 9);
  });

  it('geo with a spatial index gives the same answer', () => {
    const geoIndex = createGeoIndex(graph);
    expect(propagate(graph, 'g-bastille', { by: 'geo', geoIndex })).toEqual(
      propagate(graph, 'g-bastille', { by: 'geo' }),
    );
    geoIndex.dispose();
  });

  it('geo radius is inclusive and k cuts', () => {
    expect(keys(propagate(graph, 'g-bastille', { by: 'geo', radiusKm: 100 }))).toEqual(['g-louvre']);
    expect(keys(propagate(graph, 'g-bastille', { by: 'geo', k: 2 }))).toEqual(['g-louvre', 'g-lyon-garden']);
    const exact = propagate(graph, 'g-bastille', { by: 'geo', k: 1 })[0]!.score;
    expect(keys(propagate(graph, 'g-bastille', { by: 'geo', radiusKm: exact }))).toEqual(['g-louvre']);
    expect(propagate(graph, 'g-bastille', { by: 'geo', radiusKm: exact * (1 - 1e-12) })).toEqual([]);
    expect(propagate(graph, 'g-bastille', { by: 'geo', radiusKm: 1 })).toEqual([]);
  });

  it('relation: only accepted group–group edges, either direction; proposed and status-less ones ignored', () => {
    const targets = propagate(graph, 'g-bastille', { by: 'relation' });
    expect(targets).toEqual([
      { key: 'g-louvre', score: 1, hops: 1 },
      { key: 'g-lyon-garden', score: 2, hops: 2 },
      { key: 'g-lyon-school', score: 3, hops: 3 },
    ]);
    expect(keys(propagate(graph, 'g-bastille', { by: 'relation', maxHops: 2 }))).toEqual([
      'g-louvre',
      'g-lyon-garden',
    ]);
    expect(propagate(graph, 'g-bastille', { by: 'relation', maxHops: 0 })).toEqual([]);
  });

  it('theme: Jaccard of interested-in sets, best first, ties by key, zero similarity excluded', () => {
    const targets = propagate(graph, 'g-bastille', { by: 'theme' });
    expect(keys(targets)).toEqual(['g-lyon-garden', 'g-france', 'g-louvre', 'g-lyon-school']);
    expect(targets.map((t) => t.score)).toEqual([2 / 3, 1 / 2, 1 / 2, 1 / 2]);
    expect(targets[0]!.sharedThemes).toEqual(['Q7163', 'Q8434']);
    expect(targets[1]!.sharedThemes).toEqual(['Q7163']);
    expect(keys(propagate(graph, 'g-bastille', { by: 'theme', minSimilarity: 0.6 }))).toEqual([
      'g-lyon-garden',
    ]);
  });

  it('composite: equal weights, (1/(1+d/10) + 1/hops + similarity) / 3', () => {
    const g = (d: number) => 1 / (1 + d / 10);
    const dLouvre = cosineLawKm(PARIS, LOUVRE);
    const dLyon = cosineLawKm(PARIS, LYON);
    const expected = [
      ['g-louvre', (g(dLouvre) + 1 + 1 / 2) / 3],
      ['g-lyon-garden', (g(dLyon) + 1 / 2 + 2 / 3) / 3],
      ['g-lyon-school', (g(dLyon) + 1 / 3 + 1 / 2) / 3],
      ['g-france', (0 + 0 + 1 / 2) / 3],
    ] as const;
    const targets = propagate(graph, 'g-bastille', { by: 'composite' });
    expect(keys(targets)).toEqual(expected.map(([key]) => key));
    targets.forEach((target, i) => {
      expect(target.score).toBeCloseTo(expected[i]![1], 9);
    });
    expect(targets[0]).toMatchObject({ hops: 1, similarity: 0.5 });
  });

  it('composite with one weight ranks like that mode', () => {
    expect(keys(propagate(graph, 'g-bastille', { by: 'composite', weights: { geo: 1 } }))).toEqual(
      keys(propagate(graph, 'g-bastille', { by: 'geo' })),
    );
    expect(keys(propagate(graph, 'g-bastille', { by: 'composite', weights: { relation: 3 } }))).toEqual(
      keys(propagate(graph, 'g-bastille', { by: 'relation' })),
    );
    expect(keys(propagate(graph, 'g-bastille', { by: 'composite', weights: { theme: 1 } }))).toEqual(
      keys(propagate(graph, 'g-bastille', { by: 'theme' })),
    );
  });

  it('composite limits are hard filters', () => {
    expect(keys(propagate(graph, 'g-bastille', { by: 'composite', radiusKm: 100 }))).toEqual(['g-louvre']);
    expect(keys(propagate(graph, 'g-bastille', { by: 'composite', maxHops: 2 }))).toEqual([
      'g-louvre',
      'g-lyon-garden',
    ]);
  });
});

describe("targets' own filters", () => {
  it('a group that blocks the source is never a target', () => {
    for (const by of ['geo', 'relation', 'theme', 'composite'] as const) {
      expect(keys(propagate(graph, 'g-louvre', { by }))).not.toContain('g-france');
    }
    expect(keys(propagate(graph, 'g-bastille', { by: 'theme' }))).toContain('g-france');
  });

  it('a group that lists the kinds it accepts only receives those kinds', () => {
    expect(keys(propagate(graph, 'g-france', { by: 'relation' }))).toEqual(['g-nowhere']);
    expect(keys(propagate(graph, 'g-france', { by: 'relation', kind: 'event' }))).toEqual(['g-nowhere']);
    expect(propagate(graph, 'g-france', { by: 'relation', kind: 'need' })).toEqual([]);
  });

  it('limits of other modes also filter', () => {
    expect(keys(propagate(graph, 'g-bastille', { by: 'theme', maxHops: 1 }))).toEqual(['g-louvre']);
    expect(keys(propagate(graph, 'g-bastille', { by: 'geo', minSimilarity: 0.6 }))).toEqual([
      'g-lyon-garden',
    ]);
    expect(keys(propagate(graph, 'g-bastille', { by: 'relation', radiusKm: 100 }))).toEqual(['g-louvre']);
  });
});

describe('sources and options', () => {
  it('the source is excluded and entities are never targets', () => {
    for (const by of ['geo', 'relation', 'theme', 'composite'] as const) {
      const targets = keys(propagate(graph, 'g-bastille', { by, k: Number.POSITIVE_INFINITY }));
      expect(targets).not.toContain('g-bastille');
      expect(targets.every((key) => key.startsWith('g-'))).toBe(true);
    }
  });

  it('a source without location reaches nobody by geo; an entity may be a geo source', () => {
    expect(propagate(graph, 'g-nowhere', { by: 'geo' })).toEqual([]);
    expect(keys(propagate(graph, 'Q456', { by: 'geo', k: 2 }))).toEqual(['g-lyon-garden', 'g-lyon-school']);
  });

  it('rejects an unknown source and bad options with typed errors', () => {
    expect(() => propagate(graph, 'nope', { by: 'geo' })).toThrow(
      expect.objectContaining({ code: 'NODE_NOT_FOUND' }),
    );
    for (const options of [{ k: -1 }, { k: 1.5 }, { radiusKm: -1 }, { maxHops: 0.5 }, { minSimilarity: 2 }]) {
      expect(() => propagate(graph, 'g-bastille', { by: 'geo', ...options })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTIONS' }),
      );
    }
    expect(() => propagate(graph, 'g-bastille', { by: 'composite', weights: { geo: 0 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', option: 'weights' }),
    );
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong
    expect(() => propagate(graph, 'g-bastille', { by: 'nearby' as any })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', option: 'by' }),
    );
  });
});

describe('assignPropagation', () => {
  it('writes each score onto its target node, and nothing else', () => {
    const copy = graph.copy();
    const targets = assignPropagation(copy, 'g-bastille', { by: 'relation', attribute: 'hopsFromBastille' });
    expect(copy.filterNodes((_key, a) => 'hopsFromBastille' in a).sort()).toEqual([
      'g-louvre',
      'g-lyon-garden',
      'g-lyon-school',
    ]);
    expect(copy.getNodeAttribute('g-lyon-school', 'hopsFromBastille')).toBe(3);
    expect(targets).toEqual(propagate(graph, 'g-bastille', { by: 'relation' }));
  });
});
