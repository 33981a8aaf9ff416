/**
 * @module
 * The announcements a group's room received: each checked against its origin group
 * ({@link checkAnnouncementOrigin}: sent by that group's authority, through that group's rooms),
 * then filtered by the receiving group's own profile (`accepts`, `blocks`); a copy of an original
 * already delivered here counts once. What is refused is reported, not shown. Pure.
 */
import type { ImagoWarning } from '../events/imago-warning';
import type { GroupProfile } from '../group/group-profile';
import { logEvents, type RoomLog } from '../replay/room-log';
import type { Announcement } from './announcement-content';
import { type AnnouncingGroup, announcingGroups, checkAnnouncementOrigin } from './announcement-origin';

/** A received announcement. */
export interface ReceivedAnnouncement {
  readonly eventId: string;
  readonly sender: string;
  readonly timestamp: number;
  readonly announcement: Announcement;
}

/**
 * The announcements of a room that come from the groups they name and that the group accepts.
 *
 * @param log - the room's log.
 * @param profile - the receiving group's profile (its filters); absent: accept every kind from every group.
 * @param origins - the groups the reader knows (their views, e.g. from `readGroup` or
 *   `readGroupCard`): an announcement naming any other group is not shown.
 * @returns accepted announcements in order, and warnings for refused ones (`unknown-reference`
 *   reason `unknown-origin`; `unauthorised` reasons `origin-room`, `not-origin-authority`;
 *   `rejected` reasons `blocked`, `kind-not-accepted`; `duplicate` reason `already-delivered`).
 * @example
 * ```ts
 * const { announcements } = receivedAnnouncements(log, mine.profile, [mine, ...knownGroups]);
 * ```
 */
export function receivedAnnouncements(
  log: RoomLog,
  profile: GroupProfile | undefined,
  origins: Iterable<AnnouncingGroup>,
): { announcements: ReceivedAnnouncement[]; warnings: ImagoWarning[] } {
  const groups = announcingGroups(origins);
  const announcements: ReceivedAnnouncement[] = [];
  const warnings: ImagoWarning[] = [];
  const delivered = new Set<string>();
  for (const event of logEvents(log)) {
    if (event.kind !== 'announcement') continue;
    const about = { eventId: event.eventId, type: event.type, sender: event.sender };
    const { kind, origin } = event.content;
    const forged = checkAnnouncementOrigin(event, groups);
    if (forged) {
      warnings.push(forged);
      continue;
    }
    const blocked = profile?.blocks.includes(origin.group) === true;
    if (blocked || (profile?.accepts !== undefined && !profile.accepts.includes(kind))) {
      warnings.push({
        code: 'rejected',
        ...about,
        reason: blocked ? 'blocked' : 'kind-not-accepted',
        detail: 'refused by the group’s filters',
      });
      continue;
    }
    const original = origin.event ?? event.eventId;
    if (delivered.has(original)) {
      warnings.push({
        code: 'duplicate',
        ...about,
        reason: 'already-delivered',
        detail: `${original} was already delivered here`,
      });
      continue;
    }
    delivered.add(original);
    announcements.push({
      eventId: event.eventId,
      sender: event.sender,
      timestamp: event.timestamp,
      announcement: event.content,
    });
  }
  return { announcements, warnings };
}
