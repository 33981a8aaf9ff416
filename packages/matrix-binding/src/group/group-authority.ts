/**
 * @module
 * The group's pin, state event `org.imago.authority` (state key `""`) of its space, at power 100:
 * which room is the group's decisions room, for good, and who is the group's authority — the
 * members who administer its elections, close its decisions and speak for it.
 *
 * The pin is written when the group is created, in the space's very first state (the creation
 * request), so that no member, moderator or late-joining server can ever have set it. The
 * decisions room never changes; the authority changes only by an adopted `change-authority`
 * decision of that room, which a later pin names in `decision` (a mirror of the decisions replay,
 * which stays the authority on who the authority is). Pure.
 */
import { fail, readObject, readOptionalString, readRoomId, readStringList } from '../events/content-reader';

/** Content of `org.imago.authority`. */
export interface GroupAuthority {
  /** The group's decisions room (its governance log), pinned at creation. */
  readonly decisions: string;
  /** The members who administer elections, close decisions and speak for the group; sorted. */
  readonly authority: readonly string[];
  /** The adopted `change-authority` decision this pin mirrors; absent on the founding pin. */
  readonly decision?: string;
}

const USER_ID = /^@[^:\s]+:\S+$/;

/**
 * Reads `org.imago.authority` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the pin.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readGroupAuthority(content: unknown, path = 'content'): GroupAuthority {
  const object = readObject(content, path);
  const authority = readStringList(object.authority, `${path}.authority`, 20, 255);
  if (authority.length === 0) fail(`${path}.authority`, 'at least one member');
  authority.forEach((member, i) => {
    if (!USER_ID.test(member)) fail(`${path}.authority[${i}]`, 'expected a user id');
  });
  if (new Set(authority).size !== authority.length) fail(`${path}.authority`, 'a member is named twice');
  const decision = readOptionalString(object.decision, `${path}.decision`, 255);
  if (decision !== undefined && !decision.startsWith('$')) fail(`${path}.decision`, 'expected an event id');
  return {
    decisions: readRoomId(object.decisions, `${path}.decisions`),
    authority: [...authority].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    ...(decision === undefined ? {} : { decision }),
  };
}

/**
 * The content of a pin.
 *
 * @param pin - the decisions room and the authority (and the adopting decision, for a change).
 * @returns the `org.imago.authority` content.
 */
export function groupAuthorityContent(pin: GroupAuthority): Record<string, unknown> {
  return {
    decisions: pin.decisions,
    authority: [...pin.authority].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    ...(pin.decision === undefined ? {} : { decision: pin.decision }),
  };
}
