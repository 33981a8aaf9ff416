/**
 * Test support for the planning and proposal suites: a store with its schema and a runner, the
 * mutations they send, a snapshot of what a mutation could touch, and an offer of potatoes
 * composed through the API.
 *
 * @module
 */
import { type ExecutionResult, graphql } from 'graphql';
import { expect } from 'vitest';
import { createVfSchema } from '../../src/graphql/executable-schema';
import { createVfStore, type VfStore } from '../../src/graphql/vf-store';

export const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });

export function setup(init: Parameters<typeof createVfStore>[0] = {}) {
  const store = createVfStore(init);
  const schema = createVfSchema(store);
  const run = async (source: string, variableValues?: Record<string, unknown>) =>
    // biome-ignore lint/suspicious/noExplicitAny: result shapes are what the assertions check
    (await graphql({ schema, source, variableValues })) as ExecutionResult<Record<string, any>>;
  return { store, run };
}

/** Everything a mutation could touch, to check that a rejected one changed nothing. */
export const snapshot = (store: VfStore) =>
  structuredClone({
    proposals: [...store.proposals],
    intents: [...store.intents],
    commitments: [...store.commitments],
    agreements: [...store.agreements],
  });

export const CREATE_PROPOSAL = `mutation($p: ProposalCreateParams!) { createProposal(proposal: $p) { proposal { id name purpose proposer { id } unitBased } } }`;
export const CREATE_INTENT = `mutation($i: IntentCreateParams!) { createIntent(intent: $i) { intent { id action { id } resourceQuantity { hasNumericalValue hasUnit { id } } } } }`;
export const PROPOSE = `mutation($p: ID!, $i: ID!, $r: Boolean) { proposeIntent(publishedIn: $p, publishes: $i, reciprocal: $r) { proposedIntent { id reciprocal publishes { id } publishedIn { id } } } }`;
export const ACCEPT = `mutation($p: ID!, $c: ID!, $q: IMeasure) { acceptProposal(proposal: $p, counterparty: $c, quantity: $q) {
  agreement { id commitments { id provider { id } receiver { id } resourceQuantity { hasNumericalValue } } }
  proposal { primaryIntents { availableQuantity { hasNumericalValue hasUnit { id } } remainingQuantity { hasNumericalValue } } }
} }`;

/** An offer of 20 kg of potatoes for 10 euro, composed with the vf-graphql mutations. */
export async function composeOffer(run: ReturnType<typeof setup>['run']) {
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
