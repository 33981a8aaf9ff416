/**
 * Path-tracking decoding of untrusted JSON into typed values ("parse, don't validate"): every
 * failure is a {@link MalformedInputError} naming the path of the defect.
 *
 * @module
 */
import { MalformedInputError } from '../errors/malformed-input-error';
import type { Group } from '../groups/group';
import type { Proof } from '../proofs/proof';

/** The outcome of parsing untrusted input. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: MalformedInputError };

/**
 * Runs a decoder at the boundary: turns thrown {@link MalformedInputError}s into a result.
 * @param decode - the decoding function (may throw MalformedInputError)
 * @returns the parse result
 */
export function runDecoder<T>(decode: () => T): ParseResult<T> {
  try {
    return { ok: true, value: decode() };
  } catch (error) {
    if (error instanceof MalformedInputError) return { ok: false, error };
    if (error instanceof RangeError)
      return { ok: false, error: new MalformedInputError('$', 'a value of reasonable size') };
    throw error;
  }
}

/**
 * Parses JSON text, failing with a MalformedInputError at `$`.
 * @param text - the JSON text
 * @returns the value
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MalformedInputError('$', 'JSON text');
  }
}

export function fail(path: string, expected: string): never {
  throw new MalformedInputError(path, expected);
}

export function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Record<string, unknown>;
}

export function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array');
  return value;
}

export function arrayOf<T>(value: unknown, path: string, item: (v: unknown, p: string) => T): T[] {
  return arrayAt(value, path).map((v, i) => item(v, `${path}[${i}]`));
}

export function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string');
  return value;
}

export function booleanAt(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'a boolean');
  return value;
}

/** A JSON number that is a safe non-negative integer (the `I` type). */
export function smallIntAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    fail(path, 'a small non-negative integer');
  return value;
}

export function field(object: Record<string, unknown>, key: string, path: string): unknown {
  if (!Object.hasOwn(object, key)) fail(`${path}.${key}`, 'a field');
  return object[key];
}

export function optionalField(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

const decimal = /^(0|[1-9][0-9]{0,4999})$/;

/** A base-10 big integer in a JSON string (`N`). */
export function naturalAt(value: unknown, path: string): bigint {
  if (typeof value !== 'string' || !decimal.test(value)) fail(path, 'a base-10 integer in a string');
  return BigInt(value);
}

/** An element of `Z_q` in a JSON string. */
export function scalarAt(value: unknown, path: string, q: bigint): bigint {
  const n = naturalAt(value, path);
  if (n >= q) fail(path, 'an integer modulo q');
  return n;
}

/** A group element in a JSON string, checked to be a member of the group. */
export function elementAt<E>(value: unknown, path: string, group: Group<E>): E {
  if (typeof value !== 'string') fail(path, 'a group element in a string');
  const element = group.parse(value);
  if (element === undefined) fail(path, 'a group element');
  if (!group.isMember(element)) fail(path, `a member of the group ${group.name}`);
  return element;
}

/** A `{challenge, response}` proof with both numbers in `Z_q`. */
export function proofAt(value: unknown, path: string, q: bigint): Proof {
  const o = objectAt(value, path);
  return {
    challenge: scalarAt(field(o, 'challenge', path), `${path}.challenge`, q),
    response: scalarAt(field(o, 'response', path), `${path}.response`, q),
  };
}

/** A hexadecimal SHA-256 hash (`H`). */
export function hashAt(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) fail(path, 'a SHA-256 hash in hexadecimal');
  return value;
}
