/**
 * Every mutation of the implemented vf-graphql 0.8.5 modules, run once on the bakery fixture
 * and checked against the store; then the refusals, each with its code, changing nothing. The
 * recorder of `vf-graphql-fields.test.ts` checks that every mutation and every field of its
 * response answered.
 */
import { type GraphQLSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createBakeryStore } from '../../test/bakery/bakery-store';
import { createVfSchema } from './executable-schema';
import { type Answered, reachableObjectTypes, recordAnswers } from './testing/answered-fields';
import type { VfStore } from './vf-store';

function runner(schema: GraphQLSchema) {
  return async (source: string, variableValues?: Record<string, unknown>) => {
    const result = await graphql({ schema, source, variableValues });
    expect(result.errors, source).toBeUndefined();
    return result.data as Record<string, Record<string, unknown>>;
  };
}

/** What a refused mutation reports. */
async function refusal(schema: GraphQLSchema, source: string) {
  const result = await graphql({ schema, source });
  expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ''] ?? null).toBeNull();
  return result.errors?.[0]?.extensions as Record<string, unknown>;
}

/** The records of a store, as comparable values. */
function snapshot(store: VfStore) {
  const { nextId: _, ...maps } = store;
  return structuredClone(maps);
}

describe('every mutation, once, on the bakery', () => {
  const answered: Answered = new Set();
  const store = createBakeryStore();
  const schema = recordAnswers(createVfSchema(store), answered);
  const run = runner(schema);

  it('agents, relationships and roles', async () => {
    const place = await run(
      'mutation { createSpatialThing(spatialThing: { name: "Mill yard", lat: 48.9, long: 2.3 }) { spatialThing { id name lat } } }',
    );
    expect(place.createSpatialThing).toEqual({
      spatialThing: { id: 'place-1', name: 'Mill yard', lat: 48.9 },
    });
    await run(
      'mutation { updateSpatialThing(spatialThing: { id: "place-1", note: "Gate B", lat: null }) { spatialThing { id } } }',
    );
    expect(store.spatialThings.get('place-1')).toEqual({
      id: 'place-1',
      name: 'Mill yard',
      long: 2.3,
      note: 'Gate B',
    });

    const carol =
      await run(`mutation { createPerson(person: { name: "Carol", note: "Miller", image: "https://example.org/carol.png", primaryLocation: "place-1" }) {
      agent { id name primaryLocation { name note } } } }`);
    expect(carol.createPerson).toEqual({
      agent: { id: 'person-1', name: 'Carol', primaryLocation: { name: 'Mill yard', note: 'Gate B' } },
    });
    await run(
      'mutation { updatePerson(person: { id: "person-1", note: "Head miller" }) { agent { note } } }',
    );
    expect(store.agents.get('person-1')?.note).toBe('Head miller');
    const coop = await run(
      'mutation { createOrganization(organization: { name: "Co-op", classifiedAs: ["wd:Q4539"] }) { agent { id classifiedAs } } }',
    );
    expect(coop.createOrganization).toEqual({ agent: { id: 'organization-1', classifiedAs: ['wd:Q4539'] } });
    await run(
      'mutation { updateOrganization(organization: { id: "organization-1", name: "Farm co-op" }) { agent { name } } }',
    );
    expect(store.agents.get('organization-1')).toMatchObject({ type: 'Organization', name: 'Farm co-op' });

    await run(
      'mutation { createAgentRelationshipRole(agentRelationshipRole: { roleLabel: "works at" }) { agentRelationshipRole { id } } }',
    );
    await run(
      'mutation { updateAgentRelationshipRole(agentRelationshipRole: { id: "role-1", inverseRoleLabel: "employs" }) { agentRelationshipRole { inverseRoleLabel } } }',
    );
    expect(store.agentRelationshipRoles.get('role-1')).toEqual({
      id: 'role-1',
      roleLabel: 'works at',
      inverseRoleLabel: 'employs',
    });
    const works =
      await run(`mutation { createAgentRelationship(relationship: { subject: "person-1", object: "organization-1", relationship: "role-1" }) {
      agentRelationship { id subject { id } object { id } relationship { roleLabel } } } }`);
    expect(works.createAgentRelationship).toEqual({
      agentRelationship: {
        id: 'relationship-1',
        subject: { id: 'person-1' },
        object: { id: 'organization-1' },
        relationship: { roleLabel: 'works at' },
      },
    });
    await run(
      'mutation { updateAgentRelationship(relationship: { id: "relationship-1", note: "Part time" }) { agentRelationship { note } } }',
    );
    expect(store.agentRelationships.get('relationship-1')?.note).toBe('Part time');
  });

  it('knowledge and measurement', async () => {
    const unit = await run(
      'mutation { createUnit(unit: { label: "crate", symbol: "cr" }) { unit { id label symbol } } }',
    );
    expect(unit.createUnit).toEqual({ unit: { id: 'unit-1', label: 'crate', symbol: 'cr' } });
    await run('mutation { updateUnit(unit: { id: "unit-1", symbol: "crt" }) { unit { symbol } } }');
    expect(store.units.get('unit-1')?.symbol).toBe('crt');
    const spec = await run(
      'mutation { createResourceSpecification(resourceSpecification: { name: "Apples", defaultUnitOfResource: "unit-1" }) { resourceSpecification { id defaultUnitOfResource { symbol } } } }',
    );
    expect(spec.createResourceSpecification).toEqual({
      resourceSpecification: { id: 'spec-1', defaultUnitOfResource: { symbol: 'crt' } },
    });
    await run(
      'mutation { updateResourceSpecification(resourceSpecification: { id: "spec-1", note: "Cider apples" }) { resourceSpecification { note } } }',
    );
    expect(store.resourceSpecifications.get('spec-1')?.note).toBe('Cider apples');
    await run(
      'mutation { createProcessSpecification(processSpecification: { name: "Pressing" }) { processSpecification { id } } }',
    );
    await run(
      'mutation { updateProcessSpecification(processSpecification: { id: "process-spec-1", note: "Cold" }) { processSpecification { note } } }',
    );
    expect(store.processSpecifications.get('process-spec-1')).toEqual({
      id: 'process-spec-1',
      name: 'Pressing',
      note: 'Cold',
    });
  });

  it('observation: batches, processes, events and resources', async () => {
    const batch = await run(
      'mutation { createProductBatch(productBatch: { batchNumber: "A-1", productionDate: "2026-04-01T00:00:00Z" }) { productBatch { id batchNumber } } }',
    );
    expect(batch.createProductBatch).toEqual({ productBatch: { id: 'batch-2', batchNumber: 'A-1' } });
    await run(
      'mutation { updateProductBatch(productBatch: { id: "batch-2", expiryDate: "2026-06-01T00:00:00Z" }) { productBatch { expiryDate } } }',
    );
    expect(store.productBatches.get('batch-2')?.expiryDate).toBe('2026-06-01T00:00:00Z');

    const press = await run(
      'mutation { createProcess(process: { name: "Press", basedOn: "process-spec-1" }) { process { id deletable basedOn { name } } } }',
    );
    expect(press.createProcess).toEqual({
      process: { id: 'process-1', deletable: true, basedOn: { name: 'Pressing' } },
    });
    await run(
      'mutation { updateProcess(process: { id: "process-1", finished: true }) { process { finished } } }',
    );
    expect(store.ledger.processes.get('process-1')?.finished).toBe(true);

    await run(
      'mutation { createAgreement(agreement: { name: "Apples for the bakery", created: "2026-04-01T00:00:00Z" }) { agreement { id } } }',
    );
    await run(
      'mutation { updateAgreement(agreement: { id: "agreement-1", note: "Weekly" }) { agreement { note } } }',
    );
    expect(store.agreements.get('agreement-1')).toMatchObject({
      name: 'Apples for the bakery',
      note: 'Weekly',
      stipulates: [],
    });

    const raised = await run(`mutation { createEconomicEvent(
      event: { action: "raise", provider: "organization-1", receiver: "organization-1", resourceQuantity: { hasNumericalValue: 5, hasUnit: "unit-1" }, atLocation: "place-1", agreedIn: "https://example.org/apples" },
      newInventoriedResource: { name: "Apples", conformsTo: "spec-1", lot: "batch-2", currentLocation: "place-1" }
    ) { economicEvent { id agreedIn } economicResource { id lot { batchNumber } currentLocation { name } onhandQuantity { hasNumericalValue hasUnit { symbol } } } } }`);
    expect(raised.createEconomicEvent).toEqual({
      economicEvent: { id: 'event-1', agreedIn: 'https://example.org/apples' },
      economicResource: {
        id: 'resource-1',
        lot: { batchNumber: 'A-1' },
        currentLocation: { name: 'Mill yard' },
        onhandQuantity: { hasNumericalValue: 5, hasUnit: { symbol: 'crt' } },
      },
    });
    await run(
      'mutation { updateEconomicEvent(event: { id: "event-1", note: "Counted", realizationOf: "agreement-1" }) { economicEvent { note realizationOf { id } } } }',
    );
    expect(store.ledger.events.get('event-1')?.event).toMatchObject({
      note: 'Counted',
      realizationOf: 'agreement-1',
    });
    expect(store.ledger.resources.get('resource-1')?.onhandQuantity.hasNumericalValue).toBe(5);
    await run(
      'mutation { updateEconomicResource(resource: { id: "resource-1", note: "Crisp", classifiedAs: ["wd:Q89"], unitOfEffort: "hour" }) { economicResource { note unitOfEffort { id } } } }',
    );
    expect(store.ledger.resources.get('resource-1')).toMatchObject({
      note: 'Crisp',
      classifiedAs: ['wd:Q89'],
      unitOfEffort: 'hour',
    });
  });

  it('planning: commitments, intents, fulfilments, satisfactions', async () => {
    await run(`mutation { createCommitment(commitment: { action: "transfer", provider: "organization-1", receiver: "group-bakery",
      resourceQuantity: { hasNumericalValue: 2, hasUnit: "unit-1" }, clauseOf: "agreement-1", inScopeOf: ["organization-1"] }) { commitment { id } } }`);
    await run(
      'mutation { updateCommitment(commitment: { id: "commitment-1", note: "Two crates" }) { commitment { note } } }',
    );
    expect(store.agreements.get('agreement-1')?.stipulates).toEqual(['commitment-1']);
    await run(`mutation { createIntent(intent: { action: "transfer", provider: "organization-1", resourceConformsTo: "spec-1",
      resourceQuantity: { hasNumericalValue: 3, hasUnit: "unit-1" } }) { intent { id } } }`);
    await run(
      'mutation { updateIntent(intent: { id: "intent-1", name: "Apples to spare" }) { intent { name } } }',
    );
    expect(store.intents.get('intent-1')?.name).toBe('Apples to spare');

    const f =
      await run(`mutation { createFulfillment(fulfillment: { fulfilledBy: "event-1", fulfills: "commitment-1", resourceQuantity: { hasNumericalValue: 2, hasUnit: "unit-1" } }) {
      fulfillment { id fulfilledBy { id } fulfills { id } } } }`);
    expect(f.createFulfillment).toEqual({
      fulfillment: { id: 'fulfillment-1', fulfilledBy: { id: 'event-1' }, fulfills: { id: 'commitment-1' } },
    });
    await run(
      'mutation { updateFulfillment(fulfillment: { id: "fulfillment-1", note: "On time" }) { fulfillment { note } } }',
    );
    expect(store.fulfillments.get('fulfillment-1')?.note).toBe('On time');
    const s =
      await run(`mutation { createSatisfaction(satisfaction: { satisfies: "intent-1", satisfiedBy: "commitment-1" }) {
      satisfaction { id satisfiedBy { __typename } } } }`);
    expect(s.createSatisfaction).toEqual({
      satisfaction: { id: 'satisfaction-1', satisfiedBy: { __typename: 'Commitment' } },
    });
    await run(
      'mutation { updateSatisfaction(satisfaction: { id: "satisfaction-1", note: "Partly" }) { satisfaction { note } } }',
    );
    expect(store.satisfactions.get('satisfaction-1')?.note).toBe('Partly');
  });

  it('proposals: create, publish, address, accept', async () => {
    await run(
      'mutation { createProposal(proposal: { name: "Apples", proposer: "organization-1" }) { proposal { id purpose } } }',
    );
    await run(
      'mutation { updateProposal(proposal: { id: "proposal-1", note: "This week" }) { proposal { note } } }',
    );
    const published = await run(
      'mutation { proposeIntent(publishedIn: "proposal-1", publishes: "intent-1") { proposedIntent { id reciprocal publishes { id } publishedIn { id } } } }',
    );
    expect(published.proposeIntent).toEqual({
      proposedIntent: {
        id: 'proposal-1/intent-1',
        reciprocal: false,
        publishes: { id: 'intent-1' },
        publishedIn: { id: 'proposal-1' },
      },
    });
    const sent = await run(
      'mutation { proposeTo(proposed: "proposal-1", proposedTo: "group-bakery") { proposedTo { id proposedTo { id } proposed { id } } } }',
    );
    expect(sent.proposeTo).toEqual({
      proposedTo: {
        id: 'proposal-1/to/group-bakery',
        proposedTo: { id: 'group-bakery' },
        proposed: { id: 'proposal-1' },
      },
    });
    await run(
      'mutation { proposeTo(proposed: "proposal-1", proposedTo: "group-mill") { proposedTo { id } } }',
    );
    await run('mutation { deleteProposedTo(id: "proposal-1/to/group-mill") }');
    expect(store.proposals.get('proposal-1')?.proposedTo).toEqual(['group-bakery']);
    const accepted =
      await run(`mutation { acceptProposal(proposal: "proposal-bread", counterparty: "group-mill", quantity: { hasNumericalValue: 2, hasUnit: "unit-loaf" }) {
      agreement { id } commitments { id } proposal { id } } }`);
    expect(accepted.acceptProposal).toMatchObject({ proposal: { id: 'proposal-bread' } });
  });

  it('deletions of what nothing refers to any more', async () => {
    const deleted = await run(`mutation {
      s: deleteSatisfaction(id: "satisfaction-1") f: deleteFulfillment(id: "fulfillment-1")
      pi: deleteProposedIntent(id: "proposal-1/intent-1") p: deleteProposal(id: "proposal-1")
      i: deleteIntent(id: "intent-1") c: deleteCommitment(id: "commitment-1")
      process: deleteProcess(id: "process-1") processSpec: deleteProcessSpecification(id: "process-spec-1")
      r: deleteAgentRelationship(id: "relationship-1") role: deleteAgentRelationshipRole(id: "role-1")
      person: deletePerson(id: "person-1") organization: deleteOrganization(id: "organization-1")
    }`);
    expect(Object.values(deleted).every((v) => (v as unknown) === true)).toBe(true);
    for (const [map, id] of [
      [store.satisfactions, 'satisfaction-1'],
      [store.fulfillments, 'fulfillment-1'],
      [store.proposals, 'proposal-1'],
      [store.intents, 'intent-1'],
      [store.commitments, 'commitment-1'],
      [store.ledger.processes, 'process-1'],
      [store.processSpecifications, 'process-spec-1'],
      [store.agentRelationships, 'relationship-1'],
      [store.agentRelationshipRoles, 'role-1'],
      [store.agents, 'person-1'],
      [store.agents, 'organization-1'],
    ] as const) {
      expect((map as ReadonlyMap<string, unknown>).has(id), id).toBe(false);
    }

    // Records still in use (event-1 and resource-1 refer to them) stay; fresh ones go.
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

  it('every mutation (but deleteEconomicEvent, always refused) and every field of its response answered', () => {
    const responses = reachableObjectTypes(schema).filter(
      (t) => t.name === 'Mutation' || t.name.endsWith('Response'),
    );
    const missing = responses.flatMap((t) =>
      Object.keys(t.getFields())
        .map((f) => `${t.name}.${f}`)
        .filter((key) => !answered.has(key)),
    );
    expect(missing).toEqual(['Mutation.deleteEconomicEvent']);
  });
});

describe('refused mutations change nothing and say why', () => {
  const store = createBakeryStore();
  const schema = createVfSchema(store);
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'an event (the ledger is append-only)',
      'mutation { deleteEconomicEvent(id: "raise-apron") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'append-only' },
    ],
    [
      'an unknown event',
      'mutation { deleteEconomicEvent(id: "nope") }',
      { code: 'VF_UNKNOWN_RECORD', recordType: 'EconomicEvent' },
    ],
    [
      'a resource events refer to',
      'mutation { deleteEconomicResource(id: "apron") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'a process with events',
      'mutation { deleteProcess(id: "process-bake") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'the specification of a process with outputs',
      'mutation { updateProcess(process: { id: "process-bake", basedOn: null }) { process { id } } }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use', inputPath: 'process.basedOn' },
    ],
    [
      'a process specification in use',
      'mutation { deleteProcessSpecification(id: "process-spec-baking") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'a resource specification in use',
      'mutation { deleteResourceSpecification(id: "spec-flour") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'a unit in use',
      'mutation { deleteUnit(id: "unit-loaf") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'an OM2 unit',
      'mutation { updateUnit(unit: { id: "kilogram", symbol: "kilo" }) { unit { id } } }',
      { code: 'VF_RECORD_CONFLICT', rule: 'built-in' },
    ],
    [
      'a place in use',
      'mutation { deleteSpatialThing(id: "place-market") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'a batch in use',
      'mutation { deleteProductBatch(id: "batch-1") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'an agreement in use',
      'mutation { deleteAgreement(id: "agreement-flour") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'a role in use',
      'mutation { deleteAgentRelationshipRole(id: "role-member") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'an agent in a relationship',
      'mutation { deletePerson(id: "alice") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'an organization through deletePerson',
      'mutation { deletePerson(id: "group-bakery") }',
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Person' },
    ],
    [
      'a fulfilled commitment',
      'mutation { deleteCommitment(id: "commit-pay") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'a satisfied intent',
      'mutation { deleteIntent(id: "intent-flour-in") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'in-use' },
    ],
    [
      'a fulfilment an event records',
      'mutation { deleteFulfillment(id: "deliver-flour/fulfills/commit-flour") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'recorded' },
    ],
    [
      'a satisfaction a commitment records',
      'mutation { updateSatisfaction(satisfaction: { id: "commit-bread/satisfies/intent-bread-out", note: "x" }) { satisfaction { id } } }',
      { code: 'VF_RECORD_CONFLICT', rule: 'recorded' },
    ],
    [
      'a containment outside combine and separate',
      'mutation { updateEconomicResource(resource: { id: "bread", containedIn: null }) { economicResource { id } } }',
      { code: 'VF_RECORD_CONFLICT', rule: 'ledger-derived' },
    ],
    [
      'a triggering cycle',
      'mutation { updateEconomicEvent(event: { id: "deliver-flour", triggeredBy: "pay-flour" }) { economicEvent { id } } }',
      { code: 'VF_RECORD_CONFLICT', rule: 'cycle' },
    ],
    [
      'the last addressee of a proposal',
      'mutation { deleteProposedTo(id: "proposal-bread/to/group-mill") }',
      { code: 'VF_RECORD_CONFLICT', rule: 'last-addressee' },
    ],
    [
      'an agent it is already proposed to',
      'mutation { proposeTo(proposed: "proposal-bread", proposedTo: "group-mill") { proposedTo { id } } }',
      { code: 'VF_RECORD_CONFLICT', rule: 'already-proposed' },
    ],
    [
      'a relationship with an unknown role',
      'mutation { createAgentRelationship(relationship: { subject: "alice", object: "bob", relationship: "role-boss" }) { agentRelationship { id } } }',
      {
        code: 'VF_UNKNOWN_RECORD',
        recordType: 'AgentRelationshipRole',
        inputPath: 'relationship.relationship',
      },
    ],
    [
      'a fulfilment of an unknown commitment',
      'mutation { createFulfillment(fulfillment: { fulfilledBy: "knead", fulfills: "nope" }) { fulfillment { id } } }',
      { code: 'VF_UNKNOWN_RECORD', inputPath: 'fulfillment.fulfills' },
    ],
    [
      'a new resource in an unknown batch',
      'mutation { createEconomicEvent(event: { action: "raise", provider: "alice", receiver: "alice", resourceQuantity: { hasNumericalValue: 1, hasUnit: "one" } }, newInventoriedResource: { name: "x", lot: "nope" }) { economicEvent { id } } }',
      { code: 'VF_UNKNOWN_RECORD', inputPath: 'newInventoriedResource.lot' },
    ],
    [
      'a new resource inside an unknown container',
      'mutation { createEconomicEvent(event: { action: "raise", provider: "alice", receiver: "alice", resourceQuantity: { hasNumericalValue: 1, hasUnit: "one" } }, newInventoriedResource: { name: "x", containedIn: "nope" }) { economicEvent { id } } }',
      { code: 'VF_UNKNOWN_RESOURCE' },
    ],
    [
      'a date that is no date',
      'mutation { createProductBatch(productBatch: { batchNumber: "x", expiryDate: "soon" }) { productBatch { id } } }',
      { code: 'VF_PARSE', inputPath: 'productBatch.expiryDate' },
    ],
    [
      'a latitude out of range',
      'mutation { createSpatialThing(spatialThing: { name: "x", lat: 91 }) { spatialThing { id } } }',
      { code: 'VF_PARSE', inputPath: 'spatialThing.lat' },
    ],
  ];

  it.each(cases)('%s', async (_, source, extensions) => {
    const before = snapshot(store);
    expect(await refusal(schema, source)).toMatchObject(extensions);
    expect(snapshot(store)).toEqual(before);
  });

  it('an event is backed out by a correction instead', async () => {
    const run = runner(schema);
    const data = await run(
      'mutation { createEconomicEvent(event: { action: "raise", provider: "alice", receiver: "alice", corrects: "raise-apron" }) { economicEvent { id corrects { id } } } }',
    );
    const correction = data.createEconomicEvent!.economicEvent as { id: string; corrects: { id: string } };
    expect(correction.corrects).toEqual({ id: 'raise-apron' });
    expect(store.ledger.events.get('raise-apron')?.correctedBy).toBe(correction.id);
    expect(store.ledger.resources.get('apron')?.onhandQuantity.hasNumericalValue).toBe(0);
  });
});
