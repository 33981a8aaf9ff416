/**
 * @module
 * Changes to the group graph, as events. A binding (e.g. Matrix room state) turns what it
 * observes into these events; {@link applyGraphEvent} folds them into a graph, one at a time.
 */

/**
 * Types of the links to a public entity: a group or a place `located-in` a place, a group
 * `interested-in` a theme, an entity `subclass-of` (P279) or `instance-of` (P31) another.
 */
export type LinkType = 'located-in' | 'interested-in' | 'subclass-of' | 'instance-of';

/** Every link type. */
export const LINK_EVENT_TYPES: readonly LinkType[] = [
  'located-in',
  'interested-in',
  'subclass-of',
  'instance-of',
];

/** A group appears or some of its attributes change (attributes are merged; `null` removes one). */
export interface GroupUpsertedEvent {
  type: 'group.upserted';
  /** Key of the group. */
  group: string;
  /** Attributes to set. `lat`/`lon` go together; `null` removes an attribute. */
  attributes?: {
    name?: string | null;
    lat?: number | null;
    lon?: number | null;
    /** Kinds of announcements the group accepts (absent: all). */
    accepts?: string[] | null;
    /** Groups whose announcements this group refuses. */
    blocks?: string[] | null;
  };
}

/** A group leaves the graph, with all its relations and links. */
export interface GroupRemovedEvent {
  type: 'group.removed';
  group: string;
}

/** A public entity (Wikidata item) appears or some of its attributes change. */
export interface EntityUpsertedEvent {
  type: 'entity.upserted';
  /** Key of the entity (conventionally its QID). */
  entity: string;
  attributes?: {
    name?: string | null;
    lat?: number | null;
    lon?: number | null;
    /** Wikidata QID. */
    wikidata?: string | null;
  };
}

/** A public entity leaves the graph, with all its links. */
export interface EntityRemovedEvent {
  type: 'entity.removed';
  entity: string;
}

/**
 * Group `from` proposes a relation of type `relation` (`partner`, `sub-group-of`, `follows`…) to
 * group `to`. If `to` had already proposed the same relation to `from`, the two proposals meet
 * and the relation is accepted.
 */
export interface RelationProposedEvent {
  type: 'relation.proposed';
  relation: string;
  from: string;
  to: string;
}

/** Group `by` accepts the relation `from` proposed; `by` must be `to`, the other side. */
export interface RelationAcceptedEvent {
  type: 'relation.accepted';
  relation: string;
  from: string;
  to: string;
  by: string;
}

/** Either side (`by` is `from` or `to`) ends a relation, accepted or still proposed. */
export interface RelationEndedEvent {
  type: 'relation.ended';
  relation: string;
  from: string;
  to: string;
  by: string;
}

/** A group (or a place) is linked to an entity: located in a place, interested in a theme. */
export interface LinkAddedEvent {
  type: 'link.added';
  link: LinkType;
  from: string;
  to: string;
}

/** A link is removed. */
export interface LinkRemovedEvent {
  type: 'link.removed';
  link: LinkType;
  from: string;
  to: string;
}

/** Any change to the group graph. */
export type GraphEvent =
  | GroupUpsertedEvent
  | GroupRemovedEvent
  | EntityUpsertedEvent
  | EntityRemovedEvent
  | RelationProposedEvent
  | RelationAcceptedEvent
  | RelationEndedEvent
  | LinkAddedEvent
  | LinkRemovedEvent;

/** Every event type, in a stable order. */
export const GRAPH_EVENT_TYPES: readonly GraphEvent['type'][] = [
  'group.upserted',
  'group.removed',
  'entity.upserted',
  'entity.removed',
  'relation.proposed',
  'relation.accepted',
  'relation.ended',
  'link.added',
  'link.removed',
];
