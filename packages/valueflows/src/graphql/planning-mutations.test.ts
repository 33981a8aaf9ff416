/**
 * The planning and proposal mutations of vf-graphql 0.8.5, through `graphql()`: a group composes
 * an offer, changes and unpublishes it; commitments keep their agreements' clauses in step; every
 * such mutation is served. (`acceptProposal` in `accept-proposal.test.ts`, bad input in
 * `planning-bad-input.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import {
  CREATE_INTENT,
  CREATE_PROPOSAL,
  composeOffer,
  kg,
  PROPOSE,
  setup,
  snapshot,
} from '../../test/support/planning-graphql';
import { replayLedger } from '../ledger/replay-ledger';
import { createResolvers } from './resolvers';
import { createVfStore } from './vf-store';

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
