/**
 * `acceptProposal` through `graphql()`: another group accepts part of an offer, the offer keeps
 * only what remains; accepting more than remains, or deleting what an agreement relies on, is
 * refused and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { ACCEPT, composeOffer, kg, setup, snapshot } from '../../test/support/planning-graphql';

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
