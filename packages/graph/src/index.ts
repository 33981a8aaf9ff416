/**
 * @module @imago/graph
 * The graph of groups: typed, consented relations; public entities from Wikidata; proximity
 * (geographic, relational, thematic, composite) and propagation of announcements. Wikidata
 * entity parsing lives in `@imago/graph/wikidata`, manual feeds in `@imago/graph/feeds`.
 */
export { CompactGraph, type EdgeCallback } from './compact/compact-graph';
export { parseCompactGraph, readCompactGraph } from './compact/parse-compact-graph';
export { ConsentError } from './errors/consent-error';
export { GraphError } from './errors/graph-error';
export { InvalidEventError } from './errors/invalid-event-error';
export { InvalidOptionsError } from './errors/invalid-options-error';
export { MalformedGraphError } from './errors/malformed-graph-error';
export { NodeNotFoundError } from './errors/node-not-found-error';
export { applyGraphEvent, applyGraphEvents, eventEdgeKey, graphFromEvents } from './events/apply-graph-event';
export {
  type EntityRemovedEvent,
  type EntityUpsertedEvent,
  GRAPH_EVENT_TYPES,
  type GraphEvent,
  type GroupRemovedEvent,
  type GroupUpsertedEvent,
  LINK_EVENT_TYPES,
  type LinkAddedEvent,
  type LinkRemovedEvent,
  type LinkType,
  type RelationAcceptedEvent,
  type RelationEndedEvent,
  type RelationProposedEvent,
} from './events/graph-event';
export { parseGraphEvent, readGraphEvent } from './events/parse-graph-event';
export {
  type EdgeAttributes,
  type EntityAttributes,
  type GraphLike,
  type GroupAttributes,
  INSTANCE_OF,
  INTERESTED_IN,
  LINK_TYPES,
  LOCATED_IN,
  type NodeAttributes,
  type NodeKind,
  type ReadableGraph,
  type RelationStatus,
  SUBCLASS_OF,
} from './model/attributes';
export { compareKeys } from './model/compare-keys';
export {
  createImagoGraph,
  type ImagoGraph,
  parseSerializedGraph,
  readSerializedGraph,
} from './model/parse-serialized-graph';
export { type AttributeBag, type Coordinates, isAcceptedRelation, receives } from './model/read-attributes';
export { assignPropagation } from './propagation/assign-propagation';
export { propagate } from './propagation/propagate';
export { propagateByComposite } from './propagation/propagate-by-composite';
export { propagateByGeo } from './propagation/propagate-by-geo';
export { propagateByRelation } from './propagation/propagate-by-relation';
export { propagateByTheme } from './propagation/propagate-by-theme';
export {
  type CompositeWeights,
  PROXIMITY_MODES,
  type PropagateOptions,
  type ProximityMode,
} from './propagation/propagate-options';
export type { PropagationTarget } from './propagation/propagation-target';
export { createGeoIndex, GeoIndex, type NearbyGroup, type NearestOptions } from './proximity/geo-index';
export { EARTH_MEAN_RADIUS_KM, haversineKm } from './proximity/haversine';
export { relationHops } from './proximity/relation-hops';
export { forEachRelatedGroup } from './proximity/relation-neighbours';
export { type ResolvedLocation, resolveLocation } from './proximity/resolve-location';
export { createThemeIndex, ThemeIndex } from './proximity/theme-index';
export { jaccard, themesOf, widenThemes } from './proximity/theme-set';
export { type GroupRelation, groupRelations } from './relations/group-relations';
