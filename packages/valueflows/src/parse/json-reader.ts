/**
 * Reading untrusted JSON values field by field, with the JSON path of every failure.
 *
 * @module
 */
import { VfParseError } from '../errors/parse-error';

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
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new VfParseError(path, 'expected an object');
    }
    return new JsonObjectReader(value as Record<string, unknown>, path);
  }

  at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  string(key: string): string {
    const v = this.value[key];
    if (typeof v !== 'string' || v === '')
      throw new VfParseError(this.at(key), 'expected a non-empty string');
    return v;
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  optionalBoolean(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value[key];
    if (typeof v !== 'boolean') throw new VfParseError(this.at(key), 'expected a boolean');
    return v;
  }

  optionalNumber(key: string): number | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value[key];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new VfParseError(this.at(key), 'expected a number');
    return v;
  }

  /** A date-time: ISO 8601 text that `Date` can read. */
  optionalDateTime(key: string): string | undefined {
    const v = this.optionalString(key);
    if (v !== undefined && Number.isNaN(Date.parse(v)))
      throw new VfParseError(this.at(key), 'expected an ISO 8601 date');
    return v;
  }

  /** A string or a list of strings (JSON-LD style), read as a list. */
  optionalStringList(key: string): string[] | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value[key];
    const list = Array.isArray(v) ? v : [v];
    return list.map((item, i) => {
      if (typeof item !== 'string' || item === '') {
        throw new VfParseError(
          Array.isArray(v) ? `${this.at(key)}[${i}]` : this.at(key),
          'expected a string',
        );
      }
      return item;
    });
  }

  /** A reference: an identifier string, or an object with an `id` (JSON-LD embedding). */
  optionalReference(key: string): string | undefined {
    if (!this.has(key)) return undefined;
    const v = this.value[key];
    if (typeof v === 'string' && v !== '') return v;
    return JsonObjectReader.of(v, this.at(key)).string('id');
  }

  object(key: string): JsonObjectReader {
    return JsonObjectReader.of(this.value[key], this.at(key));
  }
}
