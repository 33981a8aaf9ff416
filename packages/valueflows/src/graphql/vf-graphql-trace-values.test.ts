/**
 * Track and trace, and the fields of resources (lot, stage, state, containment, custody), on the
 * bakery fixture, each compared with what the records say.
 */
import { describe, expect, it } from 'vitest';
import { ids, query } from '../../test/support/bakery-query';

describe('track and trace', () => {
  it('of resources and processes: the events of the flow', async () => {
    const data = await query(`{
      bread: economicResource(id: "bread") { trace { id } }
      flour: economicResource(id: "flour") { track { id } }
      process(id: "process-bake") { trace { id } track { id } }
    }`);
    expect(ids((data.bread as { trace: unknown }).trace)).toEqual([
      'bake-bread',
      'consume-flour',
      'deliver-flour',
      'raise-flour',
      'use-oven',
      'knead',
    ]);
    expect(ids((data.flour as { track: unknown }).track)).toEqual([
      'deliver-flour',
      'pay-flour',
      'consume-flour',
      'bake-bread',
      'sell-bread',
      'pack-bread',
      'lend-basket',
    ]);
    const p = data.process as { trace: unknown; track: unknown };
    expect(ids(p.trace)).toEqual(['consume-flour', 'deliver-flour', 'raise-flour', 'use-oven', 'knead']);
    expect(ids(p.track)).toEqual(['bake-bread', 'sell-bread', 'pack-bread', 'lend-basket']);
  });

  it('of events: the processes and resources of the flow', async () => {
    const data = await query(`{
      bake: economicEvent(id: "bake-bread") { trace { __typename ... on Process { id } ... on EconomicResource { id } } }
      deliver: economicEvent(id: "deliver-flour") { track { __typename ... on Process { id } ... on EconomicResource { id } } }
    }`);
    expect(data).toEqual({
      bake: {
        trace: [
          { __typename: 'Process', id: 'process-bake' },
          { __typename: 'EconomicResource', id: 'bakery-flour' },
          { __typename: 'EconomicResource', id: 'flour' },
          { __typename: 'EconomicResource', id: 'oven' },
        ],
      },
      deliver: {
        track: [
          { __typename: 'EconomicResource', id: 'mill-coins' },
          { __typename: 'EconomicResource', id: 'bakery-flour' },
          { __typename: 'Process', id: 'process-bake' },
          { __typename: 'EconomicResource', id: 'bread' },
          { __typename: 'Process', id: 'process-sell' },
          { __typename: 'EconomicResource', id: 'basket' },
        ],
      },
    });
  });
});

describe('resources', () => {
  it('lot, stage, state, containment, custody, unit of effort, created-by event', async () => {
    const data = await query(`{
      flour: economicResource(id: "flour") { lot { batchNumber expiryDate } image trackingIdentifier currentLocation { name } }
      bread: economicResource(id: "bread") { stage { name } state { id } stateLabel containedIn { id } }
      basket: economicResource(id: "basket") { contains { id } custodian { id } primaryAccountable { id } }
      oven: economicResource(id: "oven") { unitOfEffort { id symbol } }
      raise: economicEvent(id: "raise-flour") { resourceInventoriedAs { id } }
      deliver: economicEvent(id: "deliver-flour") { resourceInventoriedAs { id } toResourceInventoriedAs { id } }
    }`);
    expect(data).toEqual({
      flour: {
        lot: { batchNumber: 'B-2026-03', expiryDate: '2026-03-30T08:00:00Z' },
        image: 'https://example.org/flour.jpg',
        trackingIdentifier: 'FL-2026-03',
        currentLocation: { name: 'Market square' },
      },
      bread: {
        stage: { name: 'Baking' },
        state: { id: 'fresh' },
        stateLabel: 'fresh',
        containedIn: { id: 'basket' },
      },
      basket: {
        contains: [{ id: 'bread' }],
        custodian: { id: 'alice' },
        primaryAccountable: { id: 'group-bakery' },
      },
      oven: { unitOfEffort: { id: 'hour', symbol: 'h' } },
      raise: { resourceInventoriedAs: { id: 'flour' } },
      deliver: { resourceInventoriedAs: { id: 'flour' }, toResourceInventoriedAs: { id: 'bakery-flour' } },
    });
  });
});
