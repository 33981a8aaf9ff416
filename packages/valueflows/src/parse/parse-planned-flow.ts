/**
 * Reading the fields ValueFlows 1.0 shares between intents, commitments and claims.
 *
 * @module
 */
import { normalizeActionId } from '../actions/action-table';
import { VfParseError } from '../errors/parse-error';
import { ValueflowsError } from '../errors/valueflows-error';
import type { PlannedFlow } from '../model/flow';
import type { Measure } from '../model/measure';
import type { JsonObjectReader } from './json-reader';
import { readMeasure, readSpatialThing } from './parse-measure';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads a non-negative measure at `key`, if present. */
export function readQuantity(o: JsonObjectReader, key: string): Measure | undefined {
  if (!o.has(key)) return undefined;
  const q = readMeasure(o.value[key], o.at(key));
  if (q.hasNumericalValue < 0)
    throw new VfParseError(o.at(`${key}.hasNumericalValue`), 'quantities are not negative');
  return q;
}

/** Reads an action identifier at `action`. */
export function readAction(o: JsonObjectReader): PlannedFlow['action'] {
  try {
    return normalizeActionId(o.optionalReference('action') ?? o.string('action'));
  } catch (error) {
    if (ValueflowsError.isInstance(error) && error.code === 'VF_UNKNOWN_ACTION') {
      throw new VfParseError(o.at('action'), 'not a ValueFlows action');
    }
    throw error;
  }
}

/**
 * Reads the planned-flow fields of an intent, commitment or claim.
 *
 * @param o - the object being read
 * @param defaultId - identifier when the object has none
 * @returns the fields read
 * @throws {@link VfParseError} naming the path of the first bad field
 */
export function readPlannedFlow(o: JsonObjectReader, defaultId?: string): Writable<PlannedFlow> {
  const action = readAction(o);
  const id = o.optionalString('id') ?? defaultId;
  if (id === undefined) throw new VfParseError(o.at('id'), 'expected a non-empty string');
  const flow: Writable<PlannedFlow> = { id, action };
  for (const key of [
    'provider',
    'receiver',
    'resourceConformsTo',
    'resourceInventoriedAs',
    'inputOf',
    'outputOf',
    'stage',
  ] as const) {
    const v = o.optionalReference(key);
    if (v !== undefined) flow[key] = v;
  }
  for (const key of ['note', 'state', 'agreedIn'] as const) {
    const v = o.optionalString(key);
    if (v !== undefined) flow[key] = v;
  }
  for (const key of ['hasBeginning', 'hasEnd', 'hasPointInTime', 'due'] as const) {
    const v = o.optionalDateTime(key);
    if (v !== undefined) flow[key] = v;
  }
  const classes = o.optionalStringList('resourceClassifiedAs');
  if (classes !== undefined) flow.resourceClassifiedAs = classes;
  const scope = o.optionalStringList('inScopeOf');
  if (scope !== undefined) flow.inScopeOf = scope;
  for (const key of ['resourceQuantity', 'effortQuantity'] as const) {
    const q = readQuantity(o, key);
    if (q !== undefined) flow[key] = q;
  }
  if (o.has('atLocation')) flow.atLocation = readSpatialThing(o.value.atLocation, o.at('atLocation'));
  const finished = o.optionalBoolean('finished');
  if (finished !== undefined) flow.finished = finished;
  return flow;
}
