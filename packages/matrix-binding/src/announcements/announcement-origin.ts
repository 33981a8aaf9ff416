/**
 * @module
 * Whether an announcement comes from the group it names. A group speaks to other groups through
 * its **authority** (the members its pin names, `org.imago.authority`) and through its own
 * announcing rooms (the space children with role `announcements` or `chat`, which only power 100
 * sets). An announcement is accepted when:
 *
 * - its origin group is known to the reader (its view, read from the space's state or, for a
 *   server that is not in the space, from its card in the space hierarchy — see `readGroupCard`);
 * - `origin.room` is one of that group's announcing rooms, and an original (no `origin.event`) is
 *   in that very room;
 * - its sender is in that group's authority.
 *
 * So nobody can make a group say what it did not (a spoofed `origin.group`), and a blocked group
 * cannot reach a group through someone else's name: another group's authority relaying it speaks
 * as itself, from its own rooms. Pure.
 */
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';
import type { GroupView } from '../group/group-view';
import type { Announcement } from './announcement-content';

/** What the reader knows of a group that announces: its pin (authority) and its rooms. */
export type AnnouncingGroup = Pick<GroupView, 'spaceId' | 'authority' | 'children'>;

/** The roles of the rooms a group announces from (and receives announcements in). */
export const ANNOUNCING_ROLES: readonly string[] = ['announcements', 'chat'];

/**
 * The rooms a group announces from: its space children with role `announcements` or `chat`.
 *
 * @param group - the group's view.
 * @returns room ids, announcements rooms first.
 */
export function announcingRooms(group: Pick<GroupView, 'children'>): string[] {
  return ANNOUNCING_ROLES.flatMap((role) =>
    group.children.filter((child) => child.role === role).map((child) => child.roomId),
  );
}

/**
 * Indexes groups by space id, for {@link checkAnnouncementOrigin}.
 *
 * @param groups - views of the groups the reader knows.
 * @returns space id → group.
 */
export function announcingGroups(groups: Iterable<AnnouncingGroup>): ReadonlyMap<string, AnnouncingGroup> {
  return new Map([...groups].map((group) => [group.spaceId, group]));
}

/**
 * Checks that an announcement comes from the group it names, through that group's rooms.
 *
 * @param event - the announcement event (`kind: 'announcement'`).
 * @param origins - the groups the reader knows, by space id.
 * @returns `undefined` when it does, else the warning (`unknown-reference` with reason
 *   `unknown-origin`; `unauthorised` with reason `origin-room` or `not-origin-authority`).
 */
export function checkAnnouncementOrigin(
  event: ImagoEvent & { readonly content: Announcement },
  origins: ReadonlyMap<string, AnnouncingGroup>,
): ImagoWarning | undefined {
  const { origin } = event.content;
  const about = { eventId: event.eventId, type: event.type, sender: event.sender };
  const group = origins.get(origin.group);
  if (group?.authority === undefined) {
    return {
      code: 'unknown-reference',
      ...about,
      path: 'content.origin.group',
      reason: 'unknown-origin',
      detail: `the reader knows no pinned group ${origin.group}`,
    };
  }
  const rooms = announcingRooms(group);
  if (!rooms.includes(origin.room) || (origin.event === undefined && event.roomId !== origin.room)) {
    return {
      code: 'unauthorised',
      ...about,
      path: 'content.origin.room',
      reason: 'origin-room',
      detail: `not posted through a room of ${origin.group}`,
    };
  }
  if (!group.authority.authority.includes(event.sender)) {
    return {
      code: 'unauthorised',
      ...about,
      path: 'content.origin.group',
      reason: 'not-origin-authority',
      detail: `the sender does not speak for ${origin.group}`,
    };
  }
  return undefined;
}
