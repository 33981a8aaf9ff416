import { describe, expect, it } from 'vitest';
import type { Proposal } from '../model/proposal';
import type { SpatialThing } from '../model/spatial-thing';
import { readProposal } from '../parse/parse-proposal';
import { normalizeClassification } from './classification';
import { match } from './match';

const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });

function request(id: string, proposer: string, intent: object, extra: object = {}): Proposal {
  return readProposal({
    id,
    purpose: 'request',
    proposer,
    publishes: { action: 'transfer', ...intent },
    ...extra,
  });
}
function offer(id: string, proposer: string, intent: object, extra: object = {}): Proposal {
  return readProposal({
    id,
    purpose: 'offer',
    proposer,
    publishes: { action: 'transfer', ...intent },
    ...extra,
  });
}

/** Distance along a line: locations are `{ long }` in kilometres for this test. */
const lineDistance = (a: SpatialThing, b: SpatialThing) =>
  a.long === undefined || b.long === undefined ? undefined : Math.abs(a.long - b.long);

describe('match: what', () => {
  it('Wikidata QIDs in any spelling are the same classification', () => {
    expect(normalizeClassification('Q10998')).toBe('wd:Q10998');
    expect(normalizeClassification('http://www.wikidata.org/entity/Q10998')).toBe('wd:Q10998');
    expect(normalizeClassification('https://www.wikidata.org/wiki/Q10998')).toBe('wd:Q10998');
    expect(normalizeClassification(' Potatoes ')).toBe('potatoes');
    const m = match(
      [
        request('n1', 'group:kitchen', {
          resourceClassifiedAs: 'https://www.wikidata.org/wiki/Q10998',
          resourceQuantity: kg(5),
        }),
      ],
      [
        offer('o1', 'group:garden', {
          resourceClassifiedAs: ['wd:Q10998', 'vegetable'],
          resourceQuantity: kg(20),
        }),
      ],
    );
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ need: 'n1', offer: 'o1', quantity: kg(5), fulfilment: 1 });
    expect(m[0]!.reasons.map((r) => r.code)).toContain('shared-classification');
  });

  it('the same resource specification is a better match than a shared classification', () => {
    const m = match(
      [
        request('n1', 'k', {
          resourceConformsTo: 'spec:drill',
          resourceClassifiedAs: 'tool',
          resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        }),
      ],
      [
        offer('o-tag', 'a', {
          resourceClassifiedAs: 'tool',
          resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        }),
        offer('o-spec', 'b', {
          resourceConformsTo: 'spec:drill',
          resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        }),
        offer('o-other', 'c', {
          resourceConformsTo: 'spec:saw',
          resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        }),
      ],
    );
    expect(m.map((c) => c.offer)).toEqual(['o-spec', 'o-tag']);
  });

  it('lending answers a need to borrow; consuming does not answer giving', () => {
    const lend = offer('o1', 'a', { action: 'transferCustody', resourceClassifiedAs: 'tool' });
    const use = offer('o2', 'b', { action: 'use', resourceClassifiedAs: 'tool' });
    const m = match([request('n1', 'k', { resourceClassifiedAs: 'tool' })], [lend, use]);
    expect(m.map((c) => c.offer)).toEqual(['o1']);
    expect(m[0]!.reasons.map((r) => r.code)).toContain('compatible-action');
  });
});

