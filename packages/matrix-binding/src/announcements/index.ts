/**
 * Announcements: reaching other groups' rooms, reading feeds, the group graph they follow.
 *
 * @module
 */
export { type AnnounceOptions, announce, type Delivery } from './announce';
export {
  type Announcement,
  type AnnouncementOrigin,
  readAnnouncement,
} from './announcement-content';
export {
  ANNOUNCING_ROLES,
  type AnnouncingGroup,
  announcingGroups,
  announcingRooms,
  checkAnnouncementOrigin,
} from './announcement-origin';
export { feedItemsFromLog, type ReadFeedOptions, readFeed } from './feed';
export { groupGraph } from './group-graph';
export { type ReachError, type ReachFailure, reachRoom, viaOf } from './reach-room';
export { type ReceivedAnnouncement, receivedAnnouncements } from './received-announcements';
