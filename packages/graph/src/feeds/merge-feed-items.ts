/**
 * @module
 * A deterministic merge of item streams in plain chronological order.
 */
import { canonicalJson } from '@imago/kit/canonical-json';
import { compareKeys } from '../model/compare-keys';
import type { FeedItem } from './feed-definition';

/** Options of {@link mergeFeedItems}. */
export interface MergeFeedOptions {
  /** `oldest-first` (default, plain chronological order) or `newest-first`. */
  order?: 'oldest-first' | 'newest-first';
  /** Keep at most this many items (from the start of the chosen order). */
  limit?: number;
  /** Only items with `timestamp >= since`. */
  since?: number;
  /** Only items with `timestamp < until`. */
  until?: number;
}

/** Chronological order of items: by timestamp, then group key, then id. A total order. */
export function compareFeedItems(a: FeedItem, b: FeedItem): number {
  return a.timestamp - b.timestamp || compareKeys(a.group, b.group) || compareKeys(a.id, b.id);
}

/**
 * Merge streams of items into one, in chronological order (timestamp, then group, then id),
 * the same item (same group and id) kept once. The result does not depend on the order of the
 * streams nor on the order of items within them.
 *
 * @param streams - Item streams (any order within each).
 * @param options - Order, window and limit.
 * @returns The merged items.
 * @example
 * mergeFeedItems([itemsOfA, itemsOfB], { order: 'newest-first', limit: 50 });
 */
export function mergeFeedItems(
  streams: Iterable<Iterable<FeedItem>>,
  options: MergeFeedOptions = {},
): FeedItem[] {
  const { since = Number.NEGATIVE_INFINITY, until = Number.POSITIVE_INFINITY } = options;
  const unique = new Map<string, FeedItem>();
  for (const stream of streams) {
    for (const item of stream) {
      if (!(item.timestamp >= since && item.timestamp < until)) continue;
      const key = JSON.stringify([item.group, item.id]);
      const kept = unique.get(key);
      // Of duplicates, keep the earliest copy, then the smallest canonical JSON: never "whichever came first".
      if (
        !kept ||
        item.timestamp < kept.timestamp ||
        (item.timestamp === kept.timestamp && canonicalJson(item) < canonicalJson(kept))
      ) {
        unique.set(key, item);
      }
    }
  }
  const items = [...unique.values()].sort(compareFeedItems);
  if (options.order === 'newest-first') items.reverse();
  return options.limit === undefined ? items : items.slice(0, Math.max(0, options.limit));
}
