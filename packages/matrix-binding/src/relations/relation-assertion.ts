/**
 * @module
 * One side's assertion of a relation: state event `org.imago.relation` in a group's space, state
 * key = the other group's space id. Content `{ type }` asserts; empty content `{}` ends it.
 */
import { fail, readObject, readOptionalString, readString } from '../events/content-reader';

/** Content of an asserted `org.imago.relation`. */
export interface RelationAssertion {
  /** Relation type: `partner`, `member-of`, `follows`… (lower-case words joined by `-`). */
  readonly type: string;
  readonly note?: string;
}

/** Relation types are lower-case words joined by `-` or `.` (so namespaced types fit). */
export const RELATION_TYPE_PATTERN: RegExp = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * Reads the content of an `org.imago.relation` event.
 *
 * @param content - untrusted content.
 * @param path - path of `content` for problem reports.
 * @returns the assertion, or `null` when the content is empty (the side ended the relation).
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readRelationAssertion(content: unknown, path = 'content'): RelationAssertion | null {
  const object = readObject(content, path);
  if (Object.keys(object).length === 0) return null;
  const type = readString(object.type, `${path}.type`, 100);
  if (!RELATION_TYPE_PATTERN.test(type)) fail(`${path}.type`, 'invalid relation type');
  const note = readOptionalString(object.note, `${path}.note`, 2_000);
  return note === undefined ? { type } : { type, note };
}
