/**
 * @module
 * The @imago/graph view of groups read from Matrix: one `group` node per space (name, coordinates,
 * announcement filters), one `entity` node per Wikidata item of places and themes (`located-in`,
 * `interested-in` edges), and the relations between groups with their consent status. Pure.
 */
import { createImagoGraph, type ImagoGraph } from '@imago/graph';
import type { GroupView } from '../group/group-view';
import type { GroupRelation } from '../relations/consented-relations';

/**
 * Builds the graph of the given groups.
 *
 * @param groups - group views (e.g. from {@link readGroup}); groups without a profile are left out.
 * @param relations - their relations (from {@link consentedRelations}).
 * @returns an Imago graph (graphology mixed multigraph) keyed by space id and Wikidata QID.
 * @example
 * ```ts
 * const graph = groupGraph(views, consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations]))));
 * const targets = propagate(graph, origin.spaceId, { by: 'relation', kind: 'offer' });
 * ```
 */
export function groupGraph(groups: readonly GroupView[], relations: readonly GroupRelation[]): ImagoGraph {
  const graph = createImagoGraph();
  for (const group of groups) {
    const profile = group.profile;
    if (!profile) continue;
    graph.mergeNode(group.spaceId, {
      kind: 'group',
      name: profile.name,
      ...(profile.coordinates ? { lat: profile.coordinates.lat, lon: profile.coordinates.lon } : {}),
      ...(profile.accepts ? { accepts: [...profile.accepts] } : {}),
      ...(profile.blocks.length > 0 ? { blocks: [...profile.blocks] } : {}),
    });
    for (const [items, type] of [
      [profile.places, 'located-in'],
      [profile.themes, 'interested-in'],
    ] as const) {
      for (const qid of items) {
        graph.mergeNode(qid, { kind: 'entity', wikidata: qid });
        graph.addDirectedEdge(group.spaceId, qid, { type });
      }
    }
  }
  for (const relation of relations) {
    if (!graph.hasNode(relation.a) || !graph.hasNode(relation.b)) continue;
    graph.addUndirectedEdge(relation.a, relation.b, {
      type: relation.type,
      status: relation.status,
      ...(relation.proposedBy ? { proposedBy: relation.proposedBy } : {}),
    });
  }
  return graph;
}
