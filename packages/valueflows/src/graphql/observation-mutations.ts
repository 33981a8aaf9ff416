/**
 * The observation mutations of vf-graphql 0.8.5 (`observation.gql`): economic events (applied
 * to the ledger), economic resources, batches and processes.
 *
 * The ledger is an append-only log: an event's effects are never undone by deleting it
 * (`deleteEconomicEvent` is refused, `EconomicEvent.deletable` is false); a correcting event
 * (`createEconomicEvent` with `corrects`) backs a wrong one out. `updateEconomicEvent` changes
 * only what vf-graphql lets it change (note, agreement, triggering event), which no quantity
 * depends on. A resource's quantities, custody, location and containment come from events;
 * `updateEconomicResource` changes its description only.
 *
 * @module
 */
import { GraphQLError } from 'graphql';
import { RecordConflictError } from '../errors/record-conflict-error';
import { applyEvent } from '../ledger/apply-event';
import type { LedgerState } from '../ledger/ledger-state';
import { normalizeUnitId } from '../measures/om2-units';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { Process } from '../model/process';
import { JsonObjectReader } from '../parse/json-reader';
import { readEconomicEvent } from '../parse/parse-economic-event';
import { readProcess } from '../parse/parse-records';
import { firstUse, type Input, merge, refuseIfUsed, requireRecord, withoutNulls } from './store-input';
import type { ProductBatch } from './store-records';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * `createEconomicEvent(event, newInventoriedResource)`: parse, apply to the ledger, or fail with
 * the ledger's code (in `extensions`) and change nothing.
 */
export function createEconomicEvent(
  store: VfStore,
  args: { event: Input; newInventoriedResource?: Input | null },
): { economicEvent: EconomicEvent; economicResource: EconomicResource | null } {
  const json: Input = { ...withoutNulls(args.event), id: store.nextId('event') };
  if (args.newInventoriedResource) {
    const { lot, ...resource } = withoutNulls(args.newInventoriedResource);
    if (lot !== undefined) {
      requireRecord(store.productBatches, 'ProductBatch', String(lot), 'newInventoriedResource.lot');
    }
    json.newInventoriedResource = {
      ...resource,
      ...(lot !== undefined ? { ofBatchLot: lot } : {}),
      id: store.nextId('resource'),
    };
  }
  const event = readEconomicEvent(json, 'event');
  if (event.realizationOf !== undefined) {
    requireRecord(store.agreements, 'Agreement', event.realizationOf, 'event.realizationOf');
  }
  if (event.triggeredBy !== undefined) {
    requireRecord(store.ledger.events, 'EconomicEvent', event.triggeredBy, 'event.triggeredBy');
  }
  const result = applyEvent(store.ledger, event);
  if (!result.ok) {
    // The ledger's rejections carry their own codes (VF_NEGATIVE_QUANTITY, …).
    throw new GraphQLError(result.error.message, { extensions: { code: result.error.code } });
  }
  store.ledger = result.state;
  const created = event.newInventoriedResource?.id;
  return {
    economicEvent: event,
    economicResource: created ? (result.state.resources.get(created) ?? null) : null,
  };
}

/** Whether `start`'s chain of triggering events comes back to `id`. */
function triggersBack(ledger: LedgerState, start: string, id: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = start; at !== undefined && !seen.has(at); ) {
    if (at === id) return true;
    seen.add(at);
    at = ledger.events.get(at)?.event.triggeredBy;
  }
  return false;
}

