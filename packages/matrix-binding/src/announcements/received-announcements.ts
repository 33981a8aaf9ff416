/**
 * @module
 * The announcements a group's room received, filtered by the group's own profile (`accepts`,
 * `blocks`): a delivery the group refuses is reported, not shown. Pure.
 */
import type { ImagoWarning } from '../events/imago-warning';
import type { GroupProfile } from '../group/group-profile';
import { logEvents, type RoomLog } from '../replay/room-log';
import type { Announcement } from './announcement-content';

/** A received announcement. */
export interface ReceivedAnnouncement {
  readonly eventId: string;
  readonly sender: string;
  readonly timestamp: number;
  readonly announcement: Announcement;
}

/**
 * The announcements of a room that the group accepts.
 *
 * @param log - the room's log.
 * @param profile - the receiving group's profile (its filters); absent: accept all.
 * @returns accepted announcements in order, and warnings for refused ones.
 */
export function receivedAnnouncements(
  log: RoomLog,
  profile?: GroupProfile,
): { announcements: ReceivedAnnouncement[]; warnings: ImagoWarning[] } {
  const announcements: ReceivedAnnouncement[] = [];
  const warnings: ImagoWarning[] = [];
  for (const event of logEvents(log)) {
    if (event.kind !== 'announcement') continue;
    const { kind, origin } = event.content;
    const refused =
      profile?.blocks.includes(origin.group) === true ||
      (profile?.accepts !== undefined && !profile.accepts.includes(kind));
    if (refused) {
      warnings.push({
        code: 'rejected',
        eventId: event.eventId,
        type: event.type,
        sender: event.sender,
        detail: 'refused by the group’s filters',
      });
      continue;
    }
    announcements.push({
      eventId: event.eventId,
      sender: event.sender,
      timestamp: event.timestamp,
      announcement: event.content,
    });
  }
  return { announcements, warnings };
}
