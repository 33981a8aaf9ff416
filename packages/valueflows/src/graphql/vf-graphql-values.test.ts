/**
 * The values of the fields that follow links between records (process inputs and outputs,
 * scopes, fulfilments and satisfactions, deletability) on the bakery fixture, each compared with
 * what the records say. Track and trace and resources in `vf-graphql-trace-values.test.ts`, the
 * fields with arguments in `vf-graphql-search-values.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { ids, query } from '../../test/support/bakery-query';

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
