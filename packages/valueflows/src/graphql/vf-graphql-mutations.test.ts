/**
 * Every mutation of the implemented vf-graphql 0.8.5 modules, run once on the bakery fixture
 * and checked against the store (the deletions of records nothing ever referred to in
 * `vf-graphql-deletions.test.ts`, the refusals in `vf-graphql-refusals.test.ts`). The recorder of
 * `vf-graphql-fields.test.ts` checks that every mutation and every field of its response answered.
 */
import { describe, expect, it } from 'vitest';
import { createBakeryStore } from '../../test/bakery/bakery-store';
import { runner } from '../../test/support/graphql-runner';
import { STANDALONE_DELETIONS } from '../../test/support/standalone-deletions';
import { createVfSchema } from './executable-schema';
import { type Answered, reachableObjectTypes, recordAnswers } from './testing/answered-fields';

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
  });

  it('every mutation (but deleteEconomicEvent, always refused, and the deletions run on their own) and every field of its response answered', () => {
    const responses = reachableObjectTypes(schema).filter(
      (t) => t.name === 'Mutation' || t.name.endsWith('Response'),
    );
    const missing = responses.flatMap((t) =>
      Object.keys(t.getFields())
        .map((f) => `${t.name}.${f}`)
        .filter((key) => !answered.has(key)),
    );
    expect(missing.sort()).toEqual(
      ['Mutation.deleteEconomicEvent', ...STANDALONE_DELETIONS.map((name) => `Mutation.${name}`)].sort(),
    );
  });
});
