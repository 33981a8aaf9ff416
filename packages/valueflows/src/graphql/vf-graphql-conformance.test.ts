/**
 * Conformance to the reference schema, checked with vf-graphql's own buildSchema/validate as
 * its README describes: validate(schema, moduleIds) lists breaking changes from the reference.
 */
import { createRequire } from 'node:module';
import { type GraphQLSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { replayLedger } from '../ledger/replay-ledger';
import { readProposal } from '../parse/parse-proposal';
import { createVfSchema, IMPLEMENTED_MODULES, printVfSchema } from './executable-schema';
import { VF_GRAPHQL_MODULES } from './vf-graphql-reference';
import { createVfStore } from './vf-store';

const require = createRequire(import.meta.url);
const vf = require('@valueflows/vf-graphql') as {
  validate(schema: GraphQLSchema, ids?: string[], ext?: string[]): unknown[];
  buildSchema(ids?: string[]): GraphQLSchema;
};
const manifest = require('@valueflows/vf-graphql/schema-manifest') as {
  schemaModules: Record<string, unknown>;
};

describe('vf-graphql 0.8.5 conformance', () => {
  const schema = createVfSchema();

  it('claims at least agent, observation, planning, proposal, knowledge, measurement', () => {
    for (const m of ['agent', 'observation', 'planning', 'proposal', 'knowledge', 'measurement']) {
      expect(IMPLEMENTED_MODULES).toContain(m);
    }
    expect([...VF_GRAPHQL_MODULES].sort()).toEqual(Object.keys(manifest.schemaModules).sort());
  });

  it('validate() reports no breaking change for the claimed modules together', () => {
    expect(vf.validate(schema, [...IMPLEMENTED_MODULES])).toEqual([]);
  });

  it('validate() reports no breaking change for each claimed module with what it needs to build', () => {
    const needs: Record<string, string[]> = {
      knowledge: ['knowledge', 'measurement'],
      observation: ['observation', 'agent', 'knowledge', 'measurement'],
      planning: ['planning', 'observation', 'agent', 'knowledge', 'measurement'],
      proposal: ['proposal', 'planning', 'observation', 'agent', 'knowledge', 'measurement'],
      agreement: ['agreement', 'agent'],
    };
    for (const m of IMPLEMENTED_MODULES) expect(vf.validate(schema, needs[m] ?? [m])).toEqual([]);
  });

  it('the check can fail: a schema without a field of the reference has a breaking change', () => {
    const sdl = printVfSchema().replace('onhandEffect: String!', 'onhandEffectRenamed: String!');
    expect(sdl).toContain('onhandEffectRenamed');
    const smaller = createVfSchemaFromSdl(sdl);
    expect(vf.validate(smaller, [...IMPLEMENTED_MODULES]).length).toBeGreaterThan(0);
  });

  it('the schema gains the ValueFlows 1.0 fields', () => {
    const sdl = printVfSchema();
    for (const f of [
      'accountingEffect: String',
      'purpose: String',
      'minimumQuantity: Measure',
      'corrects: EconomicEvent',
    ]) {
      expect(sdl).toContain(f);
    }
  });
});

function createVfSchemaFromSdl(sdl: string): GraphQLSchema {
  const { buildSchema } = require('graphql') as { buildSchema(s: string): GraphQLSchema };
  return buildSchema(sdl);
}

describe('GraphQL resolvers backed by the ledger', () => {
  const { state } = replayLedger([
    {
      id: 'e1',
      action: 'raise',
      provider: 'group:garden',
      receiver: 'group:garden',
      resourceQuantity: { hasNumericalValue: 20, hasUnit: 'kilogram' },
      newInventoriedResource: { id: 'potatoes', name: 'Potatoes', conformsTo: 'spec:potato' },
    },
  ]);
  const store = createVfStore({
    ledger: state,
    agents: [{ id: 'group:garden', type: 'Organization', name: 'Garden' }],
    resourceSpecifications: [{ id: 'spec:potato', name: 'Potato' }],
    proposals: [
      readProposal({
        id: 'p1',
        purpose: 'offer',
        proposer: 'group:garden',
        publishes: {
          id: 'i1',
          action: 'transfer',
          resourceConformsTo: 'spec:potato',
          resourceQuantity: { hasNumericalValue: 5, hasUnit: 'kilogram' },
        },
        reciprocal: {
          id: 'i2',
          action: 'transfer',
          resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
        },
      }),
    ],
  });
  const schema = createVfSchema(store);
  const run = (source: string, variableValues?: Record<string, unknown>) =>
    graphql({ schema, source, variableValues });

  it('serves actions with their 0.8 and 1.0 effect fields', async () => {
    const r = await run(
      '{ action(id: "transfer-custody") { id label onhandEffect resourceEffect accountableEffect } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.action).toEqual({
      id: 'transferCustody',
      label: 'transfer custody',
      onhandEffect: 'decrementIncrement',
      resourceEffect: 'noEffect',
      accountableEffect: 'notApplicable',
    });
    const all = await run('{ actions { id } }');
    expect(all.data?.actions).toHaveLength(19);
  });

  it('serves resources from the ledger', async () => {
    const r = await run(
      '{ economicResource(id: "potatoes") { name conformsTo { name } onhandQuantity { hasNumericalValue hasUnit { id symbol } } primaryAccountable { id name __typename } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.economicResource).toEqual({
      name: 'Potatoes',
      conformsTo: { name: 'Potato' },
      onhandQuantity: { hasNumericalValue: 20, hasUnit: { id: 'kilogram', symbol: 'kg' } },
      primaryAccountable: { id: 'group:garden', name: 'Garden', __typename: 'Organization' },
    });
  });

  it('serves proposals with purpose and primary/reciprocal intents', async () => {
    const r = await run(
      '{ proposal(id: "p1") { purpose publishes { reciprocal publishes { id action { id } } } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.proposal).toEqual({
      purpose: 'offer',
      publishes: [
        { reciprocal: false, publishes: { id: 'i1', action: { id: 'transfer' } } },
        { reciprocal: true, publishes: { id: 'i2', action: { id: 'transfer' } } },
      ],
    });
  });

  it('createEconomicEvent applies the event to the ledger, or fails with the ledger code and changes nothing', async () => {
    const mutation = `mutation($e: EconomicEventCreateParams!) {
      createEconomicEvent(event: $e) { economicEvent { id action { id } } }
    }`;
    const ok = await run(mutation, {
      e: {
        action: 'consume',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceInventoriedAs: 'potatoes',
        resourceQuantity: { hasNumericalValue: 3, hasUnit: 'kilogram' },
      },
    });
    expect(ok.errors).toBeUndefined();
    expect(store.ledger.resources.get('potatoes')?.onhandQuantity.hasNumericalValue).toBe(17);
    const before = store.ledger;
    const bad = await run(mutation, {
      e: {
        action: 'consume',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceInventoriedAs: 'potatoes',
        resourceQuantity: { hasNumericalValue: 30, hasUnit: 'kilogram' },
      },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VF_NEGATIVE_QUANTITY');
    expect(store.ledger).toBe(before);
  });

  it('serves what an agent holds and did, and filtered events', async () => {
    const r = await run(
      '{ organization(id: "group:garden") { inventoriedEconomicResources { id } proposals { id } economicEvents { id } } economicEventsFiltered(providerId: "group:garden", action: "raise") { id } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.organization).toMatchObject({
      inventoriedEconomicResources: [{ id: 'potatoes' }],
      proposals: [{ id: 'p1' }],
    });
    expect(r.data?.economicEventsFiltered).toEqual([{ id: 'e1' }]);
  });

  it('createEconomicEvent with newInventoriedResource creates the resource', async () => {
    const r = await run(
      `mutation { createEconomicEvent(
        event: { action: "produce", provider: "group:garden", receiver: "group:garden", resourceQuantity: { hasNumericalValue: 4, hasUnit: "one" } },
        newInventoriedResource: { name: "Jam jars" }
      ) { economicResource { name accountingQuantity { hasNumericalValue } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.createEconomicEvent).toEqual({
      economicResource: { name: 'Jam jars', accountingQuantity: { hasNumericalValue: 4 } },
    });
  });
});
