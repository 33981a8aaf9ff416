/**
 * How the engine names members and groups: opaque ids given by the membership input
 * (the `members` and `resolveGroup` of the governance context), never interpreted.
 *
 * @module
 */

/** A member of the group, as the membership input names it (on Matrix: a user id). */
export type MemberId = string;
/** A group (typically a sub-group), as the group resolver names it (on Matrix: a space or room id). */
export type GroupId = string;
