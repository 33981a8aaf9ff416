/**
 * @module
 * Reading untrusted ActivityStreams JSON: small readers that either return the typed value or
 * throw an {@link InvalidActivityError} naming the path. References may be an IRI or an embedded
 * object with an `id` (ActivityStreams allows both).
 */
import { InvalidActivityError } from '../errors/invalid-activity-error';

/** A JSON object from the network. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Reads an object. */
export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidActivityError(path, 'expected an object');
  }
  return value as JsonObject;
}

/** Reads a string of at most `max` characters. */
export function readString(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new InvalidActivityError(path, 'expected a string');
  if (value.length > max) throw new InvalidActivityError(path, `longer than ${max} characters`);
  return value;
}

/** Reads an absolute http(s) IRI. */
export function readIri(value: unknown, path: string): string {
  const text = readString(value, path, 2048);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidActivityError(path, 'expected an absolute IRI');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InvalidActivityError(path, 'expected http(s)');
  return text;
}

/** Reads a reference: an IRI, or an embedded object's `id`. */
export function readReference(value: unknown, path: string): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return readIri((value as JsonObject).id, `${path}.id`);
  }
  return readIri(value, path);
}

/** Reads one or several references (`to`, `cc`, `audience` may be either). */
export function readReferences(value: unknown, path: string, max = 100): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  if (items.length > max) throw new InvalidActivityError(path, `more than ${max} items`);
  return items.map((item, i) => readReference(item, Array.isArray(value) ? `${path}[${i}]` : path));
}

/** Whether the document's `type` is (or includes) `type`. */
export function hasType(object: JsonObject, type: string): boolean {
  const types = Array.isArray(object.type) ? object.type : [object.type];
  return types.some((t) => t === type || t === `as:${type}` || t === `vf:${type}`);
}

/** An activity whose object is embedded, both of the expected types. */
export interface ActivityEnvelope {
  readonly activity: JsonObject;
  /** The activity's id. */
  readonly id: string;
  readonly actor: string;
  readonly object: JsonObject;
}

/** Reads an activity of `type` (its id, actor, and embedded object of `objectType`). */
export function readActivity(value: unknown, type: string, objectType: string): ActivityEnvelope {
  const activity = readObject(value, '');
  if (!hasType(activity, type)) throw new InvalidActivityError('type', `expected ${type}`);
  const id = readIri(activity.id, 'id');
  const actor = readReference(activity.actor, 'actor');
  const object = readObject(activity.object, 'object');
  if (!hasType(object, objectType)) throw new InvalidActivityError('object.type', `expected ${objectType}`);
  return { activity, id, actor, object };
}

/** Runs a reader at the trust boundary: its value, or the {@link InvalidActivityError} it threw. */
export function parseWith<T>(
  read: () => T,
): { ok: true; value: T } | { ok: false; error: InvalidActivityError } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof InvalidActivityError) return { ok: false, error };
    throw error;
  }
}
