/**
 * @module
 * A manual feed: an explicit definition written by its user — which groups, which kinds of
 * items — read in plain chronological order. No ranking algorithm decides what is shown.
 */

/** Items from an explicit list of groups. */
export interface GroupsFeedSource {
  type: 'groups';
  /** Group keys. */
  groups: string[];
}

/** Items from the groups related to the feed's owner by accepted relations of these types. */
export interface RelationsFeedSource {
  type: 'relations';
  /** Relation types (`partner`, `follows`…); empty means every type. */
  relations: string[];
  /** How many hops away (default 1: direct relations only). */
  maxHops?: number;
}

/** Items from the groups interested in any of these themes. */
export interface ThemesFeedSource {
  type: 'themes';
  /** Theme entity keys (QIDs). */
  themes: string[];
}

/**
 * Items from the groups located in these places (directly or down `located-in` chains), or,
 * with `radiusKm`, from the located groups at most that far from the owner.
 */
export interface PlacesFeedSource {
  type: 'places';
  /** Place entity keys (QIDs). */
  places?: string[];
  /** Around the owner, in km. */
  radiusKm?: number;
}

/** Where a feed takes its items from. */
export type FeedSource = GroupsFeedSource | RelationsFeedSource | ThemesFeedSource | PlacesFeedSource;

/** A manual feed definition. */
export interface FeedDefinition {
  /** Identifier, stable across edits. */
  id: string;
  /** Display name. */
  name?: string;
  /** The group the feed belongs to: "around me" and "my relations" are relative to it. */
  owner: string;
  /** Sources, united. */
  sources: FeedSource[];
  /** Kinds of items to show (`need`, `offer`, `event`, `call-for-help`…); absent means all. */
  kinds?: string[];
  /** Groups whose items never show, whatever the sources. */
  exclude?: string[];
}

/** An item published by a group: an announcement, a post… Extra fields travel untouched. */
export interface FeedItem {
  /** Identifier, unique per publishing group (e.g. a Matrix event id). */
  id: string;
  /** Key of the publishing group. */
  group: string;
  /** Kind of item. */
  kind: string;
  /** Publication time, milliseconds since the Unix epoch (e.g. Matrix `origin_server_ts`). */
  timestamp: number;
  [field: string]: unknown;
}
