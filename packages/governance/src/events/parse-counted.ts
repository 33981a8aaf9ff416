/**
 * Reading what a settling event counted (`counted` of `close` and `tick`) and the parts of a long
 * list (`org.imago.governance.counted`).
 *
 * @module
 */
import { fail, readInteger, readObject, readString, readStringList } from '../parse/json-reader';
import type { CountedByDecision, CountedIds, CountedPartContent } from './event-types';

const MAX_ID = 512;
/** At most this many decisions settled by one event name their counts. */
const MAX_DECISIONS = 1_000;
/** At most this many ids in one list (inline or one part); parts make longer lists. */
export const MAX_COUNTED_IDS = 10_000;
/** At most this many parts for one decision. */
const MAX_PARTS = 1_000;

function readIds(value: unknown, path: string): readonly string[] {
  const ids = readStringList(value, path, MAX_COUNTED_IDS);
  ids.forEach((id, index) => {
    if (id.length === 0 || id.length > MAX_ID) fail(`${path}[${index}]`, 'expected an event id');
  });
  if (new Set(ids).size !== ids.length) fail(path, 'an event is named twice');
  return ids;
}

function readCountedIds(value: unknown, path: string): CountedIds {
  if (Array.isArray(value)) return readIds(value, path);
  const split = readObject(value, path);
  const parts = readInteger(split.parts, `${path}.parts`, 1, MAX_PARTS);
  const digest = readString(split.digest, `${path}.digest`, 64);
  if (!/^[0-9a-f]{64}$/.test(digest)) fail(`${path}.digest`, 'expected a SHA-256 in hex');
  return { parts, digest };
}

/**
 * Reads the `counted` field of a close or a tick.
 * @internal
 */
export function readCountedByDecision(value: unknown, path: string): CountedByDecision | undefined {
  if (value === undefined) return undefined;
  const object = readObject(value, path);
  const decisions = Object.keys(object);
  if (decisions.length > MAX_DECISIONS) fail(path, `at most ${MAX_DECISIONS} decisions`);
  const counted: Record<string, CountedIds> = {};
  for (const decision of decisions) {
    if (decision.length === 0 || decision.length > MAX_ID) fail(path, 'expected decision ids as keys');
    counted[decision] = readCountedIds(object[decision], `${path}[${JSON.stringify(decision)}]`);
  }
  return counted;
}

/**
 * Reads the content of an `org.imago.governance.counted` part.
 * @internal
 */
export function readCountedPart(content: Readonly<Record<string, unknown>>): CountedPartContent {
  return {
    decision: readString(content.decision, 'content.decision', MAX_ID),
    part: readInteger(content.part, 'content.part', 0, MAX_PARTS - 1),
    ids: readIds(content.ids, 'content.ids'),
  };
}
