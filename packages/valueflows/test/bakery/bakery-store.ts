/**
 * A bakery's records, with something in every field of the API: a mill raises flour and
 * transfers part of it to the bakery under an agreement, which is paid for; Alice bakes bread
 * with the flour and the oven; bread is sold and packed into a basket lent to Alice. Used by
 * the GraphQL tests (every field of the implemented modules answers with data from here).
 */

import { createVfStore, type VfStore } from '../../src/graphql/vf-store';
import { createLedger } from '../../src/ledger/ledger-state';
import { replayLedger } from '../../src/ledger/replay-ledger';
import { readIntent, readProposal } from '../../src/parse/parse-proposal';
import { readCommitment, readProcess } from '../../src/parse/parse-records';
import { BAKERY_EVENTS } from './bakery-events';
import { day, hours, kg, loaves, market } from './bakery-quantities';

/**
 * Builds a fresh store holding the bakery's records.
 *
 * @returns the store (each call a new one, so mutations do not leak between tests)
 */
export function createBakeryStore(): VfStore {
  const opening = createLedger({
    processes: [
      {
        id: 'process-bake',
        name: 'Bake',
        basedOn: 'process-spec-baking',
        hasBeginning: day(3),
        hasEnd: day(3),
        finished: true,
        classifiedAs: ['wd:Q720398'],
        note: 'Morning batch',
        inScopeOf: ['group-bakery'],
        plannedWithin: 'plan-week-10',
      },
      { id: 'process-sell', name: 'Sell', finished: false },
    ].map((p) => readProcess(p)),
    resources: [
      {
        id: 'oven',
        name: 'Oven',
        accountingQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        onhandQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        primaryAccountable: 'group-bakery',
        unitOfEffort: 'hour',
      },
      {
        id: 'basket',
        name: 'Basket',
        accountingQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        onhandQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        primaryAccountable: 'group-bakery',
      },
    ],
  });
  const { state, rejections } = replayLedger(BAKERY_EVENTS, { initial: opening });
  if (rejections.length > 0) throw new Error(`bakery fixture: ${rejections[0]!.error.message}`);

  const commitment = (c: object) => readCommitment(c);
  const intent = (i: object) => readIntent(i);
  return createVfStore({
    ledger: state,
    myAgent: 'alice',
    agents: [
      {
        id: 'group-bakery',
        type: 'Organization',
        name: 'Bakery',
        image: 'https://example.org/bakery.png',
        classifiedAs: ['wd:Q274393'],
        note: 'The village bakery',
        primaryLocation: market,
      },
      { id: 'group-mill', type: 'Organization', name: 'Mill' },
      { id: 'bob', type: 'Person', name: 'Bob' },
      {
        id: 'alice',
        type: 'Person',
        name: 'Alice',
        image: 'https://example.org/alice.png',
        note: 'Baker',
        primaryLocation: market,
      },
    ],
    agentRelationshipRoles: [
      { id: 'role-member', roleLabel: 'member of', inverseRoleLabel: 'has member', note: 'Membership' },
      { id: 'role-mentor', roleLabel: 'mentor of' },
    ],
    agentRelationships: [
      {
        id: 'alice-member-of-bakery',
        subject: 'alice',
        object: 'group-bakery',
        relationship: 'role-member',
        inScopeOf: ['group-bakery'],
        note: 'Since 2024',
      },
      { id: 'bob-mentor-of-alice', subject: 'bob', object: 'alice', relationship: 'role-mentor' },
      {
        id: 'bakery-member-of-mill',
        subject: 'group-bakery',
        object: 'group-mill',
        relationship: 'role-member',
      },
    ],
    spatialThings: [
      {
        id: 'place-market',
        name: 'Market square',
        mappableAddress: '1 Market square',
        lat: 48.85,
        long: 2.35,
        alt: 35,
        note: 'Saturdays',
      },
    ],
    resourceSpecifications: [
      {
        id: 'spec-flour',
        name: 'Flour',
        image: 'https://example.org/flour-spec.png',
        resourceClassifiedAs: ['wd:Q36465'],
        note: 'Wheat flour',
        defaultUnitOfResource: 'kilogram',
        defaultUnitOfEffort: 'hour',
      },
      { id: 'spec-bread', name: 'Bread' },
    ],
    processSpecifications: [{ id: 'process-spec-baking', name: 'Baking', note: 'Sourdough' }],
    units: [{ id: 'unit-loaf', label: 'loaf', symbol: 'loaf' }],
    productBatches: [
      { id: 'batch-1', batchNumber: 'B-2026-03', expiryDate: day(30), productionDate: day(1) },
    ],
    agreements: [
      {
        id: 'agreement-flour',
        name: 'Flour for coins',
        created: day(1),
        note: 'Monthly',
        stipulates: ['commit-flour'],
        stipulatesReciprocal: ['commit-pay'],
      },
    ],
    commitments: [
      commitment({
        id: 'commit-flour',
        action: 'transfer',
        provider: 'group-mill',
        receiver: 'group-bakery',
        resourceInventoriedAs: 'flour',
        resourceConformsTo: 'spec-flour',
        resourceClassifiedAs: ['wd:Q36465'],
        resourceQuantity: kg(20),
        hasBeginning: day(2),
        hasEnd: day(2),
        hasPointInTime: day(2),
        due: day(2),
        created: day(1),
        finished: true,
        note: 'Flour for March',
        inScopeOf: ['group-bakery'],
        agreedIn: 'https://example.org/agreements/flour',
        clauseOf: 'agreement-flour',
        atLocation: market,
      }),
      commitment({
        id: 'commit-pay',
        action: 'transfer',
        provider: 'group-bakery',
        receiver: 'group-mill',
        resourceQuantity: { hasNumericalValue: 30, hasUnit: 'one' },
        reciprocalClauseOf: 'agreement-flour',
      }),
      commitment({
        id: 'commit-work',
        action: 'work',
        provider: 'alice',
        receiver: 'group-bakery',
        inputOf: 'process-bake',
        effortQuantity: hours(2),
      }),
      commitment({
        id: 'commit-bread',
        action: 'produce',
        provider: 'group-bakery',
        receiver: 'group-bakery',
        outputOf: 'process-bake',
        resourceConformsTo: 'spec-bread',
        resourceQuantity: loaves(12),
        satisfies: ['intent-bread-out'],
      }),
    ],
    intents: [
      intent({
        id: 'intent-bread-out',
        action: 'produce',
        name: 'Bread for Saturday',
        provider: 'alice',
        receiver: 'group-bakery',
        outputOf: 'process-bake',
        resourceConformsTo: 'spec-bread',
        resourceQuantity: loaves(12),
        due: day(3),
      }),
      intent({
        id: 'intent-flour-in',
        action: 'consume',
        provider: 'group-bakery',
        inputOf: 'process-bake',
        resourceInventoriedAs: 'bakery-flour',
        resourceQuantity: kg(10),
        effortQuantity: hours(1),
      }),
    ],
    proposals: [
      readProposal({
        id: 'proposal-bread',
        purpose: 'offer',
        name: 'Bread on Saturdays',
        note: 'Sourdough loaves',
        proposer: 'group-bakery',
        created: day(1),
        hasBeginning: day(1),
        hasEnd: day(31),
        unitBased: true,
        eligibleLocation: market,
        proposedTo: ['group-mill'],
        inScopeOf: ['group-bakery'],
        publishes: {
          id: 'intent-offer-bread',
          action: 'transfer',
          name: 'A loaf',
          provider: 'group-bakery',
          resourceConformsTo: 'spec-bread',
          resourceClassifiedAs: ['wd:Q7802'],
          resourceInventoriedAs: 'bread',
          resourceQuantity: loaves(1),
          availableQuantity: loaves(10),
          minimumQuantity: loaves(1),
          hasBeginning: day(1),
          hasEnd: day(31),
          hasPointInTime: day(6),
          due: day(31),
          finished: false,
          image: 'https://example.org/loaf.jpg',
          note: 'Fresh every Saturday',
          inScopeOf: ['group-bakery'],
          agreedIn: 'https://example.org/terms',
          atLocation: market,
        },
        reciprocal: {
          id: 'intent-offer-price',
          action: 'transfer',
          receiver: 'group-bakery',
          resourceQuantity: { hasNumericalValue: 3, hasUnit: 'one' },
        },
      }),
      readProposal({
        id: 'proposal-lessons',
        purpose: 'request',
        proposer: 'alice',
        publishes: { id: 'intent-lessons', action: 'work', receiver: 'alice', effortQuantity: hours(3) },
      }),
    ],
    fulfillments: [
      {
        id: 'fulfillment-pay',
        fulfilledBy: 'pay-flour',
        fulfills: 'commit-pay',
        resourceQuantity: { hasNumericalValue: 30, hasUnit: 'one' },
        effortQuantity: hours(0.1),
        note: 'Paid in full',
      },
    ],
    satisfactions: [
      {
        id: 'satisfaction-knead',
        satisfies: 'intent-flour-in',
        satisfiedBy: 'knead',
        resourceQuantity: kg(10),
        effortQuantity: hours(2),
        note: 'Kneading took the flour in',
      },
    ],
  });
}
