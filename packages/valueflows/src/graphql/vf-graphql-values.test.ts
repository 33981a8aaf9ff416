/**
 * The values of the fields that follow links between records — process inputs and outputs,
 * scopes, fulfilments and satisfactions, deletability, track and trace, and the fields with
 * arguments — on the bakery fixture, each compared with what the records say.
 */
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createBakeryStore } from '../../test/bakery/bakery-store';
import { createVfSchema } from './executable-schema';

const schema = createVfSchema(createBakeryStore());

async function query(source: string): Promise<Record<string, unknown>> {
  const result = await graphql({ schema, source });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

const ids = (list: unknown) => (list as { id: string }[]).map((x) => x.id);

describe('links to processes and scopes', () => {
  it('inputOf, outputOf and inScopeOf of events, commitments, intents, proposals, processes, relationships', async () => {
    const data = await query(`{
      knead: economicEvent(id: "knead") { inputOf { id name } outputOf { id } }
      bake: economicEvent(id: "bake-bread") { inputOf { id } outputOf { id name basedOn { name } } }
      deliver: economicEvent(id: "deliver-flour") { inScopeOf { __typename ... on Organization { id } } }
      work: commitment(id: "commit-work") { inputOf { id } outputOf { id } }
      bread: commitment(id: "commit-bread") { outputOf { id } }
      flour: commitment(id: "commit-flour") { inScopeOf { ... on Organization { id } } }
      flourIn: intent(id: "intent-flour-in") { inputOf { id } }
      breadOut: intent(id: "intent-bread-out") { outputOf { id } }
      offer: intent(id: "intent-offer-bread") { inScopeOf { ... on Organization { id } } }
      proposal(id: "proposal-bread") { inScopeOf { ... on Organization { id } } }
      process(id: "process-bake") { inScopeOf { ... on Organization { id } } }
      agentRelationship(id: "alice-member-of-bakery") { inScopeOf { ... on Organization { id } } }
    }`);
    expect(data).toEqual({
      knead: { inputOf: { id: 'process-bake', name: 'Bake' }, outputOf: null },
      bake: { inputOf: null, outputOf: { id: 'process-bake', name: 'Bake', basedOn: { name: 'Baking' } } },
      deliver: { inScopeOf: [{ __typename: 'Organization', id: 'group-bakery' }] },
      work: { inputOf: { id: 'process-bake' }, outputOf: null },
      bread: { outputOf: { id: 'process-bake' } },
      flour: { inScopeOf: [{ id: 'group-bakery' }] },
      flourIn: { inputOf: { id: 'process-bake' } },
      breadOut: { outputOf: { id: 'process-bake' } },
      offer: { inScopeOf: [{ id: 'group-bakery' }] },
      proposal: { inScopeOf: [{ id: 'group-bakery' }] },
      process: { inScopeOf: [{ id: 'group-bakery' }] },
      agentRelationship: { inScopeOf: [{ id: 'group-bakery' }] },
    });
  });

  it('a process: inputs and outputs by action, unplanned events, commitments, intents, workers, neighbours', async () => {
    const data = await query(`{ process(id: "process-bake") {
      inputs { id } work: inputs(action: "work") { id } outputs(action: "produce") { id }
      unplannedEconomicEvents { id } committedInputs { id } committedOutputs { id }
      intendedInputs { id } intendedOutputs { id } workingAgents { id }
      nextProcesses { id } previousProcesses { id } deletable
    } }`);
    const p = data.process as Record<string, unknown>;
    expect(ids(p.inputs)).toEqual(['knead', 'use-oven', 'consume-flour']);
    expect(ids(p.work)).toEqual(['knead']);
    expect(ids(p.outputs)).toEqual(['bake-bread']);
    // knead fulfils commit-work; the others were not planned.
    expect(ids(p.unplannedEconomicEvents)).toEqual(['use-oven', 'consume-flour', 'bake-bread']);
    expect(ids(p.committedInputs)).toEqual(['commit-work']);
    expect(ids(p.committedOutputs)).toEqual(['commit-bread']);
    expect(ids(p.intendedInputs)).toEqual(['intent-flour-in']);
    expect(ids(p.intendedOutputs)).toEqual(['intent-bread-out']);
    expect(ids(p.workingAgents)).toEqual(['alice']);
    expect(ids(p.nextProcesses)).toEqual(['process-sell']);
    expect(p.previousProcesses).toEqual([]);
    expect(p.deletable).toBe(false);
  });
});

describe('fulfilments and satisfactions', () => {
  it('fulfills and fulfilledBy: the links events record and those created through the API', async () => {
    const data = await query(`{
      deliver: economicEvent(id: "deliver-flour") { fulfills { id fulfills { id } resourceQuantity { hasNumericalValue hasUnit { id } } } }
      pay: economicEvent(id: "pay-flour") { fulfills { id fulfills { id } note effortQuantity { hasNumericalValue } } }
      flour: commitment(id: "commit-flour") { fulfilledBy { fulfilledBy { id } } }
      work: commitment(id: "commit-work") { fulfilledBy { fulfilledBy { id } effortQuantity { hasNumericalValue hasUnit { id } } } }
      bread: commitment(id: "commit-bread") { fulfilledBy { id } }
    }`);
    expect(data).toEqual({
      deliver: {
        fulfills: [
          {
            id: 'deliver-flour/fulfills/commit-flour',
            fulfills: { id: 'commit-flour' },
            resourceQuantity: { hasNumericalValue: 20, hasUnit: { id: 'kilogram' } },
          },
        ],
      },
      pay: {
        fulfills: [
          {
            id: 'fulfillment-pay',
            fulfills: { id: 'commit-pay' },
            note: 'Paid in full',
            effortQuantity: { hasNumericalValue: 0.1 },
          },
        ],
      },
      flour: { fulfilledBy: [{ fulfilledBy: { id: 'deliver-flour' } }] },
      work: {
        fulfilledBy: [
          { fulfilledBy: { id: 'knead' }, effortQuantity: { hasNumericalValue: 2, hasUnit: { id: 'hour' } } },
        ],
      },
      bread: { fulfilledBy: [] },
    });
  });

  it('satisfies and satisfiedBy: by events and by commitments', async () => {
    const data = await query(`{
      consume: economicEvent(id: "consume-flour") { satisfies { id satisfies { id } } }
      knead: economicEvent(id: "knead") { satisfies { id note } }
      bread: commitment(id: "commit-bread") { satisfies { satisfies { id } } }
      flourIn: intent(id: "intent-flour-in") { satisfiedBy { satisfiedBy { __typename ... on EconomicEvent { id } } } }
      breadOut: intent(id: "intent-bread-out") { satisfiedBy { satisfiedBy { __typename ... on Commitment { id } } } }
    }`);
    expect(data).toEqual({
      consume: {
        satisfies: [{ id: 'consume-flour/satisfies/intent-flour-in', satisfies: { id: 'intent-flour-in' } }],
      },
      knead: { satisfies: [{ id: 'satisfaction-knead', note: 'Kneading took the flour in' }] },
      bread: { satisfies: [{ satisfies: { id: 'intent-bread-out' } }] },
      flourIn: {
        satisfiedBy: [
          { satisfiedBy: { __typename: 'EconomicEvent', id: 'consume-flour' } },
          { satisfiedBy: { __typename: 'EconomicEvent', id: 'knead' } },
        ],
      },
      breadOut: { satisfiedBy: [{ satisfiedBy: { __typename: 'Commitment', id: 'commit-bread' } }] },
    });
  });

  it('deletable: what nothing refers to', async () => {
    const data = await query(`{
      event: economicEvent(id: "raise-apron") { deletable }
      fulfilled: commitment(id: "commit-flour") { deletable }
      paid: commitment(id: "commit-pay") { deletable }
      free: commitment(id: "commit-bread") { deletable }
      satisfied: intent(id: "intent-flour-in") { deletable }
      open: intent(id: "intent-offer-bread") { deletable }
    }`);
    // Events are never deleted (the ledger is append-only).
    expect(data).toEqual({
      event: { deletable: false },
      fulfilled: { deletable: false },
      paid: { deletable: false },
      free: { deletable: true },
      satisfied: { deletable: false },
      open: { deletable: true },
    });
  });
});

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

describe('agents, with their search parameters', () => {
  it('relationships by role and side, roles', async () => {
    const data = await query(`{ person(id: "alice") {
      all: relationships { id } mentor: relationships(roleId: "role-mentor") { id }
      relationshipsAsSubject { id } relationshipsAsObject { id } roles { roleLabel }
    } }`);
    expect(data.person).toEqual({
      all: [{ id: 'alice-member-of-bakery' }, { id: 'bob-mentor-of-alice' }],
      mentor: [{ id: 'bob-mentor-of-alice' }],
      relationshipsAsSubject: [{ id: 'alice-member-of-bakery' }],
      relationshipsAsObject: [{ id: 'bob-mentor-of-alice' }],
      roles: [{ roleLabel: 'member of' }, { roleLabel: 'mentor of' }],
    });
  });

  it('events, resources, commitments, intents and proposals filtered', async () => {
    const data = await query(`{
      bakery: organization(id: "group-bakery") {
        consumed: economicEvents(filter: { action: "consume" }) { id }
        atMarket: economicEvents(filter: { searchString: "MARKET" }) { id }
        onTheSecond: economicEvents(filter: { startDate: "2026-03-02T00:00:00Z", endDate: "2026-03-02T23:59:59Z" }) { id }
        flour: inventoriedEconomicResources(filter: { searchString: "flour" }) { id }
        saturday: proposals(filter: { searchString: "saturday" }) { id }
      }
      mill: organization(id: "group-mill") {
        wheat: inventoriedEconomicResources(filter: { resourceClassification: "wd:Q36465" }) { id }
        finished: commitments(filter: { finished: true }) { id }
        open: commitments(filter: { finished: false }) { id }
      }
      alice: person(id: "alice") { produce: intents(filter: { action: "produce" }) { id } }
    }`);
    expect(data).toEqual({
      bakery: {
        consumed: [{ id: 'consume-flour' }, { id: 'sell-bread' }],
        atMarket: [{ id: 'deliver-flour' }],
        onTheSecond: [{ id: 'deliver-flour' }],
        flour: [{ id: 'bakery-flour' }],
        saturday: [{ id: 'proposal-bread' }],
      },
      mill: { wheat: [{ id: 'flour' }], finished: [{ id: 'commit-flour' }], open: [{ id: 'commit-pay' }] },
      alice: { produce: [{ id: 'intent-bread-out' }] },
    });
  });

  it('a page is refused (vf-graphql defines no page size), with the parameter named', async () => {
    const result = await graphql({
      schema,
      source:
        '{ organization(id: "group-bakery") { inventoriedEconomicResources(filter: { page: 2 }) { id } } }',
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VF_PARSE', inputPath: 'filter.page' });
  });

  it('myAgent is the agent the API is served for', async () => {
    expect(await query('{ myAgent { id name } }')).toEqual({ myAgent: { id: 'alice', name: 'Alice' } });
  });
});

describe('places', () => {
  it('a place lists what is there', async () => {
    const data = await query(`{ spatialThing(id: "place-market") {
      name lat long agents { id } economicResources { id } economicEvents { id } commitments { id } intents { id }
    } }`);
    expect(data.spatialThing).toEqual({
      name: 'Market square',
      lat: 48.85,
      long: 2.35,
      agents: [{ id: 'group-bakery' }, { id: 'alice' }],
      economicResources: [{ id: 'flour' }, { id: 'bakery-flour' }, { id: 'bread' }],
      economicEvents: [{ id: 'deliver-flour' }, { id: 'bake-bread' }],
      commitments: [{ id: 'commit-flour' }],
      intents: [{ id: 'intent-offer-bread' }],
    });
  });
});
