/**
 * @module
 * The group–group relations of a group, accepted or pending, as a list: what a client shows
 * ("partners", "proposals waiting for you") and what a binding compares with room state.
 */
import { LINK_TYPES, type ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { isGroupAttributes } from '../model/read-attributes';

/** One relation between two groups. */
export interface GroupRelation {
  /** Key of the edge in the graph. */
  edge: string;
  /** Relation type (`partner`, `follows`…). */
  relation: string;
  /** The proposing side (the edge's source). */
  from: string;
  /** The other side. */
  to: string;
  /** `accepted`, `proposed`, or `undefined` when the edge carries no status (not accepted). */
  status: string | undefined;
  /** Whether the edge is undirected. */
  undirected: boolean;
}

/**
 * List the relations a group takes part in, sorted by relation type, then other side.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param group - Key of the group.
 * @param filter - `accepted` only, `pending` only (any other status), or `all` (default).
 * @returns The relations (empty when the group does not exist).
 * @example
 * groupRelations(graph, 'lyon-garden', 'pending').filter((r) => r.to === 'lyon-garden'); // to answer
 */
export function groupRelations(
  graph: ReadableGraph,
  group: string,
  filter: 'all' | 'accepted' | 'pending' = 'all',
): GroupRelation[] {
  if (!graph.hasNode(group)) return [];
  const relations: GroupRelation[] = [];
  graph.forEachEdge(
    group,
    (edge, attributes, source, target, sourceAttributes, targetAttributes, undirected) => {
      const type = attributes?.type;
      if (typeof type !== 'string' || LINK_TYPES.has(type) || source === target) return;
      if (!isGroupAttributes(sourceAttributes) || !isGroupAttributes(targetAttributes)) return;
      const status = typeof attributes.status === 'string' ? attributes.status : undefined;
      if (filter === 'accepted' && status !== 'accepted') return;
      if (filter === 'pending' && status === 'accepted') return;
      relations.push({ edge, relation: type, from: source, to: target, status, undirected });
    },
  );
  const other = (r: GroupRelation) => (r.from === group ? r.to : r.from);
  return relations.sort(
    (a, b) =>
      compareKeys(a.relation, b.relation) || compareKeys(other(a), other(b)) || compareKeys(a.edge, b.edge),
  );
}
