/**
 * @module
 * Reading untrusted JSON content field by field, with the path of each field, so that a rejection
 * says where the content is wrong (`content.themes[2]`). Readers throw {@link ContentProblem};
 * the parsing boundary ({@link parseImagoEvent}) turns it into an {@link ImagoWarning}.
 */
import type { ImagoWarningCode } from './imago-warning';

/** A problem found while reading content; caught at the parsing boundary. */
export class ContentProblem {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly code: ImagoWarningCode = 'malformed-content',
  ) {}
}

/** A JSON object read from untrusted input. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Throws a {@link ContentProblem} at `path`. */
export function fail(path: string, detail: string, code?: ImagoWarningCode): never {
  throw new ContentProblem(path, detail, code);
}

export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return value as JsonObject;
}

export function readString(value: unknown, path: string, maxLength = 1_000): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'expected a non-empty string');
  if (value.length > maxLength) fail(path, `longer than ${maxLength} characters`);
  return value;
}

export function readOptionalString(value: unknown, path: string, maxLength = 1_000): string | undefined {
  return value === undefined ? undefined : readString(value, path, maxLength);
}

export function readNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(path, `expected a number in [${min}, ${max}]`);
  }
  return value;
}

export function readInteger(
  value: unknown,
  path: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(path, `expected an integer in [${min}, ${max}]`);
  }
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected a boolean');
  return value;
}

export function readArray(value: unknown, path: string, maxItems: number): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  if (value.length > maxItems) fail(path, `more than ${maxItems} items`);
  return value;
}

export function readStringList(value: unknown, path: string, maxItems: number, maxLength = 1_000): string[] {
  return readArray(value, path, maxItems).map((item, index) =>
    readString(item, `${path}[${index}]`, maxLength),
  );
}

export function readEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

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
