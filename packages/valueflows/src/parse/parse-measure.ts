/**
 * Parsing of `vf:Measure` and `vf:SpatialThing` values from untrusted JSON.
 *
 * @module
 */
import { VfParseError } from '../errors/parse-error';
import { normalizeUnitId } from '../measures/om2-units';
import type { Measure } from '../model/measure';
import type { SpatialThing } from '../model/spatial-thing';
import { JsonObjectReader } from './json-reader';

/**
 * Reads a measure: `{ "hasNumericalValue": 2.5, "hasUnit": "kilogram" }`. The value may also be
 * a numeric string (as FEP-0837 writes it) and the unit an OM2 IRI or an object with an `id`.
 *
 * @param value - untrusted JSON
 * @param path - where it is, for error messages
 * @returns the measure
 * @throws {@link VfParseError} naming the path of the bad field
 */
export function readMeasure(value: unknown, path: string): Measure {
  const o = JsonObjectReader.of(value, path);
  const raw = o.value.hasNumericalValue;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new VfParseError(o.at('hasNumericalValue'), 'expected a finite number');
  }
  const unit = o.optionalReference('hasUnit');
  if (unit === undefined) throw new VfParseError(o.at('hasUnit'), 'expected a unit');
  return { hasNumericalValue: n, hasUnit: normalizeUnitId(unit) };
}

/**
 * Reads a location: an identifier string, or an object with `id`, `name`, `lat`, `long`,
 * `alt`, `mappableAddress`, `note` (ActivityStreams `latitude`/`longitude` are accepted too).
 *
 * @param value - untrusted JSON
 * @param path - where it is
 * @returns the spatial thing
 * @throws {@link VfParseError} naming the path of the bad field
 */
export function readSpatialThing(value: unknown, path: string): SpatialThing {
  if (typeof value === 'string' && value !== '') return { id: value };
  const o = JsonObjectReader.of(value, path);
  const out: { -readonly [K in keyof SpatialThing]: SpatialThing[K] } = {};
  const id = o.optionalString('id');
  if (id !== undefined) out.id = id;
  const name = o.optionalString('name');
  if (name !== undefined) out.name = name;
  const lat = o.optionalNumber('lat') ?? o.optionalNumber('latitude');
  const long = o.optionalNumber('long') ?? o.optionalNumber('longitude');
  if (lat !== undefined) {
    if (lat < -90 || lat > 90) throw new VfParseError(o.at('lat'), 'latitude out of range');
    out.lat = lat;
  }
  if (long !== undefined) {
    if (long < -180 || long > 180) throw new VfParseError(o.at('long'), 'longitude out of range');
    out.long = long;
  }
  const alt = o.optionalNumber('alt') ?? o.optionalNumber('altitude');
  if (alt !== undefined) out.alt = alt;
  const address = o.optionalString('mappableAddress');
  if (address !== undefined) out.mappableAddress = address;
  const note = o.optionalString('note');
  if (note !== undefined) out.note = note;
  return out;
}

/**
 * The former name of {@link readMeasure}.
 *
 * @deprecated Use {@link readMeasure}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseMeasure: typeof readMeasure = readMeasure;

/**
 * The former name of {@link readSpatialThing}.
 *
 * @deprecated Use {@link readSpatialThing}: a `read*` function throws a typed error naming the path, a
 *   `parse*` function returns a result (CONTRIBUTING.md, "Verbs").
 */
export const parseSpatialThing: typeof readSpatialThing = readSpatialThing;
