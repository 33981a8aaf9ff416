/**
 * Deleting what nothing refers to: agreements, units, resource specifications, places, batches and
 * a resource no event made. (Deleting the records of a whole scenario, once nothing refers to
 * them any more, is in `vf-graphql-mutations.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import { createBakeryStore } from '../../test/bakery/bakery-store';
import { runner } from '../../test/support/graphql-runner';
import { STANDALONE_DELETIONS } from '../../test/support/standalone-deletions';
import { createVfSchema } from './executable-schema';
import { type Answered, recordAnswers } from './testing/answered-fields';

describe('deleting records nothing refers to', () => {
  const answered: Answered = new Set();
  const store = createBakeryStore();
  const schema = recordAnswers(createVfSchema(store), answered);
  const run = runner(schema);

  it('fresh records go, and a resource no event made', async () => {
    const fresh = await run(`mutation {
      a: createAgreement(agreement: { name: "Spare", created: "2026-04-02T00:00:00Z" }) { agreement { id } }
      u: createUnit(unit: { label: "sack", symbol: "sk" }) { unit { id } }
      s: createResourceSpecification(resourceSpecification: { name: "Pears" }) { resourceSpecification { id } }
      p: createSpatialThing(spatialThing: { name: "Shed" }) { spatialThing { id } }
      b: createProductBatch(productBatch: { batchNumber: "P-1" }) { productBatch { id } }
    }`);
    const id = (key: string) => (Object.values(fresh[key]!)[0] as { id: string }).id;
    store.ledger = {
      ...store.ledger,
      resources: new Map(store.ledger.resources).set('old-sack', {
        id: 'old-sack',
        accountingQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        onhandQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
      }),
    };
    const more = await run(`mutation {
      a: deleteAgreement(id: "${id('a')}") u: deleteUnit(id: "${id('u')}") s: deleteResourceSpecification(id: "${id('s')}")
      p: deleteSpatialThing(id: "${id('p')}") b: deleteProductBatch(id: "${id('b')}") r: deleteEconomicResource(id: "old-sack")
    }`);
    expect(more).toEqual({ a: true, u: true, s: true, p: true, b: true, r: true });
    expect(store.agreements.has(id('a'))).toBe(false);
    expect(store.ledger.resources.has('old-sack')).toBe(false);
    expect(store.units.has(id('u'))).toBe(false);
  });

  it('every deletion of this file answered', () => {
    expect(STANDALONE_DELETIONS.filter((name) => !answered.has(`Mutation.${name}`))).toEqual([]);
  });
});
