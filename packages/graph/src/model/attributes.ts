/**
 * @module
 * Node and edge attributes of the Imago graph. They are the file contract of `imago-graph`:
 * a graph is graphology's JSON serialisation whose nodes carry `kind` (`"group"` or `"entity"`),
 * `name`, optional `lat`/`lon` (decimal degrees, WGS 84) and, on entities, `wikidata` (a QID);
 * whose edges carry `type` (`"located-in"`, `"interested-in"`, or a group–group relation type)
 * and, on group–group edges, `status` (`"accepted"` or `"proposed"`).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';

/** What a node stands for: a group of people, or a public entity (a Wikidata item). */
export type NodeKind = 'group' | 'entity';

/** Attributes of a group node. */
export interface GroupAttributes extends Attributes {
  kind: 'group';
  /** Display name. */
  name?: string;
  /** Latitude in decimal degrees, if the group has its own location. */
  lat?: number;
  /** Longitude in decimal degrees, if the group has its own location. */
  lon?: number;
  /** Kinds of announcements the group accepts; absent means every kind. */
  accepts?: string[];
  /** Keys of groups whose announcements this group refuses. */
  blocks?: string[];
}

/** Attributes of a public entity node: a place, a theme or an organisation from Wikidata. */
export interface EntityAttributes extends Attributes {
  kind: 'entity';
  /** Label. */
  name?: string;
  /** Latitude in decimal degrees (Wikidata P625). */
  lat?: number;
  /** Longitude in decimal degrees (Wikidata P625). */
  lon?: number;
  /** Wikidata item identifier, e.g. `Q90`. */
  wikidata?: string;
}

/** Attributes of any node of the Imago graph. */
export type NodeAttributes = GroupAttributes | EntityAttributes;

/** Edge type linking a group (or a place) to the place it is located in (Wikidata P131 between places). */
export const LOCATED_IN = 'located-in';
/** Edge type linking a group to a theme it is interested in. */
export const INTERESTED_IN = 'interested-in';
/** Edge type linking a theme to a broader theme (Wikidata P279). */
export const SUBCLASS_OF = 'subclass-of';
/** Edge type linking an entity to its class (Wikidata P31). */
export const INSTANCE_OF = 'instance-of';

/**
 * Edge types that are links to public entities, never group–group relations, whatever their
 * endpoints.
 */
export const LINK_TYPES: ReadonlySet<string> = new Set([LOCATED_IN, INTERESTED_IN, SUBCLASS_OF, INSTANCE_OF]);

/** Consent state of a group–group relation: only `accepted` relations count. */
export type RelationStatus = 'accepted' | 'proposed';

/** Attributes of an edge of the Imago graph. */
export interface EdgeAttributes extends Attributes {
  /** `located-in`, `interested-in`, `subclass-of`, `instance-of`, or a group–group relation type (`partner`, `sub-group-of`, `follows`…). */
  type: string;
  /** On group–group relations: whether the other side accepted. A missing status counts as not accepted. */
  status?: RelationStatus;
  /** On group–group relations: the group that proposed the relation. */
  proposedBy?: string;
}

/**
 * Any graphology graph (simple or multi, directed, undirected or mixed). Functions of this package
 * accept anything graph-shaped; attributes are read defensively, so a graph that breaks the
 * contract yields fewer results rather than a crash.
 */
// biome-ignore lint/suspicious/noExplicitAny: graphs of any attribute shape are accepted (duck typing)
export type GraphLike = AbstractGraph<any, any, any>;

/**
 * The read-only part of graphology's API that proximity, propagation, feeds and indexes use.
 * Every graphology graph is one, and so is the array-backed {@link CompactGraph} that
 * `imago-graph` loads large graphs into.
 */
export type ReadableGraph = Pick<
  GraphLike,
  | 'order'
  | 'size'
  | 'hasNode'
  | 'nodes'
  | 'forEachNode'
  | 'getNodeAttributes'
  | 'getNodeAttribute'
  | 'forEachEdge'
  | 'forEachInboundEdge'
  | 'forEachOutboundEdge'
>;
