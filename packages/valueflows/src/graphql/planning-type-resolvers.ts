/**
 * The field resolvers of planning: intents, commitments, their fulfilments and satisfactions,
 * agreements and proposals.
 *
 * @module
 */
import { remainingQuantity } from '../exchange/remaining-quantity';
import type { Agreement } from '../model/agreement';
import type { Commitment } from '../model/commitment';
import type { EconomicEvent } from '../model/economic-event';
import type { Intent } from '../model/intent';
import type { Proposal } from '../model/proposal';
import * as commitments from './commitment-mutations';
import { agentsById, createFlowFields } from './flow-fields';
import * as intents from './intent-mutations';
import * as proposals from './proposal-mutations';
import type { Fulfillment, Satisfaction } from './store-records';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

/**
 * Builds the resolvers of `Intent`, `Commitment`, `EventOrCommitment`, `Fulfillment`,
 * `Satisfaction`, `Agreement`, `Proposal` and `ProposedTo`.
 *
 * @param store - the records
 * @param view - read helpers over them
 * @returns resolvers in the graphql-tools format
 */
export function createPlanningTypeResolvers(store: VfStore, view: StoreView) {
  const agents = agentsById(view);
  const flowFields = createFlowFields(view);
  return {
    EventOrCommitment: {
      __resolveType: (x: EconomicEvent | Commitment) =>
        store.ledger.events.get(x.id)?.event === x ? 'EconomicEvent' : 'Commitment',
    },
    Intent: {
      ...flowFields,
      availableQuantity: (i: Intent) => view.measure(i.availableQuantity),
      minimumQuantity: (i: Intent) => view.measure(i.minimumQuantity),
      remainingQuantity: (i: Intent) => {
        const p = view.proposalOf(i);
        return view.measure(
          p ? remainingQuantity(p, i) : (i.availableQuantity ?? i.resourceQuantity ?? i.effortQuantity),
        );
      },
      publishedIn: (i: Intent) => {
        const p = view.proposalOf(i);
        return p
          ? [
              {
                id: proposals.proposedIntentId(p, i),
                reciprocal: p.reciprocal.some((x) => x.id === i.id),
                publishes: i,
                publishedIn: p,
              },
            ]
          : [];
      },
      satisfiedBy: (i: Intent) => view.satisfactions().filter((s) => s.satisfies === i.id),
      deletable: (i: Intent) => intents.isIntentDeletable(store, i.id),
    },
    Commitment: {
      ...flowFields,
      clauseOf: (c: Commitment) => view.agreement(c.clauseOf),
      reciprocalClauseOf: (c: Commitment) => view.agreement(c.reciprocalClauseOf),
      involvedAgents: (c: Commitment) => [view.agent(c.provider), view.agent(c.receiver)],
      fulfilledBy: (c: Commitment) => view.fulfillments().filter((f) => f.fulfills === c.id),
      satisfies: (c: Commitment) => view.satisfactions().filter((s) => s.satisfiedBy === c.id),
      deletable: (c: Commitment) => commitments.isCommitmentDeletable(store, c.id),
    },
    Fulfillment: {
      fulfilledBy: (f: Fulfillment) => view.event(f.fulfilledBy),
      fulfills: (f: Fulfillment) => view.commitment(f.fulfills),
      resourceQuantity: (f: Fulfillment) => view.measure(f.resourceQuantity),
      effortQuantity: (f: Fulfillment) => view.measure(f.effortQuantity),
    },
    Satisfaction: {
      satisfies: (s: Satisfaction) => view.intent(s.satisfies),
      satisfiedBy: (s: Satisfaction) => view.event(s.satisfiedBy) ?? view.commitment(s.satisfiedBy),
      resourceQuantity: (s: Satisfaction) => view.measure(s.resourceQuantity),
      effortQuantity: (s: Satisfaction) => view.measure(s.effortQuantity),
    },
    Agreement: {
      commitments: (a: Agreement) =>
        [...a.stipulates, ...a.stipulatesReciprocal]
          .map((id) => store.commitments.get(id))
          .filter((c) => c !== undefined),
      economicEvents: (a: Agreement) =>
        view.events().filter((e) => e.realizationOf === a.id || e.reciprocalRealizationOf === a.id),
      involvedAgents: (a: Agreement) => {
        const ids = new Set<string>();
        for (const id of [...a.stipulates, ...a.stipulatesReciprocal]) {
          const c = store.commitments.get(id);
          if (c) ids.add(c.provider).add(c.receiver);
        }
        return agents([...ids]);
      },
    },
    Proposal: {
      publishes: (p: Proposal) => [
        ...p.publishes.map((i) => ({
          id: proposals.proposedIntentId(p, i),
          reciprocal: false,
          publishes: i,
          publishedIn: p,
        })),
        ...p.reciprocal.map((i) => ({
          id: proposals.proposedIntentId(p, i),
          reciprocal: true,
          publishes: i,
          publishedIn: p,
        })),
      ],
      primaryIntents: (p: Proposal) => p.publishes,
      reciprocalIntents: (p: Proposal) => p.reciprocal,
      proposer: (p: Proposal) => view.agent(p.proposer),
      proposedTo: (p: Proposal) => agents(p.proposedTo),
      publishedTo: (p: Proposal) =>
        (p.proposedTo ?? []).map((a) => ({ id: proposals.proposedToId(p, a), proposedTo: a, proposed: p })),
      eligibleLocation: (p: Proposal) => view.place(p.eligibleLocation),
      inScopeOf: (p: Proposal) => agents(p.inScopeOf),
    },
    ProposedTo: {
      proposedTo: (t: proposals.ProposedToRecord) => view.agent(t.proposedTo),
    },
  };
}
