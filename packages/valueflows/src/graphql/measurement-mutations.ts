/**
 * The measurement mutations of vf-graphql 0.8.5 (`measurement.gql`): units beyond the OM2
 * units built into the package. OM2 units are neither changed nor deleted; a unit a measure
 * uses is not deleted.
 *
 * @module
 */
import { RecordConflictError } from '../errors/record-conflict-error';
import { getUnit } from '../measures/om2-units';
import { JsonObjectReader } from '../parse/json-reader';
import { type Input, merge, refuseIfUsed, requireRecord, withoutNulls } from './store-input';
import type { UnitRecord } from './store-records';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

function parseUnit(value: Input, path: string): UnitRecord {
  const o = JsonObjectReader.of(value, path);
  return { id: o.string('id'), label: o.string('label'), symbol: o.string('symbol') };
}

/** `createUnit`: a unit of the store's own (its id is `unit-N`). */
export function createUnit(store: VfStore, input: Input): { unit: UnitRecord } {
  const unit = parseUnit({ ...withoutNulls(input), id: store.nextId('unit') }, 'unit');
  store.units.set(unit.id, unit);
  return { unit };
}

function requireOwnUnit(store: VfStore, id: string, path: string): UnitRecord {
  if (!store.units.has(id) && getUnit(id) !== undefined) {
    throw new RecordConflictError('built-in', path, `${id} is an OM2 unit`);
  }
  return requireRecord(store.units, 'Unit', id, path);
}

/** `updateUnit`: label and symbol of a unit created through the API. */
export function updateUnit(store: VfStore, input: Input): { unit: UnitRecord } {
  const id = String(input.id);
  const old = requireOwnUnit(store, id, 'unit.id');
  const unit = parseUnit(merge(old, { ...input, id }), 'unit');
  store.units.set(id, unit);
  return { unit };
}

const UNIT_KEYS = new Set(['hasUnit', 'unitOfEffort', 'defaultUnitOfResource', 'defaultUnitOfEffort']);

/** Whether a record (at any depth) names the unit. */
function namesUnit(value: unknown, unit: string): boolean {
  if (Array.isArray(value)) return value.some((v) => namesUnit(v, unit));
  if (typeof value !== 'object' || value === null) return false;
  for (const [k, v] of Object.entries(value)) {
    if (UNIT_KEYS.has(k) && v === unit) return true;
    if (typeof v === 'object' && namesUnit(v, unit)) return true;
  }
  return false;
}

/** `deleteUnit`: a unit created through the API that no measure, resource or specification uses. */
export function deleteUnit(store: VfStore, view: StoreView, id: string): boolean {
  requireOwnUnit(store, id, 'id');
  const records: [string, Iterable<{ id: string }>][] = [
    ['economic resource', store.ledger.resources.values()],
    ['economic event', view.events()],
    ['intent', view.intents()],
    ['commitment', store.commitments.values()],
    ['resource specification', store.resourceSpecifications.values()],
    ['fulfillment', store.fulfillments.values()],
    ['satisfaction', store.satisfactions.values()],
  ];
  for (const [kind, list] of records) {
    for (const record of list)
      refuseIfUsed(namesUnit(record, id) ? `${kind} ${record.id}` : undefined, `unit ${id}`);
  }
  store.units.delete(id);
  return true;
}
