/**
 * @module
 * Manual feeds read from Matrix: the items of a group's rooms (its announcements, offers and
 * needs, as its authority posted them there) as @imago/graph feed items, and a feed assembled by
 * @imago/graph's `buildFeed` from those rooms, in plain chronological order. A reader subscribes
 * to a group's announcements room by joining it — which does not make them a member of the group
 * — through the servers the group's space names, whatever homeserver the group is on.
 */

import type { ImagoGraph } from '@imago/graph';
import { buildFeed, type FeedDefinition, type FeedItem, feedGroups } from '@imago/graph/feeds';
import type { MatrixClient } from 'matrix-js-sdk';
import type { GroupView } from '../group/group-view';
import { fetchRoomHistory } from '../replay/fetch-room-history';
import { appendToRoomLog, emptyRoomLog, logEvents, type RoomLog } from '../replay/room-log';
import { type AnnouncingGroup, announcingRooms, checkAnnouncementOrigin } from './announcement-origin';
import { type ReachError, reachRoom, viaOf } from './reach-room';

/**
 * The feed items a group published in one of its rooms: its own announcements (not copies it
 * received from others) and its ValueFlows offers and needs, each posted by the group's
 * authority (what anyone else posts there in the group's name is left out).
 *
 * @param log - the room's log.
 * @param group - the group's view (its pin and rooms).
 * @returns feed items (`id`: event id, `group`, `kind`, `timestamp`, `title`).
 */
export function feedItemsFromLog(log: RoomLog, group: AnnouncingGroup): FeedItem[] {
  const items: FeedItem[] = [];
  const origins = new Map([[group.spaceId, group]]);
  const speaker = (sender: string) => group.authority?.authority.includes(sender) === true;
  for (const event of logEvents(log)) {
    if (
      event.kind === 'announcement' &&
      event.content.origin.group === group.spaceId &&
      event.content.origin.event === undefined
    ) {
      if (checkAnnouncementOrigin(event, origins) !== undefined) continue;
      items.push({
        id: event.eventId,
        group: group.spaceId,
        kind: event.content.kind,
        timestamp: event.timestamp,
        title: event.content.title,
      });
    } else if (event.kind === 'valueflows' && event.type === 'org.imago.vf.proposal') {
      const purpose = event.content.purpose;
      const proposer = event.content.proposer;
      if (!speaker(event.sender) || (proposer !== undefined && proposer !== group.spaceId)) continue;
      if (purpose === 'offer' || purpose === 'request') {
        const name = typeof event.content.name === 'string' ? event.content.name : undefined;
        items.push({
          id: event.eventId,
          group: group.spaceId,
          kind: purpose === 'offer' ? 'offer' : 'need',
          timestamp: event.timestamp,
          ...(name ? { title: name } : {}),
        });
      }
    }
  }
  return items;
}

/** Options of {@link readFeed}: `buildFeed`'s order and limit, and whether to subscribe. */
export type ReadFeedOptions = Parameters<typeof buildFeed>[3] & {
  /**
   * Join the announcements room of each selected group the reader has not joined yet (through
   * the servers its space names), so that groups on other homeservers appear too. Default: read
   * only the rooms already joined.
   */
  subscribe?: boolean;
  /** Receives the rooms that could not be joined, and why. */
  onUnreachable?: (roomId: string, error: ReachError) => void;
};

/**
 * Reads a manual feed: the groups the definition selects (over the graph), the rooms of those
 * groups that the reader has joined (announcements and chat; with `subscribe`, their
 * announcements rooms are joined first), their items merged in order.
 *
 * @param client - the reader's client (syncing, so joined rooms are known).
 * @param graph - the group graph (e.g. {@link groupGraph} or fed by {@link graphEventsBetween}).
 * @param definition - a feed definition (parse untrusted ones with `readFeedDefinition`).
 * @param groups - views of the groups that may appear.
 * @param options - order and limit, as `buildFeed` takes them; `subscribe`.
 * @returns the feed's items.
 * @throws {@link HomeserverError} when a joined room's history cannot be read.
 */
export async function readFeed(
  client: MatrixClient,
  graph: ImagoGraph,
  definition: FeedDefinition,
  groups: readonly GroupView[],
  options: ReadFeedOptions = {},
): Promise<FeedItem[]> {
  const { subscribe, onUnreachable, ...order } = options;
  const selected = new Set(feedGroups(graph, definition));
  const streams: FeedItem[][] = [];
  for (const group of groups) {
    if (!selected.has(group.spaceId)) continue;
    const rooms = announcingRooms(group);
    const joined = new Set(rooms.filter((roomId) => client.getRoom(roomId)?.getMyMembership() === 'join'));
    if (subscribe && rooms[0] !== undefined && !joined.has(rooms[0])) {
      const failure = await reachRoom(client, rooms[0], viaOf(group, rooms[0]));
      if (failure) onUnreachable?.(rooms[0], failure);
      else joined.add(rooms[0]);
    }
    for (const roomId of rooms) {
      if (!joined.has(roomId)) continue;
      const log = appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId));
      streams.push(feedItemsFromLog(log, group));
    }
  }
  return buildFeed(graph, definition, streams, order);
}