describe('match: how much', () => {
  it('partial fulfilment, in the need unit, with OM2 conversion', () => {
    const m = match(
      [request('n1', 'k', { resourceClassifiedAs: 'flour', resourceQuantity: kg(10) })],
      [
        offer('o1', 'g', {
          resourceClassifiedAs: 'flour',
          resourceQuantity: { hasNumericalValue: 2500, hasUnit: 'gram' },
        }),
      ],
    );
    expect(m[0]).toMatchObject({ quantity: kg(2.5), fulfilment: 0.25 });
    expect(m[0]!.reasons).toContainEqual({ code: 'partial-quantity', detail: '25%' });
  });

  it('incompatible units, or a need below the minimum order, do not match', () => {
    const needs = [
      request('n1', 'k', {
        resourceClassifiedAs: 'milk',
        resourceQuantity: { hasNumericalValue: 2, hasUnit: 'litre' },
      }),
    ];
    expect(
      match(needs, [offer('o1', 'g', { resourceClassifiedAs: 'milk', resourceQuantity: kg(5) })]),
    ).toEqual([]);
    expect(
      match(needs, [
        offer('o2', 'g', {
          resourceClassifiedAs: 'milk',
          resourceQuantity: { hasNumericalValue: 100, hasUnit: 'litre' },
          minimumQuantity: { hasNumericalValue: 10, hasUnit: 'litre' },
        }),
      ]),
    ).toEqual([]);
  });

  it('a unit-based offer without an available quantity covers any amount', () => {
    const m = match(
      [
        request('n1', 'k', {
          action: 'deliverService',
          resourceClassifiedAs: 'repair',
          effortQuantity: { hasNumericalValue: 3, hasUnit: 'hour' },
        }),
      ],
      [
        offer(
          'o1',
          'g',
          {
            action: 'deliverService',
            resourceClassifiedAs: 'repair',
            effortQuantity: { hasNumericalValue: 1, hasUnit: 'hour' },
          },
          { unitBased: true },
        ),
      ],
    );
    expect(m[0]).toMatchObject({ fulfilment: 1, quantity: { hasNumericalValue: 3, hasUnit: 'hour' } });
  });
});

describe('match: when, where, to whom', () => {
  const need = request(
    'n1',
    'k',
    { resourceClassifiedAs: 'bike', hasBeginning: '2026-06-01T00:00:00Z', hasEnd: '2026-06-30T00:00:00Z' },
    { eligibleLocation: { long: 0 } },
  );

  it('time windows must overlap; ended proposals are skipped', () => {
    const early = offer('o1', 'a', { resourceClassifiedAs: 'bike' }, { hasEnd: '2026-05-01T00:00:00Z' });
    const during = offer(
      'o2',
      'b',
      { resourceClassifiedAs: 'bike' },
      { hasBeginning: '2026-06-15T00:00:00Z' },
    );
    expect(match([need], [early, during]).map((c) => c.offer)).toEqual(['o2']);
    expect(match([need], [during], { now: '2026-07-01T00:00:00Z' })).toEqual([]);
  });

  it('distance comes from the caller; far offers are dropped and near ones rank first', () => {
    const near = offer('near', 'a', { resourceClassifiedAs: 'bike' }, { eligibleLocation: { long: 3 } });
    const far = offer('far', 'b', { resourceClassifiedAs: 'bike' }, { eligibleLocation: { long: 40 } });
    const farther = offer(
      'farther',
      'c',
      { resourceClassifiedAs: 'bike' },
      { eligibleLocation: { long: 90 } },
    );
    const m = match([need], [farther, far, near], { distance: lineDistance, maxDistance: 50 });
    expect(m.map((c) => [c.offer, c.distance])).toEqual([
      ['near', 3],
      ['far', 40],
    ]);
  });

  it('skips own proposals and those addressed to others', () => {
    const own = offer('own', 'k', { resourceClassifiedAs: 'bike' });
    const private1 = offer('p', 'a', { resourceClassifiedAs: 'bike' }, { proposedTo: ['group:friends'] });
    const forK = offer('q', 'b', { resourceClassifiedAs: 'bike' }, { proposedTo: ['k'] });
    expect(match([need], [own, private1, forK]).map((c) => c.offer)).toEqual(['q']);
  });

  it('limit keeps the best candidates per need; results are deterministic', () => {
    const offers = Array.from({ length: 5 }, (_, i) =>
      offer(`o${i}`, `a${i}`, { resourceClassifiedAs: 'bike' }, { eligibleLocation: { long: 10 * i } }),
    );
    const m = match([need], offers, { distance: lineDistance, limit: 2 });
    expect(m.map((c) => c.offer)).toEqual(['o0', 'o1']);
    expect(match([need], offers, { distance: lineDistance })).toEqual(
      match([need], offers, { distance: lineDistance }),
    );
  });

  it('a classification similarity supplied by the caller relates different concepts', () => {
    const m = match(
      [request('n', 'k', { resourceClassifiedAs: 'wd:Q11442' })],
      [offer('o', 'g', { resourceClassifiedAs: 'wd:Q34493' })],
      { classificationSimilarity: (a, b) => (a === 'wd:Q11442' && b === 'wd:Q34493' ? 0.7 : 0) },
    );
    expect(m[0]?.reasons[0]).toEqual({ code: 'related-classification', detail: '0.70' });
  });
});
