/**
 * @module
 * The event of a group's announcement feed.
 */

import { decodeDecimals } from '../events/decimal-codec';
import type { EventSpec } from '../events/event-spec';
import { ImagoEventTypes } from '../events/event-types';
import type { EventEnvelope } from '../events/raw-matrix-event';
import { type Announcement, readAnnouncement } from './announcement-content';

/** An announcement, as {@link ImagoEvent} holds it. */
export type AnnouncementEvent = EventEnvelope & {
  readonly kind: 'announcement';
  readonly content: Announcement;
};

/** The event types of announcements, their readers and sender rules. */
export const announcementEvents: readonly EventSpec<AnnouncementEvent>[] = [
  {
    type: ImagoEventTypes.announcement,
    read: (envelope, content) => ({
      ...envelope,
      kind: 'announcement',
      content: readAnnouncement(decodeDecimals(content)),
    }),
  },
];
