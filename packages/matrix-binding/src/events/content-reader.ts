/**
 * @module
 * Reading untrusted JSON content field by field, with the path of each field, so that a rejection
 * says where the content is wrong (`content.themes[2]`). The readers are the JSON reader that every
 * Imago package shares (compiled into this package), bound here once to the binding's limits and to
 * {@link ContentProblem}; the parsing boundary ({@link parseImagoEvent}) turns a problem into an
 * {@link ImagoWarning}. What is the binding's own (Matrix user and room ids, Wikidata ids) is built
 * on them below.
 */
import { createJsonReader, type JsonObject, type JsonReader } from '@imago/kit/json-reader';
import type { ImagoWarningCode } from './imago-warning';

export type { JsonObject };

/** A problem found while reading content; caught at the parsing boundary. */
export class ContentProblem {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly code: ImagoWarningCode = 'malformed-content',
  ) {}
}

/**
 * The binding's bounds on event content: a string field holds at most 1,000 code units unless its
 * reader says otherwise (a display name, a description); lists state their own bound at the call.
 */
const reader: JsonReader = createJsonReader({
  limits: { stringLength: 1_000, items: 1_000 },
  reject: ({ path, detail }) => new ContentProblem(path, detail),
});

/** Throws a {@link ContentProblem} at `path` (`malformed-content` unless `code` says otherwise). */
export function fail(path: string, detail: string, code?: ImagoWarningCode): never {
  throw new ContentProblem(path, detail, code);
}

export const readObject: JsonReader['readObject'] = reader.readObject;
export const readString: JsonReader['readString'] = reader.readString;
export const readOptionalString: JsonReader['readOptionalString'] = reader.readOptionalString;
export const readNumber: (value: unknown, path: string, min: number, max: number) => number =
  reader.readNumber;
export const readInteger: JsonReader['readInteger'] = reader.readInteger;
export const readBoolean: JsonReader['readBoolean'] = reader.readBoolean;
export const readArray: (value: unknown, path: string, maxItems: number) => readonly unknown[] =
  reader.readArray;
export const readStringList: (
  value: unknown,
  path: string,
  maxItems: number,
  maxLength?: number,
) => string[] = reader.readStringList;
export const readEnum: JsonReader['readEnum'] = reader.readEnum;

/** Matrix user id grammar (spec "User Identifiers"), loosely: `@localpart:server`. */
const USER_ID = /^@[^:\s]+:[^\s]+$/;
/** Matrix room id: `!opaque:server` (or `!opaque` in room version 12). */
const ROOM_ID = /^![^\s]+$/;
/** Wikidata item id. */
const QID = /^Q[1-9][0-9]{0,11}$/;

export function readUserId(value: unknown, path: string): string {
  const id = readString(value, path, 255);
  if (!USER_ID.test(id)) fail(path, 'expected a Matrix user id');
  return id;
}

export function readRoomId(value: unknown, path: string): string {
  const id = readString(value, path, 255);
  if (!ROOM_ID.test(id)) fail(path, 'expected a Matrix room id');
  return id;
}

export function readQid(value: unknown, path: string): string {
  const id = readString(value, path, 16);
  if (!QID.test(id)) fail(path, 'expected a Wikidata item id (Q…)');
  return id;
}

/** Whether `value` is a Matrix user id. */
export function isUserId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 255 && USER_ID.test(value);
}

/** Whether `value` is a Matrix room id. */
export function isRoomId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 255 && ROOM_ID.test(value);
}
