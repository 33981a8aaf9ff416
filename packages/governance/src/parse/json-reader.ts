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

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Reads a ratio in [0, 1]: `[numerator, denominator]` integers (the form Matrix events can carry)
 * or, in files, a number (taken to six decimals). Returned reduced.
 */
export function readRatio(value: unknown, path: string): readonly [number, number] {
  let numerator: number;
  let denominator: number;
  if (Array.isArray(value)) {
    if (value.length !== 2) fail(path, 'expected [numerator, denominator]');
    denominator = readInteger(value[1], `${path}[1]`, 1, 1_000_000_000);
    numerator = readInteger(value[0], `${path}[0]`, 0, denominator);
  } else {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      fail(path, 'expected [numerator, denominator] or a number in [0, 1]');
    }
    numerator = Math.round(value * 1_000_000);
    denominator = 1_000_000;
  }
  const divisor = gcd(numerator, denominator) || 1;
  return [numerator / divisor, denominator / divisor];
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
