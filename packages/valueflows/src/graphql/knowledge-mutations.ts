/**
 * The knowledge mutations of vf-graphql 0.8.5 (`knowledge.gql`): resource and process
 * specifications. A specification a record conforms to or is based on is not deleted.
 *
 * @module
 */
import type { ProcessSpecification } from '../model/process-specification';
import type { ResourceSpecification } from '../model/resource-specification';
import { JsonObjectReader } from '../parse/json-reader';
import { readResourceSpecification } from '../parse/parse-records';
import { firstUse, type Input, merge, refuseIfUsed, requireRecord, withoutNulls } from './store-input';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

/** `createResourceSpecification`. */
export function createResourceSpecification(
  store: VfStore,
  input: Input,
): { resourceSpecification: ResourceSpecification } {
  const spec = readResourceSpecification(
    { ...withoutNulls(input), id: store.nextId('spec') },
    'resourceSpecification',
  );
  store.resourceSpecifications.set(spec.id, spec);
  return { resourceSpecification: spec };
}

/** `updateResourceSpecification`: the fields given. */
export function updateResourceSpecification(
  store: VfStore,
  input: Input,
): { resourceSpecification: ResourceSpecification } {
  const id = String(input.id);
  const old = requireRecord(
    store.resourceSpecifications,
    'ResourceSpecification',
    id,
    'resourceSpecification.id',
  );
  const spec = readResourceSpecification(merge(old, { ...input, id }), 'resourceSpecification');
  store.resourceSpecifications.set(id, spec);
  return { resourceSpecification: spec };
}

/** `deleteResourceSpecification`: refused while a resource, event, intent or commitment conforms to it. */
export function deleteResourceSpecification(store: VfStore, view: StoreView, id: string): boolean {
  requireRecord(store.resourceSpecifications, 'ResourceSpecification', id, 'id');
  refuseIfUsed(
    firstUse(
      store.ledger.resources.values(),
      (r) => r.conformsTo === id,
      (r) => `economic resource ${r.id}`,
    ) ??
      firstUse(
        view.events(),
        (e) => e.resourceConformsTo === id || e.newInventoriedResource?.conformsTo === id,
        (e) => `economic event ${e.id}`,
      ) ??
      firstUse(
        view.intents(),
        (i) => i.resourceConformsTo === id,
        (i) => `intent ${i.id}`,
      ) ??
      firstUse(
        store.commitments.values(),
        (c) => c.resourceConformsTo === id,
        (c) => `commitment ${c.id}`,
      ),
    `resource specification ${id}`,
  );
  store.resourceSpecifications.delete(id);
  return true;
}

function parseProcessSpecification(value: Input, path: string): ProcessSpecification {
  const o = JsonObjectReader.of(value, path);
  const note = o.optionalString('note');
  return { id: o.string('id'), name: o.string('name'), ...(note !== undefined ? { note } : {}) };
}

/** `createProcessSpecification`. */
export function createProcessSpecification(
  store: VfStore,
  input: Input,
): { processSpecification: ProcessSpecification } {
  const spec = parseProcessSpecification(
    { ...withoutNulls(input), id: store.nextId('process-spec') },
    'processSpecification',
  );
  store.processSpecifications.set(spec.id, spec);
  return { processSpecification: spec };
}

/** `updateProcessSpecification`: the fields given. */
export function updateProcessSpecification(
  store: VfStore,
  input: Input,
): { processSpecification: ProcessSpecification } {
  const id = String(input.id);
  const old = requireRecord(
    store.processSpecifications,
    'ProcessSpecification',
    id,
    'processSpecification.id',
  );
  const spec = parseProcessSpecification(merge(old, { ...input, id }), 'processSpecification');
  store.processSpecifications.set(id, spec);
  return { processSpecification: spec };
}

/** `deleteProcessSpecification`: refused while a process is based on it or a resource is at that stage. */
export function deleteProcessSpecification(store: VfStore, id: string): boolean {
  requireRecord(store.processSpecifications, 'ProcessSpecification', id, 'id');
  refuseIfUsed(
    firstUse(
      store.ledger.processes.values(),
      (p) => p.basedOn === id,
      (p) => `process ${p.id}`,
    ) ??
      firstUse(
        store.ledger.resources.values(),
        (r) => r.stage === id,
        (r) => `economic resource ${r.id}`,
      ),
    `process specification ${id}`,
  );
  store.processSpecifications.delete(id);
  return true;
}
