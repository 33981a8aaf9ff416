/**
 * The planning and proposal mutations of vf-graphql 0.8.5 and `acceptProposal`, through
 * `graphql()`: a group composes an offer, another accepts part of it, the offer keeps only what
 * remains; bad input fails with a typed error naming what and where, and changes nothing.
 */
import { type ExecutionResult, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { replayLedger } from '../ledger/replay-ledger';
import { createVfSchema } from './executable-schema';
import { createResolvers } from './resolvers';
import { createVfStore, type VfStore } from './vf-store';

const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });

function setup(init: Parameters<typeof createVfStore>[0] = {}) {
  const store = createVfStore(init);
  const schema = createVfSchema(store);
  const run = async (source: string, variableValues?: Record<string, unknown>) =>
    // biome-ignore lint/suspicious/noExplicitAny: result shapes are what the assertions check
    (await graphql({ schema, source, variableValues })) as ExecutionResult<Record<string, any>>;
  return { store, run };
}

/** Everything a mutation could touch, to check that a rejected one changed nothing. */
const snapshot = (store: VfStore) =>
  structuredClone({
    proposals: [...store.proposals],
    intents: [...store.intents],
    commitments: [...store.commitments],
    agreements: [...store.agreements],
  });

const CREATE_PROPOSAL = `mutation($p: ProposalCreateParams!) { createProposal(proposal: $p) { proposal { id name purpose proposer { id } unitBased } } }`;
const CREATE_INTENT = `mutation($i: IntentCreateParams!) { createIntent(intent: $i) { intent { id action { id } resourceQuantity { hasNumericalValue hasUnit { id } } } } }`;
const PROPOSE = `mutation($p: ID!, $i: ID!, $r: Boolean) { proposeIntent(publishedIn: $p, publishes: $i, reciprocal: $r) { proposedIntent { id reciprocal publishes { id } publishedIn { id } } } }`;
const ACCEPT = `mutation($p: ID!, $c: ID!, $q: IMeasure) { acceptProposal(proposal: $p, counterparty: $c, quantity: $q) {
  agreement { id commitments { id provider { id } receiver { id } resourceQuantity { hasNumericalValue } } }
  proposal { primaryIntents { availableQuantity { hasNumericalValue hasUnit { id } } remainingQuantity { hasNumericalValue } } }
} }`;

/** An offer of 20 kg of potatoes for 10 euro, composed with the vf-graphql mutations. */
async function composeOffer(run: ReturnType<typeof setup>['run']) {
  const p = await run(CREATE_PROPOSAL, { p: { name: 'Potatoes', proposer: 'group:garden' } });
  expect(p.errors).toBeUndefined();
  const proposalId: string = p.data?.createProposal.proposal.id;
  const potatoes = await run(CREATE_INTENT, {
    i: { action: 'transfer', resourceConformsTo: 'spec:potato', resourceQuantity: kg(20) },
  });
  const pay = await run(CREATE_INTENT, {
    i: { action: 'transfer', resourceQuantity: { hasNumericalValue: 10, hasUnit: 'euro' } },
  });
  const potatoesId: string = potatoes.data?.createIntent.intent.id;
  const payId: string = pay.data?.createIntent.intent.id;
  expect((await run(PROPOSE, { p: proposalId, i: potatoesId })).errors).toBeUndefined();
  expect((await run(PROPOSE, { p: proposalId, i: payId, r: true })).errors).toBeUndefined();
  return { proposalId, potatoesId, payId };
}

