/**
 * @module
 * Manual feeds read from Matrix: the items of a group's rooms (its announcements, offers and
 * needs) as @imago/graph feed items, and a feed assembled by @imago/graph's `buildFeed` from the
 * rooms the reader has joined, in plain chronological order.
 */

import type { ImagoGraph } from '@imago/graph';
import { buildFeed, type FeedDefinition, type FeedItem, feedGroups } from '@imago/graph/feeds';
import type { MatrixClient } from 'matrix-js-sdk';
import { type GroupView, groupRoom } from '../group/group-view';
import { fetchRoomHistory } from '../replay/fetch-room-history';
import { appendToRoomLog, emptyRoomLog, logEvents, type RoomLog } from '../replay/room-log';

/**
 * The feed items a group published in one of its rooms: its own announcements (not copies it
 * received from others) and its ValueFlows offers and needs.
 *
 * @param log - the room's log.
 * @param group - the group's space id.
 * @returns feed items (`id`: event id, `group`, `kind`, `timestamp`, `title`).
 */
export function feedItemsFromLog(log: RoomLog, group: string): FeedItem[] {
  const items: FeedItem[] = [];
  for (const event of logEvents(log)) {
    if (
      event.kind === 'announcement' &&
      event.content.origin.group === group &&
      event.content.origin.event === undefined
    ) {
      items.push({
        id: event.eventId,
        group,
        kind: event.content.kind,
        timestamp: event.timestamp,
        title: event.content.title,
      });
    } else if (event.kind === 'valueflows' && event.type === 'org.imago.vf.proposal') {
      const purpose = event.content.purpose;
      if (purpose === 'offer' || purpose === 'request') {
        const name = typeof event.content.name === 'string' ? event.content.name : undefined;
        items.push({
          id: event.eventId,
          group,
          kind: purpose === 'offer' ? 'offer' : 'need',
          timestamp: event.timestamp,
          ...(name ? { title: name } : {}),
        });
      }
    }
  }
  return items;
}

/**
 * Reads a manual feed: the groups the definition selects (over the graph), the rooms of those
 * groups that the reader has joined (announcements and chat), their items merged in order.
 *
 * @param client - the reader's client (syncing, so joined rooms are known).
 * @param graph - the group graph (e.g. {@link groupGraph} or fed by {@link graphEventsBetween}).
 * @param definition - a feed definition (parse untrusted ones with `parseFeedDefinition`).
 * @param groups - views of the groups that may appear.
 * @param options - order and limit, as `buildFeed` takes them.
 * @returns the feed's items.
 * @throws {@link HomeserverError} when a joined room's history cannot be read.
 */
export async function readFeed(
  client: MatrixClient,
  graph: ImagoGraph,
  definition: FeedDefinition,
  groups: readonly GroupView[],
  options: Parameters<typeof buildFeed>[3] = {},
): Promise<FeedItem[]> {
  const selected = new Set(feedGroups(graph, definition));
  const streams: FeedItem[][] = [];
  for (const group of groups) {
    if (!selected.has(group.spaceId)) continue;
    for (const role of ['announcements', 'chat']) {
      const roomId = groupRoom(group, role);
      if (!roomId || client.getRoom(roomId)?.getMyMembership() !== 'join') continue;
      const log = appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId));
      streams.push(feedItemsFromLog(log, group.spaceId));
    }
  }
  return buildFeed(graph, definition, streams, options);
}