/** `updateEconomicEvent`: note, agreedIn, realizationOf, triggeredBy — nothing the ledger's quantities depend on. */
export function updateEconomicEvent(store: VfStore, input: Input): { economicEvent: EconomicEvent } {
  const id = String(input.id);
  const recorded = requireRecord(store.ledger.events, 'EconomicEvent', id, 'event.id');
  const event = readEconomicEvent(merge(recorded.event, { ...input, id }), 'event');
  if (event.realizationOf !== undefined && event.realizationOf !== recorded.event.realizationOf) {
    requireRecord(store.agreements, 'Agreement', event.realizationOf, 'event.realizationOf');
  }
  if (event.triggeredBy !== undefined && event.triggeredBy !== recorded.event.triggeredBy) {
    requireRecord(store.ledger.events, 'EconomicEvent', event.triggeredBy, 'event.triggeredBy');
    if (triggersBack(store.ledger, event.triggeredBy, id)) {
      throw new RecordConflictError(
        'cycle',
        'event.triggeredBy',
        `${event.triggeredBy} is triggered by ${id}`,
      );
    }
  }
  const events = new Map(store.ledger.events);
  events.set(id, { ...recorded, event });
  store.ledger = { ...store.ledger, events };
  return { economicEvent: event };
}

/** `deleteEconomicEvent`: always refused (rule `append-only`); a correcting event backs an event out. */
export function deleteEconomicEvent(store: VfStore, id: string): boolean {
  requireRecord(store.ledger.events, 'EconomicEvent', id, 'id');
  throw new RecordConflictError(
    'append-only',
    'id',
    `economic event ${id} stays in the ledger; record an event that corrects it to back it out`,
  );
}

/** `updateEconomicResource`: classification, image, unit of effort and note (containment comes from events). */
export function updateEconomicResource(store: VfStore, input: Input): { economicResource: EconomicResource } {
  const id = String(input.id);
  const old = requireRecord(store.ledger.resources, 'EconomicResource', id, 'resource.id');
  if (input.containedIn !== undefined && (input.containedIn ?? undefined) !== old.containedIn) {
    throw new RecordConflictError(
      'ledger-derived',
      'resource.containedIn',
      'a resource goes into or out of another through combine and separate events',
    );
  }
  const o = JsonObjectReader.of(merge(old, { ...input, id }), 'resource');
  const resource: Writable<EconomicResource> = { ...old };
  resource.classifiedAs = o.optionalStringList('classifiedAs');
  resource.image = o.optionalString('image');
  resource.note = o.optionalString('note');
  const unit = o.optionalReference('unitOfEffort');
  resource.unitOfEffort = unit === undefined ? undefined : normalizeUnitId(unit);
  const resources = new Map(store.ledger.resources);
  resources.set(id, resource);
  store.ledger = { ...store.ledger, resources };
  return { economicResource: resource };
}

/** `deleteEconomicResource`: only a resource no event, resource, intent or commitment refers to. */
export function deleteEconomicResource(store: VfStore, view: StoreView, id: string): boolean {
  requireRecord(store.ledger.resources, 'EconomicResource', id, 'id');
  refuseIfUsed(
    firstUse(
      view.events(),
      (e) =>
        e.resourceInventoriedAs === id ||
        e.toResourceInventoriedAs === id ||
        e.newInventoriedResource?.id === id ||
        e.newInventoriedResource?.containedIn === id,
      (e) => `economic event ${e.id}`,
    ) ??
      firstUse(
        store.ledger.resources.values(),
        (r) => r.containedIn === id,
        (r) => `economic resource ${r.id}`,
      ) ??
      firstUse(
        view.intents(),
        (i) => i.resourceInventoriedAs === id,
        (i) => `intent ${i.id}`,
      ) ??
      firstUse(
        store.commitments.values(),
        (c) => c.resourceInventoriedAs === id,
        (c) => `commitment ${c.id}`,
      ),
    `economic resource ${id}`,
  );
  const resources = new Map(store.ledger.resources);
  resources.delete(id);
  store.ledger = { ...store.ledger, resources };
  return true;
}

function parseBatch(value: Input, path: string): ProductBatch {
  const o = JsonObjectReader.of(value, path);
  const batch: Writable<ProductBatch> = { id: o.string('id'), batchNumber: o.string('batchNumber') };
  for (const key of ['expiryDate', 'productionDate'] as const) {
    const v = o.optionalDateTime(key);
    if (v !== undefined) batch[key] = v;
  }
  return batch;
}

