/**
 * @module
 * Reading untrusted JSON into typed values, one field at a time, with the path of every field so
 * that a rejection says exactly where the input is wrong (`content.ballot[2]`).
 *
 * One implementation for every package: a package binds it once to its own typed error and its
 * own limits ({@link createJsonReader}) and uses the bound `read*` functions everywhere. Each
 * `read*` returns the value or throws what the package's `reject` makes of a {@link JsonProblem};
 * the package's boundary functions (`parse*`) decide whether that becomes a thrown error or a
 * result.
 */

/** A JSON object read from untrusted input. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** What is wrong with a value, whatever the package reports it as. Stable: tests may assert it. */
export type JsonProblemCode =
  | 'expected-object'
  | 'expected-array'
  | 'expected-string'
  | 'expected-number'
  | 'expected-integer'
  | 'expected-boolean'
  | 'expected-date-time'
  | 'not-allowed'
  | 'out-of-range'
  | 'too-long'
  | 'too-many-items'
  | 'unknown-field'
  | 'invalid';

/** A rejected value: where, what kind of problem, and a short phrase for people. */
export interface JsonProblem {
  /** Where in the input, e.g. `content.rows[2].protocol` (`''` for the root). */
  readonly path: string;
  readonly code: JsonProblemCode;
  /** A short phrase for people (`expected a non-empty string`); never for branching. */
  readonly detail: string;
}

/** The bounds a package puts on untrusted input, stated once where it binds its reader. */
export interface JsonLimits {
  /** Longest string a `readString` accepts unless the call says otherwise (UTF-16 code units). */
  readonly stringLength: number;
  /** Most items a `readArray` or `readStringList` accepts unless the call says otherwise. */
  readonly items: number;
}

/** How a package binds the reader: its limits and the error it throws. */
export interface JsonReaderOptions {
  readonly limits: JsonLimits;
  /** Makes the package's typed error (or other thrown value) for a problem. */
  readonly reject: (problem: JsonProblem) => unknown;
}

/** The `read*` functions of one package, bound to its error and limits. */
export interface JsonReader {
  /** The limits the reader was bound with. */
  readonly limits: JsonLimits;
  /** Throws the package's error for a problem the package found itself. */
  fail(path: string, detail: string, code?: JsonProblemCode): never;
  readObject(value: unknown, path: string): JsonObject;
  /** An array of at most `maxItems` items (default: the bound limit). */
  readArray(value: unknown, path: string, maxItems?: number): readonly unknown[];
  /** A non-empty string of at most `maxLength` code units (default: the bound limit). */
  readString(value: unknown, path: string, maxLength?: number): string;
  /** `undefined` when absent, otherwise as {@link JsonReader.readString}. */
  readOptionalString(value: unknown, path: string, maxLength?: number): string | undefined;
  /** A finite number in `[min, max]`. */
  readNumber(value: unknown, path: string, min?: number, max?: number): number;
  /** A safe integer in `[min, max]`. */
  readInteger(value: unknown, path: string, min: number, max?: number): number;
  readBoolean(value: unknown, path: string): boolean;
  /** One of the `allowed` strings. */
  readEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T;
  /** An ISO 8601 date-time that `Date.parse` reads (at most 64 characters), kept as the text given. */
  readDateTime(value: unknown, path: string): string;
  /** An array of non-empty strings. */
  readStringList(value: unknown, path: string, maxItems?: number, maxLength?: number): string[];
  /** Rejects keys outside `allowed`, so that a typo is reported rather than silently ignored. */
  rejectUnknownKeys(object: JsonObject, path: string, allowed: readonly string[]): void;
}

/** Longest date-time text: ISO 8601 with fractions and an offset fits in 40. */
const DATE_TIME_LENGTH = 64;

/**
 * The path of a field: `path.key`, or `key` at the root (`path` empty).
 *
 * @example
 * fieldPath('content', 'rows'); // 'content.rows'
 * fieldPath('', 'id'); // 'id'
 */
export function fieldPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The path of an array item: `path[index]`. */
export function itemPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Whether `value` is a JSON object (not `null`, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Binds the readers to a package's error and limits.
 *
 * @param options - the limits, and how a {@link JsonProblem} becomes the package's error.
 * @returns the bound `read*` functions (plain functions: destructuring them is fine).
 * @example
 * const { readObject, readString } = createJsonReader({
 *   limits: { stringLength: 1_000, items: 1_000 },
 *   reject: ({ path, detail }) => new InvalidEventError(`${path}: ${detail}`, path),
 * });
 */
export function createJsonReader(options: JsonReaderOptions): JsonReader {
  const { limits, reject } = options;

  function fail(path: string, detail: string, code: JsonProblemCode = 'invalid'): never {
    throw reject({ path, code, detail });
  }

  function readArray(value: unknown, path: string, maxItems = limits.items): readonly unknown[] {
    if (!Array.isArray(value)) fail(path, 'expected an array', 'expected-array');
    if (value.length > maxItems) fail(path, `more than ${maxItems} items`, 'too-many-items');
    return value;
  }

  function readString(value: unknown, path: string, maxLength = limits.stringLength): string {
    if (typeof value !== 'string' || value.length === 0)
      fail(path, 'expected a non-empty string', 'expected-string');
    if (value.length > maxLength) fail(path, `longer than ${maxLength} characters`, 'too-long');
    return value;
  }

  return {
    limits,
    fail,
    readObject(value, path) {
      if (!isJsonObject(value)) fail(path, 'expected an object', 'expected-object');
      return value;
    },
    readArray,
    readString,
    readOptionalString(value, path, maxLength) {
      return value === undefined ? undefined : readString(value, path, maxLength);
    },
    readNumber(value, path, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        fail(path, 'expected a finite number', 'expected-number');
      if (value < min || value > max) fail(path, `expected a number in [${min}, ${max}]`, 'out-of-range');
      return value;
    },
    readInteger(value, path, min, max = Number.MAX_SAFE_INTEGER) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        fail(path, 'expected an integer', 'expected-integer');
      if (value < min || value > max) fail(path, `expected an integer in [${min}, ${max}]`, 'out-of-range');
      return value;
    },
    readBoolean(value, path) {
      if (typeof value !== 'boolean') fail(path, 'expected a boolean', 'expected-boolean');
      return value;
    },
    readEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
      if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
        fail(path, `expected one of ${allowed.join(', ')}`, 'not-allowed');
      return value as T;
    },
    readDateTime(value, path) {
      const text = readString(value, path, DATE_TIME_LENGTH);
      if (Number.isNaN(Date.parse(text))) fail(path, 'expected an ISO 8601 date-time', 'expected-date-time');
      return text;
    },
    readStringList(value, path, maxItems, maxLength) {
      return readArray(value, path, maxItems).map((item, index) =>
        readString(item, itemPath(path, index), maxLength),
      );
    },
    rejectUnknownKeys(object, path, allowed) {
      for (const key of Object.keys(object)) {
        if (!allowed.includes(key)) fail(fieldPath(path, key), 'unknown field', 'unknown-field');
      }
    },
  };
}
