/**
 * The proposal mutations of vf-graphql 0.8.5 (`proposal.gql`): create, update and delete a
 * proposal, publish an intent in it (`proposeIntent`) and withdraw it (`deleteProposedIntent`),
 * address it to an agent (`proposeTo`); and `acceptProposal`, which turns a proposal into an
 * agreement with its commitments and takes what was agreed off the proposal.
 *
 * Each mutation checks everything first and only then writes to the store, so a rejected one
 * changes nothing. Input goes through the package's boundary parsers; references are checked
 * against the store.
 *
 * @module
 */
import { RecordConflictError } from '../errors/record-conflict-error';
import { UnknownRecordError } from '../errors/unknown-record-error';
import { acceptProposal } from '../exchange/accept-proposal';
import type { Agreement } from '../model/agreement';
import type { Commitment } from '../model/commitment';
import type { Intent } from '../model/intent';
import type { Proposal } from '../model/proposal';
import { readMeasure } from '../parse/parse-measure';
import { readProposalRecord } from '../parse/parse-proposal';
import { requireIntent, withoutIntent } from './intent-mutations';
import { type Input, merge, requireRecord, withoutNulls } from './store-input';
import type { VfStore } from './vf-store';

/** A `ProposedIntent` of vf-graphql: the link between a proposal and an intent it publishes. */
export interface ProposedIntentRecord {
  readonly id: string;
  readonly reciprocal: boolean;
  readonly publishes: Intent;
  readonly publishedIn: Proposal;
}

/** The identifier of the link between a proposal and one of its intents. */
export const proposedIntentId = (proposal: Proposal, intent: Intent): string => `${proposal.id}/${intent.id}`;

/**
 * `createProposal(proposal: ProposalCreateParams!)`, with the ValueFlows 1.0 `purpose` (default
 * `offer`), `proposer` and `proposedTo`; intents are added with `proposeIntent`.
 */
export function createProposal(store: VfStore, input: Input): { proposal: Proposal } {
  const proposal = readProposalRecord(
    { purpose: 'offer', ...withoutNulls(input), id: store.nextId('proposal') },
    'proposal',
  );
  store.proposals.set(proposal.id, proposal);
  return { proposal };
}

/** `updateProposal(proposal: ProposalUpdateParams!)`: its own fields; its intents stay. */
export function updateProposal(store: VfStore, input: Input): { proposal: Proposal } {
  const id = String(input.id);
  const old = requireRecord(store.proposals, 'Proposal', id, 'proposal.id');
  const { publishes, reciprocal, ...fields } = old;
  const header = readProposalRecord(merge(fields, { ...input, id }), 'proposal');
  const proposal = { ...header, publishes, reciprocal };
  store.proposals.set(id, proposal);
  return { proposal };
}

/**
 * `deleteProposal(id)`: refused while an agreement answers it; its intents stay, unpublished.
 */
export function deleteProposal(store: VfStore, id: string): boolean {
  const proposal = requireRecord(store.proposals, 'Proposal', id, 'id');
  const agreement = [...store.agreements.values()].find((a) => a.proposal === id);
  if (agreement)
    throw new RecordConflictError('in-use', 'id', `agreement ${agreement.id} answers proposal ${id}`);
  store.proposals.delete(id);
  for (const i of [...proposal.publishes, ...proposal.reciprocal]) store.intents.set(i.id, i);
  return true;
}

/**
 * `proposeIntent(publishedIn, publishes, reciprocal)`: publishes an unpublished intent in a
 * proposal, as a primary intent or (`reciprocal: true`) a reciprocal one.
 */
export function proposeIntent(
  store: VfStore,
  args: { publishedIn: string; publishes: string; reciprocal?: boolean | null },
): { proposedIntent: ProposedIntentRecord } {
  const proposal = requireRecord(store.proposals, 'Proposal', args.publishedIn, 'publishedIn');
  const place = requireIntent(store, args.publishes, 'publishes');
  if (place.proposal) {
    throw new RecordConflictError(
      'already-published',
      'publishes',
      `intent ${args.publishes} is already published in proposal ${place.proposal.id}`,
    );
  }
  const reciprocal = args.reciprocal === true;
  const updated: Proposal = reciprocal
    ? { ...proposal, reciprocal: [...proposal.reciprocal, place.intent] }
    : { ...proposal, publishes: [...proposal.publishes, place.intent] };
  store.intents.delete(place.intent.id);
  store.proposals.set(updated.id, updated);
  return {
    proposedIntent: {
      id: proposedIntentId(updated, place.intent),
      reciprocal,
      publishes: place.intent,
      publishedIn: updated,
    },
  };
}

