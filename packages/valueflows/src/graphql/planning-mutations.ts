/**
 * The planning and proposal mutations of vf-graphql 0.8.5 (`planning.gql`, `proposal.gql`):
 * create, update and delete intents, commitments and proposals, publish an intent in a proposal
 * (`proposeIntent`) and withdraw it (`deleteProposedIntent`); and `acceptProposal`, which turns
 * a proposal into an agreement with its commitments and takes what was agreed off the proposal.
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
import { parseMeasure } from '../parse/parse-measure';
import { parseIntent, parseProposalRecord } from '../parse/parse-proposal';
import { parseCommitment } from '../parse/parse-records';
import { firstUse, type Input, merge, refuseIfUsed, requireRecord, withoutNulls } from './store-input';
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

/** Where an intent is: the proposal publishing it (and on which side), or the unpublished ones. */
interface IntentPlace {
  readonly intent: Intent;
  readonly proposal?: Proposal;
  readonly reciprocal: boolean;
}

function findIntent(store: VfStore, id: string): IntentPlace | undefined {
  const unpublished = store.intents.get(id);
  if (unpublished) return { intent: unpublished, reciprocal: false };
  for (const proposal of store.proposals.values()) {
    const primary = proposal.publishes.find((i) => i.id === id);
    if (primary) return { intent: primary, proposal, reciprocal: false };
    const reciprocal = proposal.reciprocal.find((i) => i.id === id);
    if (reciprocal) return { intent: reciprocal, proposal, reciprocal: true };
  }
  return undefined;
}

function requireIntent(store: VfStore, id: string, path: string): IntentPlace {
  const place = findIntent(store, id);
  if (!place) throw new UnknownRecordError('Intent', id, path);
  return place;
}

const withoutIntent = (p: Proposal, id: string): Proposal => ({
  ...p,
  publishes: p.publishes.filter((i) => i.id !== id),
  reciprocal: p.reciprocal.filter((i) => i.id !== id),
});

const replaceIntent = (p: Proposal, intent: Intent): Proposal => ({
  ...p,
  publishes: p.publishes.map((i) => (i.id === intent.id ? intent : i)),
  reciprocal: p.reciprocal.map((i) => (i.id === intent.id ? intent : i)),
});

/** What still refers to an intent: a commitment or an event that satisfies it, a satisfaction. */
function intentUser(store: VfStore, id: string): string | undefined {
  return (
    firstUse(
      store.commitments.values(),
      (c) => c.satisfies?.includes(id) === true,
      (c) => `commitment ${c.id}`,
    ) ??
    firstUse(
      store.ledger.events.values(),
      (r) => r.event.satisfies?.includes(id) === true,
      (r) => `economic event ${r.event.id}`,
    ) ??
    firstUse(
      store.satisfactions.values(),
      (x) => x.satisfies === id,
      (x) => `satisfaction ${x.id}`,
    )
  );
}

/** What still refers to a commitment: an event or a fulfilment fulfilling it, a satisfaction by it. */
function commitmentUser(store: VfStore, id: string): string | undefined {
  return (
    firstUse(
      store.ledger.events.values(),
      (r) => r.event.fulfills?.includes(id) === true,
      (r) => `economic event ${r.event.id}`,
    ) ??
    firstUse(
      store.fulfillments.values(),
      (x) => x.fulfills === id,
      (x) => `fulfillment ${x.id}`,
    ) ??
    firstUse(
      store.satisfactions.values(),
      (x) => x.satisfiedBy === id,
      (x) => `satisfaction ${x.id}`,
    )
  );
}

/** Whether an intent may be deleted: nothing satisfies it. */
export function isIntentDeletable(store: VfStore, intentId: string): boolean {
  return intentUser(store, intentId) === undefined;
}

/** Whether a commitment may be deleted: nothing fulfils it and it satisfies no intent through a satisfaction. */
export function isCommitmentDeletable(store: VfStore, commitmentId: string): boolean {
  return commitmentUser(store, commitmentId) === undefined;
}

/** `createIntent(intent: IntentCreateParams!)`: an intent published in no proposal yet. */
export function createIntent(store: VfStore, input: Input): { intent: Intent } {
  const intent = parseIntent({ ...withoutNulls(input), id: store.nextId('intent') }, 'intent');
  store.intents.set(intent.id, intent);
  return { intent };
}

