/**
 * The intent mutations of vf-graphql 0.8.5 (`planning.gql`): create, update and delete an intent,
 * wherever a proposal publishes it; and where an intent is, what still refers to it.
 *
 * Each mutation checks everything first and only then writes to the store, so a rejected one
 * changes nothing. Input goes through the package's boundary parsers; references are checked
 * against the store.
 *
 * @module
 */
import { UnknownRecordError } from '../errors/unknown-record-error';
import type { Intent } from '../model/intent';
import type { Proposal } from '../model/proposal';
import { readIntent } from '../parse/parse-proposal';
import { firstUse, type Input, merge, refuseIfUsed, withoutNulls } from './store-input';
import type { VfStore } from './vf-store';

/** Where an intent is: the proposal publishing it (and on which side), or the unpublished ones. */
export interface IntentPlace {
  readonly intent: Intent;
  readonly proposal?: Proposal;
  readonly reciprocal: boolean;
}

export function findIntent(store: VfStore, id: string): IntentPlace | undefined {
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

export function requireIntent(store: VfStore, id: string, path: string): IntentPlace {
  const place = findIntent(store, id);
  if (!place) throw new UnknownRecordError('Intent', id, path);
  return place;
}

export const withoutIntent = (p: Proposal, id: string): Proposal => ({
  ...p,
  publishes: p.publishes.filter((i) => i.id !== id),
  reciprocal: p.reciprocal.filter((i) => i.id !== id),
});

export const replaceIntent = (p: Proposal, intent: Intent): Proposal => ({
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

/** Whether an intent may be deleted: nothing satisfies it. */
export function isIntentDeletable(store: VfStore, intentId: string): boolean {
  return intentUser(store, intentId) === undefined;
}

/** `createIntent(intent: IntentCreateParams!)`: an intent published in no proposal yet. */
export function createIntent(store: VfStore, input: Input): { intent: Intent } {
  const intent = readIntent({ ...withoutNulls(input), id: store.nextId('intent') }, 'intent');
  store.intents.set(intent.id, intent);
  return { intent };
}

/** `updateIntent(intent: IntentUpdateParams!)`: wherever the intent is published. */
export function updateIntent(store: VfStore, input: Input): { intent: Intent } {
  const id = String(input.id);
  const place = requireIntent(store, id, 'intent.id');
  const intent = readIntent(merge(place.intent, { ...input, id }), 'intent');
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
