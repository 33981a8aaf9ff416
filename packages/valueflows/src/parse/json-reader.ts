/**
 * Reading untrusted JSON values field by field, with the JSON path of every failure.
 *
 * The checks are the project's one JSON reader (`@imago/kit/json-reader`, compiled into this
 * package), bound here to valueflows' limits and to {@link VfParseError}. {@link JsonObjectReader}
 * adds what JSON-LD documents need: a field `null` is a field absent, a list may be a single
 * string, a reference may be an object with an `id`.
 *
 * @module
 */
import { createJsonReader, fieldPath } from '@imago/kit/json-reader';
import { VfParseError } from '../errors/parse-error';

/**
 * Valueflows' bounds on untrusted input: a string of at most 64 Ki code units, a list of at most
 * 100 000 items.
 */
export const VALUEFLOWS_JSON_LIMITS = { stringLength: 65_536, items: 100_000 } as const;

const reader = createJsonReader({
  limits: VALUEFLOWS_JSON_LIMITS,
  reject: ({ path, detail }) => new VfParseError(path, detail),
});

/** A JSON object being read, and where it sits in the document. */
export class JsonObjectReader {
  constructor(
    readonly value: Record<string, unknown>,
    readonly path: string,
  ) {}

  /**
   * Starts reading `value` as an object.
   *
   * @throws {@link VfParseError} when it is not a JSON object
   */
  static of(value: unknown, path: string): JsonObjectReader {
    return new JsonObjectReader(reader.readObject(value, path) as Record<string, unknown>, path);
  }

  at(key: string): string {
    return fieldPath(this.path, key);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  string(key: string): string {
    return reader.readString(this.value[key], this.at(key));
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  optionalBoolean(key: string): boolean | undefined {
    return this.has(key) ? reader.readBoolean(this.value[key], this.at(key)) : undefined;
  }

  optionalNumber(key: string): number | undefined {
    return this.has(key) ? reader.readNumber(this.value[key], this.at(key)) : undefined;
  }

  /** A date-time: ISO 8601 text that `Date` can read. */
  optionalDateTime(key: string): string | undefined {
    return this.has(key) ? reader.readDateTime(this.value[key], this.at(key)) : undefined;
  }

  /** A string or a list of strings (JSON-LD style), read as a list. */
  optionalStringList(key: string): string[] | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value[key];
    return Array.isArray(v) ? reader.readStringList(v, this.at(key)) : [this.string(key)];
  }

  /** A reference: an identifier string, or an object with an `id` (JSON-LD embedding). */
  optionalReference(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value[key];
    if (typeof v === 'string' && v !== '') return reader.readString(v, this.at(key));
    return JsonObjectReader.of(v, this.at(key)).string('id');
  }

  object(key: string): JsonObjectReader {
    return JsonObjectReader.of(this.value[key], this.at(key));
  }
}

/**
 * Reads a JSON-lines text: one JSON value a line, blank lines and lines starting with `#`
 * skipped, each value read by `read` with the path `line N`.
 *
 * @param text - the file content.
 * @param read - reads one value, throwing {@link VfParseError} with the path it is given.
 * @returns the values read, in order.
 * @throws {@link VfParseError} at `line N` for a line that is not JSON, or whatever `read` throws.
 */
export function readJsonLines<T>(text: string, read: (json: unknown, path: string) => T): T[] {
  const values: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new VfParseError(`line ${i + 1}`, 'not valid JSON');
    }
    values.push(read(json, `line ${i + 1}`));
  }
  return values;
}
