/**
 * @module
 * Reading untrusted ActivityStreams JSON: the JSON reader every Imago package shares, bound once to
 * {@link InvalidActivityError} naming the path, and what ActivityStreams adds on them: IRIs, and
 * references that may be an IRI or an embedded object with an `id` (ActivityStreams allows both).
 */
import { createJsonReader, isJsonObject, type JsonObject, type JsonReader } from '@imago/kit/json-reader';
import { InvalidActivityError } from '../errors/invalid-activity-error';

export type { JsonObject };

/**
 * The bridge's bounds on a document from the network: an IRI holds at most 2,048 characters, and
 * `to`, `cc`, `audience` at most 100 references; other fields state their bound at the call.
 */
const reader: JsonReader = createJsonReader({
  limits: { stringLength: 2_048, items: 100 },
  reject: ({ path, detail }) => new InvalidActivityError(path, detail),
});

/** Reads an object. */
export const readObject: JsonReader['readObject'] = reader.readObject;

/** Reads a non-empty string of at most `max` characters. */
export const readString: (value: unknown, path: string, max: number) => string = reader.readString;

/** Reads a finite number in `[min, max]`. */
export const readNumber: (value: unknown, path: string, min: number, max: number) => number =
  reader.readNumber;

/** Reads an array of at most `maxItems` items. */
export const readArray: (value: unknown, path: string, maxItems: number) => readonly unknown[] =
  reader.readArray;

/** Reads an absolute http(s) IRI. */
export function readIri(value: unknown, path: string): string {
  const text = reader.readString(value, path);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    reader.fail(path, 'expected an absolute IRI');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') reader.fail(path, 'expected http(s)');
  return text;
}

/** Reads a reference: an IRI, or an embedded object's `id`. */
export function readReference(value: unknown, path: string): string {
  if (isJsonObject(value)) return readIri(value.id, `${path}.id`);
  return readIri(value, path);
}

/** Reads one or several references (`to`, `cc`, `audience` may be either). */
export function readReferences(value: unknown, path: string, max = reader.limits.items): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [readReference(value, path)];
  return reader.readArray(value, path, max).map((item, i) => readReference(item, `${path}[${i}]`));
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
  if (!hasType(activity, type)) reader.fail('type', `expected ${type}`);
  const id = readIri(activity.id, 'id');
  const actor = readReference(activity.actor, 'actor');
  const object = readObject(activity.object, 'object');
  if (!hasType(object, objectType)) reader.fail('object.type', `expected ${objectType}`);
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