describe('proposal and intent mutations', () => {
  it('createProposal, createIntent and proposeIntent compose an offer that queries then serve', async () => {
    const { store, run } = setup();
    const p = await run(CREATE_PROPOSAL, { p: { name: 'Potatoes', proposer: 'group:garden' } });
    expect(p.data?.createProposal.proposal).toMatchObject({
      name: 'Potatoes',
      purpose: 'offer',
      proposer: { id: 'group:garden' },
      unitBased: false,
    });
    const i = await run(CREATE_INTENT, { i: { action: 'transfer-custody', resourceQuantity: kg(3) } });
    expect(i.errors).toBeUndefined();
    expect(i.data?.createIntent.intent).toMatchObject({
      action: { id: 'transferCustody' },
      resourceQuantity: { hasNumericalValue: 3, hasUnit: { id: 'kilogram' } },
    });
    const intentId = i.data?.createIntent.intent.id;
    const proposalId = p.data?.createProposal.proposal.id;
    // Unpublished, the intent is listed by `intents` and published nowhere.
    const before = await run(`query($id: ID!) { intent(id: $id) { publishedIn { id } } intents { id } }`, {
      id: intentId,
    });
    expect(before.data?.intent.publishedIn).toEqual([]);
    expect(before.data?.intents).toEqual([{ id: intentId }]);

    const linked = await run(PROPOSE, { p: proposalId, i: intentId });
    expect(linked.errors).toBeUndefined();
    expect(linked.data?.proposeIntent.proposedIntent).toEqual({
      id: `${proposalId}/${intentId}`,
      reciprocal: false,
      publishes: { id: intentId },
      publishedIn: { id: proposalId },
    });
    const served = await run(
      `query($id: ID!) { proposal(id: $id) { primaryIntents { id } publishes { id reciprocal } } }`,
      {
        id: proposalId,
      },
    );
    expect(served.data?.proposal).toEqual({
      primaryIntents: [{ id: intentId }],
      publishes: [{ id: `${proposalId}/${intentId}`, reciprocal: false }],
    });
    expect(store.intents.size).toBe(0);
  });

  it('updateIntent changes the intent inside its proposal; null removes a field', async () => {
    const { store, run } = setup();
    const { proposalId, potatoesId } = await composeOffer(run);
    const r = await run(
      `mutation($i: IntentUpdateParams!) { updateIntent(intent: $i) { intent { id note resourceQuantity { hasNumericalValue } resourceConformsTo { id } } } }`,
      { i: { id: potatoesId, note: 'new crop', resourceQuantity: kg(30), resourceConformsTo: null } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateIntent.intent).toEqual({
      id: potatoesId,
      note: 'new crop',
      resourceQuantity: { hasNumericalValue: 30 },
      resourceConformsTo: null,
    });
    expect(store.proposals.get(proposalId)?.publishes[0]).toMatchObject({
      note: 'new crop',
      resourceQuantity: kg(30),
    });
    expect(store.proposals.get(proposalId)?.publishes[0]?.resourceConformsTo).toBeUndefined();
  });

  it('updateProposal changes its own fields and keeps its intents; deleteProposedIntent unpublishes', async () => {
    const { store, run } = setup();
    const { proposalId, potatoesId, payId } = await composeOffer(run);
    const r = await run(
      `mutation($p: ProposalUpdateParams!) { updateProposal(proposal: $p) { proposal { name purpose note primaryIntents { id } } } }`,
      { p: { id: proposalId, purpose: 'request', note: 'wanted' } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateProposal.proposal).toEqual({
      name: 'Potatoes',
      purpose: 'request',
      note: 'wanted',
      primaryIntents: [{ id: potatoesId }],
    });
    const d = await run(`mutation($id: ID!) { deleteProposedIntent(id: $id) }`, {
      id: `${proposalId}/${payId}`,
    });
    expect(d.data?.deleteProposedIntent).toBe(true);
    expect(store.proposals.get(proposalId)?.reciprocal).toEqual([]);
    expect(store.intents.has(payId)).toBe(true);
  });

  it('deleteProposal keeps its intents, unpublished; deleteIntent removes an intent from its proposal', async () => {
    const { store, run } = setup();
    const { proposalId, potatoesId, payId } = await composeOffer(run);
    const di = await run(`mutation($id: ID!) { deleteIntent(id: $id) }`, { id: payId });
    expect(di.data?.deleteIntent).toBe(true);
    expect(store.proposals.get(proposalId)?.reciprocal).toEqual([]);
    const dp = await run(`mutation($id: ID!) { deleteProposal(id: $id) }`, { id: proposalId });
    expect(dp.data?.deleteProposal).toBe(true);
    expect(store.proposals.has(proposalId)).toBe(false);
    expect([...store.intents.keys()]).toEqual([potatoesId]);
  });
});

describe('commitment mutations', () => {
  const agreements = [
    { id: 'agr-1', stipulates: [], stipulatesReciprocal: [] },
    { id: 'agr-2', stipulates: [], stipulatesReciprocal: [] },
  ];
  const CREATE = `mutation($c: CommitmentCreateParams!) { createCommitment(commitment: $c) { commitment { id provider { id } clauseOf { id } deletable } } }`;

  it('createCommitment and updateCommitment keep the agreements’ clauses in step; deleteCommitment removes it', async () => {
    const { store, run } = setup({ agreements });
    const c = await run(CREATE, {
      c: {
        action: 'transfer',
        provider: 'group:garden',
        receiver: 'group:kitchen',
        resourceQuantity: kg(2),
        clauseOf: 'agr-1',
      },
    });
    expect(c.errors).toBeUndefined();
    const id: string = c.data?.createCommitment.commitment.id;
    expect(c.data?.createCommitment.commitment).toEqual({
      id,
      provider: { id: 'group:garden' },
      clauseOf: { id: 'agr-1' },
      deletable: true,
    });
    expect(store.agreements.get('agr-1')?.stipulates).toEqual([id]);
    const u = await run(
      `mutation($c: CommitmentUpdateParams!) { updateCommitment(commitment: $c) { commitment { clauseOf { id } resourceQuantity { hasNumericalValue } } } }`,
      { c: { id, clauseOf: 'agr-2', resourceQuantity: kg(3) } },
    );
    expect(u.errors).toBeUndefined();
    expect(u.data?.updateCommitment.commitment).toEqual({
      clauseOf: { id: 'agr-2' },
      resourceQuantity: { hasNumericalValue: 3 },
    });
    expect(store.agreements.get('agr-1')?.stipulates).toEqual([]);
    expect(store.agreements.get('agr-2')?.stipulates).toEqual([id]);
    const d = await run(`mutation($id: ID!) { deleteCommitment(id: $id) }`, { id });
    expect(d.data?.deleteCommitment).toBe(true);
    expect(store.commitments.size).toBe(0);
    expect(store.agreements.get('agr-2')?.stipulates).toEqual([]);
  });

  it('a commitment an event fulfils cannot be deleted', async () => {
    const { state } = replayLedger([
      {
        id: 'e1',
        action: 'raise',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceQuantity: kg(2),
        newInventoriedResource: { id: 'potatoes' },
        fulfills: ['c-1'],
      },
    ]);
    const { store, run } = setup({
      ledger: state,
      commitments: [{ id: 'c-1', action: 'raise', provider: 'group:garden', receiver: 'group:garden' }],
    });
    const before = snapshot(store);
    const d = await run(`mutation { deleteCommitment(id: "c-1") }`);
    expect(d.errors?.[0]?.extensions).toMatchObject({
      code: 'VF_RECORD_CONFLICT',
      rule: 'in-use',
      inputPath: 'id',
    });
    expect(snapshot(store)).toEqual(before);
    const q = await run(`{ commitment(id: "c-1") { deletable } }`);
    expect(q.data?.commitment.deletable).toBe(false);
  });
});

describe('acceptProposal through GraphQL', () => {
  it('makes the agreement and its commitments and leaves the offer with what remains', async () => {
    const { store, run } = setup();
    const { proposalId } = await composeOffer(run);
    const r = await run(ACCEPT, { p: proposalId, c: 'group:kitchen', q: kg(5) });
    expect(r.errors).toBeUndefined();
    const agreement = r.data?.acceptProposal.agreement;
    expect(agreement.commitments).toEqual([
      {
        id: `${agreement.id}#1`,
        provider: { id: 'group:garden' },
        receiver: { id: 'group:kitchen' },
        resourceQuantity: { hasNumericalValue: 5 },
      },
      {
        id: `${agreement.id}#2`,
        provider: { id: 'group:kitchen' },
        receiver: { id: 'group:garden' },
        resourceQuantity: { hasNumericalValue: 10 },
      },
    ]);
    expect(r.data?.acceptProposal.proposal.primaryIntents).toEqual([
      {
        availableQuantity: { hasNumericalValue: 15, hasUnit: { id: 'kilogram' } },
        remainingQuantity: { hasNumericalValue: 15 },
      },
    ]);
    // Queries now serve the rest, and the agreement with its commitments.
    const q = await run(
      `query($id: ID!) { proposal(id: $id) { primaryIntents { availableQuantity { hasNumericalValue } deletable } } agreements { id } commitments { id } }`,
      {
        id: proposalId,
      },
    );
    expect(q.data?.proposal.primaryIntents).toEqual([
      { availableQuantity: { hasNumericalValue: 15 }, deletable: false },
    ]);
    expect(q.data?.agreements).toEqual([{ id: agreement.id }]);
    expect(q.data?.commitments).toHaveLength(2);
    expect(store.agreements.get(agreement.id)?.proposal).toBe(proposalId);
  });

  it('accepting more than remains fails with VF_PROPOSAL_TERMS and changes nothing', async () => {
    const { store, run } = setup();
    const { proposalId } = await composeOffer(run);
    expect((await run(ACCEPT, { p: proposalId, c: 'group:kitchen', q: kg(15) })).errors).toBeUndefined();
    const before = snapshot(store);
    const r = await run(ACCEPT, { p: proposalId, c: 'group:school', q: kg(6) });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VF_PROPOSAL_TERMS', rule: 'above-available' });
    expect(snapshot(store)).toEqual(before);
    const rest = await run(ACCEPT, { p: proposalId, c: 'group:school' });
    expect(rest.data?.acceptProposal.proposal.primaryIntents[0].remainingQuantity).toEqual({
      hasNumericalValue: 0,
    });
  });

  it('deleting what an agreement relies on is refused: the proposal it answers, an intent a commitment satisfies', async () => {
    const { store, run } = setup();
    const { proposalId, potatoesId } = await composeOffer(run);
    expect((await run(ACCEPT, { p: proposalId, c: 'group:kitchen', q: kg(5) })).errors).toBeUndefined();
    const before = snapshot(store);
    const dp = await run(`mutation($id: ID!) { deleteProposal(id: $id) }`, { id: proposalId });
    expect(dp.errors?.[0]?.extensions).toMatchObject({ code: 'VF_RECORD_CONFLICT', rule: 'in-use' });
    const di = await run(`mutation($id: ID!) { deleteIntent(id: $id) }`, { id: potatoesId });
    expect(di.errors?.[0]?.extensions).toMatchObject({ code: 'VF_RECORD_CONFLICT', rule: 'in-use' });
    expect(snapshot(store)).toEqual(before);
  });
});

describe('bad input: a typed error naming what and where, and nothing changed', () => {
  const cases: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'a measure without a number',
      CREATE_INTENT,
      { i: { action: 'transfer', resourceQuantity: { hasNumericalValue: -1, hasUnit: 'kilogram' } } },
      { code: 'VF_PARSE', inputPath: 'intent.resourceQuantity.hasNumericalValue' },
    ],
    [
      'an unknown action',
      CREATE_INTENT,
      { i: { action: 'teleport' } },
      { code: 'VF_PARSE', inputPath: 'intent.action' },
    ],
    [
      'a commitment in an unknown agreement',
      `mutation($c: CommitmentCreateParams!) { createCommitment(commitment: $c) { commitment { id } } }`,
      { c: { action: 'transfer', provider: 'a', receiver: 'b', clauseOf: 'agr-404' } },
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Agreement', id: 'agr-404', inputPath: 'commitment.clauseOf' },
    ],
    [
      'an update of an unknown intent',
      `mutation($i: IntentUpdateParams!) { updateIntent(intent: $i) { intent { id } } }`,
      { i: { id: 'intent-404', note: 'x' } },
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Intent', inputPath: 'intent.id' },
    ],
    [
      'an unknown proposal to publish in',
      PROPOSE,
      { p: 'proposal-404', i: 'i-free' },
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Proposal', inputPath: 'publishedIn' },
    ],
    [
      'an unknown intent to publish',
      PROPOSE,
      { p: 'p-open', i: 'intent-404' },
      { code: 'VF_UNKNOWN_RECORD', recordType: 'Intent', inputPath: 'publishes' },
    ],
    [
      'an intent already published elsewhere',
      PROPOSE,
      { p: 'p-open', i: 'i-taken' },
      { code: 'VF_RECORD_CONFLICT', rule: 'already-published', inputPath: 'publishes' },
    ],
    [
      'an unknown proposed intent',
      `mutation { deleteProposedIntent(id: "p-open/nothing") }`,
      {},
      { code: 'VF_UNKNOWN_RECORD', recordType: 'ProposedIntent', inputPath: 'id' },
    ],
    [
      'a proposal purpose that is neither offer nor request',
      CREATE_PROPOSAL,
      { p: { purpose: 'gift' } },
      { code: 'VF_PARSE', inputPath: 'proposal.purpose' },
    ],
    [
      'accepting an unknown proposal',
      ACCEPT,
      { p: 'proposal-404', c: 'x' },
      { code: 'VF_UNKNOWN_RECORD', inputPath: 'proposal' },
    ],
    [
      'accepting a proposal that publishes nothing yet',
      ACCEPT,
      { p: 'p-open', c: 'group:kitchen' },
      { code: 'VF_PROPOSAL_TERMS', rule: 'no-intent' },
    ],
    [
      'accepting a quantity without a unit',
      ACCEPT,
      { p: 'p-taken', c: 'group:kitchen', q: { hasNumericalValue: 1 } },
      { code: 'VF_PARSE', inputPath: 'quantity.hasUnit' },
    ],
    [
      'accepting in a unit that does not convert',
      ACCEPT,
      { p: 'p-taken', c: 'group:kitchen', q: { hasNumericalValue: 1, hasUnit: 'litre' } },
      { code: 'VF_INCOMPATIBLE_UNITS' },
    ],
    [
      'accepting its own offer',
      ACCEPT,
      { p: 'p-taken', c: 'group:garden', q: kg(1) },
      { code: 'VF_PROPOSAL_TERMS', rule: 'own-proposal' },
    ],
  ];
  for (const [what, source, variables, extensions] of cases) {
    it(what, async () => {
      const { store, run } = setup({
        proposals: [
          {
            id: 'p-open',
            purpose: 'offer',
            proposer: 'group:garden',
            unitBased: false,
            publishes: [],
            reciprocal: [],
          },
          {
            id: 'p-taken',
            purpose: 'offer',
            proposer: 'group:garden',
            unitBased: false,
            publishes: [{ id: 'i-taken', action: 'transfer', resourceQuantity: kg(4) }],
            reciprocal: [],
          },
        ],
        intents: [{ id: 'i-free', action: 'transfer' }],
      });
      const before = snapshot(store);
      const r = await run(source, variables);
      expect(r.errors).toHaveLength(1);
      expect(r.errors?.[0]?.extensions).toMatchObject(extensions);
      expect(snapshot(store)).toEqual(before);
    });
  }
});

describe('the mutations vf-graphql 0.8.5 defines for planning and proposals are all served', () => {
  it('each has a resolver', () => {
    const mutations = Object.keys(createResolvers(createVfStore()).Mutation);
    for (const m of [
      'createIntent',
      'updateIntent',
      'deleteIntent',
      'createCommitment',
      'updateCommitment',
      'deleteCommitment',
      'createProposal',
      'updateProposal',
      'deleteProposal',
      'proposeIntent',
      'deleteProposedIntent',
      'acceptProposal',
    ]) {
      expect(mutations).toContain(m);
    }
  });
});