/** `deleteProposedIntent(id)`: withdraws an intent from its proposal; the intent stays, unpublished. */
export function deleteProposedIntent(store: VfStore, id: string): boolean {
  for (const proposal of store.proposals.values()) {
    for (const intent of [...proposal.publishes, ...proposal.reciprocal]) {
      if (proposedIntentId(proposal, intent) !== id) continue;
      store.proposals.set(proposal.id, withoutIntent(proposal, intent.id));
      store.intents.set(intent.id, intent);
      return true;
    }
  }
  throw new UnknownRecordError('ProposedIntent', id, 'id');
}

/** A `ProposedTo` of vf-graphql: a proposal sent to an agent. */
export interface ProposedToRecord {
  readonly id: string;
  readonly proposed: Proposal;
  /** The agent's identifier. */
  readonly proposedTo: string;
}

/** The identifier of the link between a proposal and an agent it is proposed to. */
export const proposedToId = (proposal: Proposal, agent: string): string => `${proposal.id}/to/${agent}`;

/**
 * `proposeTo(proposed, proposedTo)`: addresses the proposal to one more agent (ValueFlows 1.0
 * `proposedTo`; a proposal addressed to nobody is open to anyone).
 */
export function proposeTo(
  store: VfStore,
  args: { proposed: string; proposedTo: string },
): { proposedTo: ProposedToRecord } {
  const proposal = requireRecord(store.proposals, 'Proposal', args.proposed, 'proposed');
  if (proposal.proposedTo?.includes(args.proposedTo)) {
    throw new RecordConflictError(
      'already-proposed',
      'proposedTo',
      `proposal ${proposal.id} is already proposed to ${args.proposedTo}`,
    );
  }
  const updated: Proposal = { ...proposal, proposedTo: [...(proposal.proposedTo ?? []), args.proposedTo] };
  store.proposals.set(updated.id, updated);
  return {
    proposedTo: {
      id: proposedToId(updated, args.proposedTo),
      proposed: updated,
      proposedTo: args.proposedTo,
    },
  };
}

/** `deleteProposedTo(id)`: the proposal is no longer addressed to that agent (never to nobody). */
export function deleteProposedTo(store: VfStore, id: string): boolean {
  for (const proposal of store.proposals.values()) {
    const agent = proposal.proposedTo?.find((a) => proposedToId(proposal, a) === id);
    if (agent === undefined) continue;
    // Addressed to nobody, a proposal is open to anyone: withdrawing the last addressee would publish it.
    if (proposal.proposedTo!.length === 1) {
      throw new RecordConflictError(
        'last-addressee',
        'id',
        `proposal ${proposal.id} would become open to anyone; address it to another agent first`,
      );
    }
    store.proposals.set(proposal.id, {
      ...proposal,
      proposedTo: proposal.proposedTo!.filter((a) => a !== agent),
    });
    return true;
  }
  throw new UnknownRecordError('ProposedTo', id, 'id');
}

/**
 * `acceptProposal(proposal, counterparty, quantity?, created?, due?)` (an Imago addition): the
 * agreement and its commitments enter the store and the proposal keeps only what remains.
 */
export function acceptProposalMutation(
  store: VfStore,
  args: {
    proposal: string;
    counterparty: string;
    quantity?: unknown;
    created?: string | null;
    due?: string | null;
  },
): { agreement: Agreement; commitments: readonly Commitment[]; proposal: Proposal } {
  const proposal = requireRecord(store.proposals, 'Proposal', args.proposal, 'proposal');
  const quantity =
    args.quantity == null ? undefined : readMeasure(withoutNulls(args.quantity as Input), 'quantity');
  const accepted = acceptProposal(proposal, {
    agreementId: store.nextId('agreement'),
    counterparty: args.counterparty,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(args.created != null ? { created: args.created } : {}),
    ...(args.due != null ? { due: args.due } : {}),
  });
  for (const c of accepted.commitments) {
    if (store.commitments.has(c.id))
      throw new RecordConflictError('duplicate-id', 'proposal', `commitment ${c.id} exists`);
  }
  store.agreements.set(accepted.agreement.id, accepted.agreement);
  for (const c of accepted.commitments) store.commitments.set(c.id, c);
  store.proposals.set(proposal.id, accepted.proposal);
  return accepted;
}
