/**
 * @module
 * The person's manual feeds (`@imago/graph` feed definitions), kept in this browser. Stored
 * definitions are parsed with `readFeedDefinition`; invalid ones are dropped.
 */
import { type FeedDefinition, readFeedDefinition } from '@imago/graph/feeds';

const KEY = 'imago.feeds';

/** The stored feeds. */
export function loadFeeds(): FeedDefinition[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.flatMap((item) => {
      try {
        return [readFeedDefinition(item)];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** Stores the feeds. */
export function saveFeeds(feeds: readonly FeedDefinition[]): void {
  localStorage.setItem(KEY, JSON.stringify(feeds));
}
