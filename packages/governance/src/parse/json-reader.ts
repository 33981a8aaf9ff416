/**
 * Reading untrusted JSON into typed values, one field at a time, with the path of every field so
 * that a rejection says exactly where the input is wrong (`content.ballot[2]`).
 *
 * The readers are the project's one JSON reader (`@imago/kit/json-reader`, compiled into this
 * package), bound here to governance's limits and to {@link InvalidEventError}; the boundary
 * functions (`parseGovernanceEvent`, `parseControlTable`) catch and return them as values.
 *
 * @module
 */
import { createJsonReader, type JsonReader } from '@imago/kit/json-reader';
import { InvalidEventError } from '../errors/invalid-event-error';

export type { JsonObject } from '@imago/kit/json-reader';

/**
 * Governance's bounds on untrusted input: a string of at most 64 Ki code units unless a field
 * states less, a list of at most 100 000 items unless a field states less.
 */
export const GOVERNANCE_JSON_LIMITS = { stringLength: 65_536, items: 100_000 } as const;

const reader = createJsonReader({
  limits: GOVERNANCE_JSON_LIMITS,
  reject: ({ path, detail }) => new InvalidEventError(`${path}: ${detail}`, path),
});

// Explicit types, so that TypeScript sees `fail` (and friends) as functions that never return.
export const fail: JsonReader['fail'] = reader.fail;
export const readObject: JsonReader['readObject'] = reader.readObject;
export const readArray: JsonReader['readArray'] = reader.readArray;
export const readString: JsonReader['readString'] = reader.readString;
export const readOptionalString: JsonReader['readOptionalString'] = reader.readOptionalString;
export const readInteger: JsonReader['readInteger'] = reader.readInteger;
export const readEnum: JsonReader['readEnum'] = reader.readEnum;
export const readStringList: JsonReader['readStringList'] = reader.readStringList;
export const rejectUnknownKeys: JsonReader['rejectUnknownKeys'] = reader.rejectUnknownKeys;

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
  return reader.readNumber(value, path, 0, 1);
}
