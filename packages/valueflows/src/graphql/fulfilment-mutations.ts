/**
 * The fulfilment and satisfaction mutations of vf-graphql 0.8.5 (`planning.gql`): an event
 * fulfilling (part of) a commitment, an event or a commitment satisfying (part of) an intent,
 * each with the quantity it accounts for.
 *
 * ValueFlows 1.0 links the records directly (`vf:fulfills`, `vf:satisfies`); those links are
 * served as fulfilments and satisfactions too (identifiers `event/fulfills/commitment`,
 * `by/satisfies/intent`), but they belong to the records that name them and are not changed
 * here (rule `recorded`).
 *
 * @module
 */
import { RecordConflictError } from '../errors/record-conflict-error';
import { UnknownRecordError } from '../errors/unknown-record-error';
import { JsonObjectReader } from '../parse/json-reader';
import { readQuantity } from '../parse/parse-planned-flow';
import { type Input, merge, requireRecord, withoutNulls } from './store-input';
import type { Fulfillment, Satisfaction } from './store-records';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function readLink<T extends { id: string; note?: string }>(o: JsonObjectReader, link: Writable<T>): T {
  for (const key of ['resourceQuantity', 'effortQuantity'] as const) {
    const q = readQuantity(o, key);
    if (q !== undefined) (link as Record<string, unknown>)[key] = q;
  }
  const note = o.optionalString('note');
  if (note !== undefined) link.note = note;
  return link;
}

function parseFulfillment(store: VfStore, value: Input, path: string): Fulfillment {
  const o = JsonObjectReader.of(value, path);
  const link = readLink<Fulfillment>(o, {
    id: o.string('id'),
    fulfilledBy: o.string('fulfilledBy'),
    fulfills: o.string('fulfills'),
  });
  requireRecord(store.ledger.events, 'EconomicEvent', link.fulfilledBy, o.at('fulfilledBy'));
  requireRecord(store.commitments, 'Commitment', link.fulfills, o.at('fulfills'));
  return link;
}

function parseSatisfaction(store: VfStore, view: StoreView, value: Input, path: string): Satisfaction {
  const o = JsonObjectReader.of(value, path);
  const link = readLink<Satisfaction>(o, {
    id: o.string('id'),
    satisfies: o.string('satisfies'),
    satisfiedBy: o.string('satisfiedBy'),
  });
  if (view.intent(link.satisfies) === null)
    throw new UnknownRecordError('Intent', link.satisfies, o.at('satisfies'));
  if (!store.ledger.events.has(link.satisfiedBy) && !store.commitments.has(link.satisfiedBy)) {
    throw new UnknownRecordError('EconomicEvent or Commitment', link.satisfiedBy, o.at('satisfiedBy'));
  }
  return link;
}

function requireOwn<T>(
  map: Map<string, T>,
  type: string,
  id: string,
  path: string,
  recorded: () => boolean,
): T {
  if (!map.has(id) && recorded()) {
    throw new RecordConflictError(
      'recorded',
      path,
      `${id} is named by the record itself; change that record`,
    );
  }
  return requireRecord(map, type, id, path);
}

/** `createFulfillment`: a registered event fulfils a registered commitment. */
export function createFulfillment(store: VfStore, input: Input): { fulfillment: Fulfillment } {
  const link = parseFulfillment(
    store,
    { ...withoutNulls(input), id: store.nextId('fulfillment') },
    'fulfillment',
  );
  store.fulfillments.set(link.id, link);
  return { fulfillment: link };
}

/** `updateFulfillment`: a fulfilment created through the API. */
export function updateFulfillment(
  store: VfStore,
  view: StoreView,
  input: Input,
): { fulfillment: Fulfillment } {
  const id = String(input.id);
  const old = requireOwn(store.fulfillments, 'Fulfillment', id, 'fulfillment.id', () =>
    view.fulfillments().some((f) => f.id === id),
  );
  const link = parseFulfillment(store, merge(old, { ...input, id }), 'fulfillment');
  store.fulfillments.set(id, link);
  return { fulfillment: link };
}

/** `deleteFulfillment`: a fulfilment created through the API. */
export function deleteFulfillment(store: VfStore, view: StoreView, id: string): boolean {
  requireOwn(store.fulfillments, 'Fulfillment', id, 'id', () => view.fulfillments().some((f) => f.id === id));
  store.fulfillments.delete(id);
  return true;
}

/** `createSatisfaction`: a registered event or commitment satisfies a registered intent. */
export function createSatisfaction(
  store: VfStore,
  view: StoreView,
  input: Input,
): { satisfaction: Satisfaction } {
  const link = parseSatisfaction(
    store,
    view,
    { ...withoutNulls(input), id: store.nextId('satisfaction') },
    'satisfaction',
  );
  store.satisfactions.set(link.id, link);
  return { satisfaction: link };
}

/** `updateSatisfaction`: a satisfaction created through the API. */
export function updateSatisfaction(
  store: VfStore,
  view: StoreView,
  input: Input,
): { satisfaction: Satisfaction } {
  const id = String(input.id);
  const old = requireOwn(store.satisfactions, 'Satisfaction', id, 'satisfaction.id', () =>
    view.satisfactions().some((s) => s.id === id),
  );
  const link = parseSatisfaction(store, view, merge(old, { ...input, id }), 'satisfaction');
  store.satisfactions.set(id, link);
  return { satisfaction: link };
}

/** `deleteSatisfaction`: a satisfaction created through the API. */
export function deleteSatisfaction(store: VfStore, view: StoreView, id: string): boolean {
  requireOwn(store.satisfactions, 'Satisfaction', id, 'id', () =>
    view.satisfactions().some((s) => s.id === id),
  );
  store.satisfactions.delete(id);
  return true;
}
