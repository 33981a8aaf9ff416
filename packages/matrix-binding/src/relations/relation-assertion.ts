/**
 * @module
 * One side's assertion of a relation: state event `org.imago.relation` in a group's space, state
 * key = the other group's space id. Content `{ type, note?, via? }` asserts; empty content `{}` ends it.
 *
 * `via` names servers that are in the other group's space, so that a reader whose server is in
 * none of that group's rooms can reach it from the relation alone (room ids of room version 12
 * name no server): its card through the space hierarchy, its rooms through a join. A `via` is a
 * route, not a credential: whatever a server it names serves is read as any federated answer is
 * (see `docs/security.md`, "Servers to join through").
 */
import { fail, readObject, readOptionalString, readString } from '../events/content-reader';

/** Content of an asserted `org.imago.relation`. */
export interface RelationAssertion {
  /** Relation type: `partner`, `member-of`, `follows`… (lower-case words joined by `-`). */
  readonly type: string;
  readonly note?: string;
  /** Servers in the other group's space to reach it through (server names, at most {@link MAX_RELATION_VIA}). */
  readonly via?: readonly string[];
}

/** At most this many servers travel in a relation's `via`. */
export const MAX_RELATION_VIA = 10;

/**
 * A Matrix server name (spec "Server names"): a DNS name, an IPv4 address or a bracketed IPv6
 * literal, with an optional port.
 */
export const SERVER_NAME_PATTERN: RegExp =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?$/;

/**
 * Reads a list of server names.
 *
 * @param value - untrusted JSON.
 * @param path - path of `value` for problem reports.
 * @returns the names, without repeats.
 * @throws {@link ContentProblem} naming the offending entry.
 */
export function readServerNames(value: unknown, path: string): readonly string[] {
  if (!Array.isArray(value)) fail(path, 'expected an array of server names');
  if (value.length > MAX_RELATION_VIA) fail(path, `more than ${MAX_RELATION_VIA} servers`);
  return [
    ...new Set(
      value.map((server, i) => {
        const name = readString(server, `${path}[${i}]`, 255);
        if (!SERVER_NAME_PATTERN.test(name)) fail(`${path}[${i}]`, 'not a server name');
        return name;
      }),
    ),
  ];
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
  const via = object.via === undefined ? undefined : readServerNames(object.via, `${path}.via`);
  return {
    type,
    ...(note === undefined ? {} : { note }),
    ...(via === undefined || via.length === 0 ? {} : { via }),
  };
}
