/**
 * Parsing of economic events from untrusted JSON — the boundary of the ledger.
 *
 * @module
 */
import { normalizeActionId } from '../actions/action-table';
import { VfParseError } from '../errors/parse-error';
import { ValueflowsError } from '../errors/valueflows-error';
import type { EconomicEvent, NewInventoriedResource } from '../model/economic-event';
import { JsonObjectReader, readJsonLines } from './json-reader';
import { readMeasure, readSpatialThing } from './parse-measure';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const REFERENCES = [
  'resourceInventoriedAs',
  'toResourceInventoriedAs',
  'resourceConformsTo',
  'inputOf',
  'outputOf',
  'corrects',
  'realizationOf',
  'reciprocalRealizationOf',
  'triggeredBy',
] as const;
const LISTS = ['resourceClassifiedAs', 'fulfills', 'satisfies', 'settles', 'inScopeOf'] as const;
const DATES = ['hasPointInTime', 'hasBeginning', 'hasEnd'] as const;

/**
 * Reads one economic event (the JSON format of the `imago-vf ledger --events` lines; see the
 * package README). Property names are those of ValueFlows 1.0; references are identifier
 * strings (or objects with an `id`); the action may be a 1.0 identifier, its IRI, or a
 * vf-graphql 0.8 spelling.
 *
 * @param value - untrusted JSON
 * @param path - where it is, for error messages (default: the root)
 * @returns the event
 * @throws {@link VfParseError} naming the path of the first bad field
 * @example
 * ```ts
 * readEconomicEvent({ id: 'e1', action: 'work', provider: 'alice', receiver: 'group:a',
 *   effortQuantity: { hasNumericalValue: 2, hasUnit: 'hour' } });
 * ```
 */
export function readEconomicEvent(value: unknown, path = ''): EconomicEvent {
  const o = JsonObjectReader.of(value, path);
  let action: EconomicEvent['action'];
  try {
    action = normalizeActionId(o.optionalReference('action') ?? o.string('action'));
  } catch (error) {
    if (ValueflowsError.isInstance(error) && error.code === 'VF_UNKNOWN_ACTION') {
      throw new VfParseError(o.at('action'), 'not a ValueFlows action');
    }
    throw error;
  }
  const event: Writable<EconomicEvent> = {
    id: o.string('id'),
    action,
    provider: o.optionalReference('provider') ?? o.string('provider'),
    receiver: o.optionalReference('receiver') ?? o.string('receiver'),
  };
  for (const key of REFERENCES) {
    const v = o.optionalReference(key);
    if (v !== undefined) event[key] = v;
  }
  for (const key of LISTS) {
    const v = o.optionalStringList(key);
    if (v !== undefined) event[key] = v;
  }
  for (const key of DATES) {
    const v = o.optionalDateTime(key);
    if (v !== undefined) event[key] = v;
  }
  if (o.has('resourceQuantity'))
    event.resourceQuantity = readMeasure(o.value.resourceQuantity, o.at('resourceQuantity'));
  if (o.has('effortQuantity'))
    event.effortQuantity = readMeasure(o.value.effortQuantity, o.at('effortQuantity'));
  for (const q of ['resourceQuantity', 'effortQuantity'] as const) {
    if ((event[q]?.hasNumericalValue ?? 0) < 0) {
      throw new VfParseError(o.at(`${q}.hasNumericalValue`), 'event quantities are not negative');
    }
  }
  if (o.has('atLocation')) event.atLocation = readSpatialThing(o.value.atLocation, o.at('atLocation'));
  if (o.has('toLocation')) event.toLocation = readSpatialThing(o.value.toLocation, o.at('toLocation'));
  const state = o.optionalString('state');
  if (state !== undefined) event.state = state;
  for (const key of ['note', 'agreedIn'] as const) {
    const v = o.optionalString(key);
    if (v !== undefined) event[key] = v;
  }
  if (o.has('newInventoriedResource'))
    event.newInventoriedResource = parseNewResource(o.object('newInventoriedResource'));
  return event;
}

function parseNewResource(o: JsonObjectReader): NewInventoriedResource {
  const r: Writable<NewInventoriedResource> = { id: o.string('id') };
  for (const key of ['name', 'note', 'trackingIdentifier', 'image'] as const) {
    const v = o.optionalString(key);
    if (v !== undefined) r[key] = v;
  }
  for (const key of ['conformsTo', 'ofBatchLot', 'containedIn'] as const) {
    const v = o.optionalReference(key);
    if (v !== undefined) r[key] = v;
  }
  const classifiedAs = o.optionalStringList('classifiedAs');
  if (classifiedAs !== undefined) r.classifiedAs = classifiedAs;
  if (o.has('currentLocation'))
    r.currentLocation = readSpatialThing(o.value.currentLocation, o.at('currentLocation'));
  return r;
}

/**
 * Reads a JSON-lines event log (one event per line; blank lines and lines starting with `#`
 * are skipped).
 *
 * @param text - the file content
 * @returns the events in order
 * @throws {@link VfParseError} with a path like `line 3: resourceQuantity.hasUnit`
 */
export function readEventLog(text: string): EconomicEvent[] {
  return readJsonLines(text, readEconomicEvent);
}

/**
 * The former name of {@link readEconomicEvent}.
 *
 * @deprecated Use {@link readEconomicEvent}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseEconomicEvent: typeof readEconomicEvent = readEconomicEvent;

/**
 * The former name of {@link readEventLog}.
 *
 * @deprecated Use {@link readEventLog}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseEventLog: typeof readEventLog = readEventLog;
