/**
 * @module
 * A feed, assembled: the items of its groups and kinds, merged in chronological order.
 */
import type { ReadableGraph } from '../model/attributes';
import type { FeedDefinition, FeedItem } from './feed-definition';
import { feedGroups } from './feed-groups';
import { type MergeFeedOptions, mergeFeedItems } from './merge-feed-items';

/**
 * Select and merge items for a feed: items published by one of the feed's groups
 * ({@link feedGroups}) and of one of its kinds, in chronological order.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param definition - A parsed feed definition.
 * @param streams - Item streams, e.g. one per group room.
 * @param options - Order, window and limit.
 * @returns The feed's items.
 * @throws {NodeNotFoundError} if the owner is not in the graph.
 * @example
 * buildFeed(graph, definition, [itemsOfA, itemsOfB], { order: 'newest-first', limit: 20 });
 */
export function buildFeed(
  graph: ReadableGraph,
  definition: FeedDefinition,
  streams: Iterable<Iterable<FeedItem>>,
  options: MergeFeedOptions = {},
): FeedItem[] {
  const groups = new Set(feedGroups(graph, definition));
  const kinds = definition.kinds === undefined ? undefined : new Set(definition.kinds);
  const selected = function* () {
    for (const stream of streams) {
      yield (function* () {
        for (const item of stream) {
          if (groups.has(item.group) && (!kinds || kinds.has(item.kind))) yield item;
        }
      })();
    }
  };
  return mergeFeedItems(selected(), options);
}
