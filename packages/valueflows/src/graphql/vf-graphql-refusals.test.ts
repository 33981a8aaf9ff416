/**
 * The refused mutations of the vf-graphql API on the bakery fixture: each says why with its typed
 * error's code and changes nothing; an event is backed out by a correction instead.
 */
import { describe, expect, it } from 'vitest';
import { createBakeryStore } from '../../test/bakery/bakery-store';
import { refusal, runner, snapshot } from '../../test/support/graphql-runner';
import { createVfSchema } from './executable-schema';

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