/** `updateIntent(intent: IntentUpdateParams!)`: wherever the intent is published. */
export function updateIntent(store: VfStore, input: Input): { intent: Intent } {
  const id = String(input.id);
  const place = requireIntent(store, id, 'intent.id');
  const intent = parseIntent(merge(place.intent, { ...input, id }), 'intent');
  if (place.proposal) store.proposals.set(place.proposal.id, replaceIntent(place.proposal, intent));
  else store.intents.set(id, intent);
  return { intent };
}

/** `deleteIntent(id)`: refused while a commitment satisfies the intent. */
export function deleteIntent(store: VfStore, id: string): boolean {
  const place = requireIntent(store, id, 'id');
  refuseIfUsed(intentUser(store, id), `intent ${id}`);
  if (place.proposal) store.proposals.set(place.proposal.id, withoutIntent(place.proposal, id));
  else store.intents.delete(id);
  return true;
}

/** The commitment's agreement reference must name a known agreement. */
function checkClause(store: VfStore, c: Commitment, path: string): void {
  if (c.clauseOf !== undefined) requireRecord(store.agreements, 'Agreement', c.clauseOf, `${path}.clauseOf`);
  if (c.reciprocalClauseOf !== undefined) {
    requireRecord(store.agreements, 'Agreement', c.reciprocalClauseOf, `${path}.reciprocalClauseOf`);
  }
}

/** The agreements with `stipulates` / `stipulatesReciprocal` following the commitment's clauses. */
function agreementsFollowing(store: VfStore, c: Commitment | undefined, id: string): Agreement[] {
  const changed: Agreement[] = [];
  for (const a of store.agreements.values()) {
    const stipulates = a.stipulates.filter((x) => x !== id);
    const stipulatesReciprocal = a.stipulatesReciprocal.filter((x) => x !== id);
    if (c?.clauseOf === a.id) stipulates.push(id);
    if (c?.reciprocalClauseOf === a.id) stipulatesReciprocal.push(id);
    const same = (x: readonly string[], y: readonly string[]) =>
      x.length === y.length && x.every((v, i) => v === y[i]);
    if (!same(stipulates, a.stipulates) || !same(stipulatesReciprocal, a.stipulatesReciprocal)) {
      changed.push({ ...a, stipulates, stipulatesReciprocal });
    }
  }
  return changed;
}

function storeCommitment(store: VfStore, c: Commitment): void {
  const agreements = agreementsFollowing(store, c, c.id);
  store.commitments.set(c.id, c);
  for (const a of agreements) store.agreements.set(a.id, a);
}

/** `createCommitment(commitment: CommitmentCreateParams!)`; `clauseOf` must name a known agreement. */
export function createCommitment(store: VfStore, input: Input): { commitment: Commitment } {
  const commitment = parseCommitment(
    { ...withoutNulls(input), id: store.nextId('commitment') },
    'commitment',
  );
  checkClause(store, commitment, 'commitment');
  storeCommitment(store, commitment);
  return { commitment };
}

/** `updateCommitment(commitment: CommitmentUpdateParams!)`; agreements follow a changed `clauseOf`. */
export function updateCommitment(store: VfStore, input: Input): { commitment: Commitment } {
  const id = String(input.id);
  const old = requireRecord(store.commitments, 'Commitment', id, 'commitment.id');
  const commitment = parseCommitment(merge(old, { ...input, id }), 'commitment');
  checkClause(store, commitment, 'commitment');
  storeCommitment(store, commitment);
  return { commitment };
}

/** `deleteCommitment(id)`: refused once an economic event fulfils it. */
export function deleteCommitment(store: VfStore, id: string): boolean {
  requireRecord(store.commitments, 'Commitment', id, 'id');
  refuseIfUsed(commitmentUser(store, id), `commitment ${id}`);
  const agreements = agreementsFollowing(store, undefined, id);
  store.commitments.delete(id);
  for (const a of agreements) store.agreements.set(a.id, a);
  return true;
}

/**
 * `createProposal(proposal: ProposalCreateParams!)`, with the ValueFlows 1.0 `purpose` (default
 * `offer`), `proposer` and `proposedTo`; intents are added with `proposeIntent`.
 */
export function createProposal(store: VfStore, input: Input): { proposal: Proposal } {
  const proposal = parseProposalRecord(
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
  const header = parseProposalRecord(merge(fields, { ...input, id }), 'proposal');
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
    args.quantity == null ? undefined : parseMeasure(withoutNulls(args.quantity as Input), 'quantity');
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
