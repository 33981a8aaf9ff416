/**
 * Reading untrusted JSON into typed values, one field at a time, with the path of every field so
 * that a rejection says exactly where the input is wrong (`content.ballot[2]`).
 *
 * These readers throw {@link InvalidEventError}; the boundary functions
 * (`parseGovernanceEvent`, `parseControlTable`) catch and return them as values.
 *
 * @module
 */
import { InvalidEventError } from '../errors/invalid-event-error';

/** A JSON object read from untrusted input. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Raises an {@link InvalidEventError} at `path`. */
export function fail(path: string, message: string): never {
  throw new InvalidEventError(`${path}: ${message}`, path);
}

export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return value as JsonObject;
}

export function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  return value;
}

export function readString(value: unknown, path: string, options: { maxLength?: number } = {}): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length === 0) fail(path, 'expected a non-empty string');
  if (value.length > (options.maxLength ?? 65_536)) fail(path, 'string too long');
  return value;
}

export function readOptionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : readString(value, path);
}

export function readInteger(
  value: unknown,
  path: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(path, 'expected an integer');
  if (value < min || value > max) fail(path, `expected an integer in [${min}, ${max}]`);
  return value;
}

/**
 * Reads a share in [0, 1]: a number, or an integer pair `[numerator, denominator]` (a form that
 * needs no floating-point number, e.g. `[2, 3]`).
 */
export function readShare(value: unknown, path: string): number {
  if (Array.isArray(value)) {
    if (value.length !== 2) fail(path, 'expected [numerator, denominator]');
    const denominator = readInteger(value[1], `${path}[1]`, 1, 1_000_000_000);
    return readInteger(value[0], `${path}[0]`, 0, denominator) / denominator;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    fail(path, 'expected a number in [0, 1] or [numerator, denominator]');
  }
  return value;
}

export function readEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function readStringList(value: unknown, path: string, maxItems = 100_000): string[] {
  const list = readArray(value, path);
  if (list.length > maxItems) fail(path, `at most ${maxItems} items`);
  return list.map((item, index) => readString(item, `${path}[${index}]`));
}

/** Rejects keys outside `allowed`, so that a typo is reported rather than silently ignored. */
export function rejectUnknownKeys(object: JsonObject, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) fail(`${path}.${key}`, 'unknown field');
  }
}