/** `createProductBatch`. */
export function createProductBatch(store: VfStore, input: Input): { productBatch: ProductBatch } {
  const batch = parseBatch({ ...withoutNulls(input), id: store.nextId('batch') }, 'productBatch');
  store.productBatches.set(batch.id, batch);
  return { productBatch: batch };
}

/** `updateProductBatch`: the fields given. */
export function updateProductBatch(store: VfStore, input: Input): { productBatch: ProductBatch } {
  const id = String(input.id);
  const old = requireRecord(store.productBatches, 'ProductBatch', id, 'productBatch.id');
  const batch = parseBatch(merge(old, { ...input, id }), 'productBatch');
  store.productBatches.set(id, batch);
  return { productBatch: batch };
}

/** `deleteProductBatch`: refused while a resource belongs to it. */
export function deleteProductBatch(store: VfStore, view: StoreView, id: string): boolean {
  requireRecord(store.productBatches, 'ProductBatch', id, 'id');
  refuseIfUsed(
    firstUse(
      store.ledger.resources.values(),
      (r) => r.ofBatchLot === id,
      (r) => `economic resource ${r.id}`,
    ) ??
      firstUse(
        view.events(),
        (e) => e.newInventoriedResource?.ofBatchLot === id,
        (e) => `economic event ${e.id}`,
      ),
    `batch ${id}`,
  );
  store.productBatches.delete(id);
  return true;
}

/** What refers to a process: an event, commitment or intent that is an input or output of it. */
export function processUser(store: VfStore, view: StoreView, id: string): string | undefined {
  const of = (f: { inputOf?: string; outputOf?: string }) => f.inputOf === id || f.outputOf === id;
  return (
    firstUse(view.events(), of, (e) => `economic event ${e.id}`) ??
    firstUse(store.commitments.values(), of, (c) => `commitment ${c.id}`) ??
    firstUse(view.intents(), of, (i) => `intent ${i.id}`)
  );
}

function setProcess(store: VfStore, process: Process | undefined, id: string): void {
  const processes = new Map(store.ledger.processes);
  if (process === undefined) processes.delete(id);
  else processes.set(id, process);
  store.ledger = { ...store.ledger, processes };
}

function checkBasedOn(store: VfStore, process: Process, old: Process | undefined): void {
  if (process.basedOn === old?.basedOn) return;
  if (process.basedOn !== undefined) {
    requireRecord(store.processSpecifications, 'ProcessSpecification', process.basedOn, 'process.basedOn');
  }
  // Outputs took the old specification as their stage when they were recorded.
  const output =
    old === undefined
      ? undefined
      : [...store.ledger.events.values()].find((r) => r.event.outputOf === old.id);
  if (output !== undefined) {
    throw new RecordConflictError(
      'in-use',
      'process.basedOn',
      `economic event ${output.event.id} came out of process ${old!.id} as it was specified`,
    );
  }
}

/** `createProcess`; `basedOn` must name a registered process specification. */
export function createProcess(store: VfStore, input: Input): { process: Process } {
  const process = readProcess({ ...withoutNulls(input), id: store.nextId('process') }, 'process');
  checkBasedOn(store, process, undefined);
  setProcess(store, process, process.id);
  return { process };
}

/** `updateProcess`: the fields given; `basedOn` is fixed once the process has outputs. */
export function updateProcess(store: VfStore, input: Input): { process: Process } {
  const id = String(input.id);
  const old = requireRecord(store.ledger.processes, 'Process', id, 'process.id');
  const process = readProcess(merge(old, { ...input, id }), 'process');
  checkBasedOn(store, process, old);
  setProcess(store, process, id);
  return { process };
}

/** `deleteProcess`: refused while an event, commitment or intent is an input or output of it. */
export function deleteProcess(store: VfStore, view: StoreView, id: string): boolean {
  requireRecord(store.ledger.processes, 'Process', id, 'id');
  refuseIfUsed(processUser(store, view, id), `process ${id}`);
  setProcess(store, undefined, id);
  return true;
}
