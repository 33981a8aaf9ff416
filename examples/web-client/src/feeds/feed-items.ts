/**
 * @module
 * Feed items from what the client can read: every announcement in the person's groups'
 * announcements rooms, once per original (deliveries of the same announcement to several groups
 * carry the original's event id), attributed to the group that published it.
 */

import type { FeedItem } from '@imago/graph/feeds';
import { ImagoEventTypes, type MatrixClient, readAnnouncement, toRawEvent } from '@imago/matrix-binding';
import type { Group } from '../groups/group';

/** A feed item carrying an announcement's title and body. */
export interface AnnouncementItem extends FeedItem {
  title: string;
  body?: string;
}

/**
 * @param client - the running client.
 * @param groups - the person's groups.
 * @returns the announcement items, unordered.
 */
export function announcementItems(client: MatrixClient, groups: readonly Group[]): AnnouncementItem[] {
  const items = new Map<string, AnnouncementItem>();
  for (const group of groups) {
    const room = group.announcementsRoomId ? client.getRoom(group.announcementsRoomId) : null;
    for (const event of room?.getLiveTimeline().getEvents() ?? []) {
      if (event.getType() !== ImagoEventTypes.announcement || !event.getId()?.startsWith('$')) continue;
      const raw = toRawEvent(event);
      try {
        const announcement = readAnnouncement(raw.content);
        const id = announcement.origin.event ?? (raw.event_id as string);
        if (items.has(id)) continue;
        items.set(id, {
          id,
          group: announcement.origin.group,
          kind: announcement.kind,
          timestamp: event.getTs(),
          title: announcement.title,
          ...(announcement.body ? { body: announcement.body } : {}),
        });
      } catch {
        // Malformed announcements are not shown.
      }
    }
  }
  return [...items.values()];
}
