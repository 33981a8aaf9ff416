/**
 * @module @imago/graph/feeds
 * Manual feeds: user-written definitions (which groups, relation types, themes or places, which
 * kinds of items), their validation, and a deterministic chronological merge of item streams.
 */
export { InvalidFeedError } from '../errors/invalid-feed-error';
export { buildFeed } from './build-feed';
export type {
  FeedDefinition,
  FeedItem,
  FeedSource,
  GroupsFeedSource,
  PlacesFeedSource,
  RelationsFeedSource,
  ThemesFeedSource,
} from './feed-definition';
export { feedGroups } from './feed-groups';
export { compareFeedItems, type MergeFeedOptions, mergeFeedItems } from './merge-feed-items';
export { parseFeedDefinition, readFeedDefinition } from './parse-feed-definition';
