/**
 * How the engine names members and groups: opaque ids given by the membership input
 * (the `members` and `resolveGroup` of the governance context), never interpreted, and ordered
 * by UTF-16 code units (never by locale) so every member sorts them alike.
 *
 * @module
 */

/** A member of the group, as the membership input names it (on Matrix: a user id). */
export type MemberId = string;
/** A group (typically a sub-group), as the group resolver names it (on Matrix: a space or room id). */
export type GroupId = string;

/**
 * The order of ids: by UTF-16 code units, the same everywhere (`localeCompare` is not).
 *
 * @param a - an id.
 * @param b - another.
 * @returns negative, zero or positive as `a` sorts before, with or after `b`.
 * @internal
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
