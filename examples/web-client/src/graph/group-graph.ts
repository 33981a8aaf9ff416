/**
 * @module
 * The graph of the person's groups as a graphology graph, with the node and edge attributes of
 * `@imago/graph` (`kind`, `name`; edges `type` and `status`), plus the display attributes sigma.js
 * reads (`label`, `size`, `color`, `x`, `y`). Positions are computed deterministically: a circle,
 * then ForceAtlas2 iterations.
 */

import { consentedRelations } from '@imago/matrix-binding';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Group } from '../groups/group';

/** Edge type between a sub-group and its parent group. */
export const SUB_GROUP_OF = 'sub-group-of';

/** Colours with at least 3:1 contrast against the white background (WCAG 1.4.11). */
const COLOURS = {
  joined: '#1d4ed8',
  invited: '#6b7280',
  accepted: '#374151',
  proposed: '#9a3412',
} as const;

/** Attributes of a node of the picture. */
export interface PictureNode {
  kind: 'group';
  name: string;
  label: string;
  size: number;
  color: string;
  x: number;
  y: number;
  membership: 'join' | 'invite';
}

/** Attributes of an edge of the picture. */
export interface PictureEdge {
  type: string;
  status: 'accepted' | 'proposed';
  label: string;
  color: string;
  size: number;
}

/** The group graph drawn by the client. */
export type GroupGraph = Graph<PictureNode, PictureEdge>;

/**
 * Builds the graph of the given groups: sub-group edges (the parent's `m.space.child`), and the
 * relations their spaces assert (accepted when both sides assert the same type, proposed when
 * only one does, as `consentedRelations` of `@imago/matrix-binding` decides).
 *
 * @param groups - the groups the person belongs to or is invited to.
 * @returns a directed multi-graph with positions.
 */
export function buildGroupGraph(groups: readonly Group[]): GroupGraph {
  const graph: GroupGraph = new Graph({ type: 'directed', multi: true });
  const count = groups.length;
  groups.forEach((group, index) => {
    const angle = (2 * Math.PI * index) / Math.max(count, 1);
    graph.addNode(group.id, {
      kind: 'group',
      name: group.name,
      label: group.name,
      size: 8 + Math.min(12, Math.sqrt(group.memberCount) * 3),
      color: group.membership === 'join' ? COLOURS.joined : COLOURS.invited,
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
      membership: group.membership,
    });
  });
  for (const parent of groups) {
    for (const child of parent.view.subGroups) {
      if (!graph.hasNode(child) || graph.hasDirectedEdge(child, parent.id)) continue;
      graph.addDirectedEdge(child, parent.id, {
        type: SUB_GROUP_OF,
        status: 'accepted',
        label: 'sub-group of',
        color: COLOURS.accepted,
        size: 2,
      });
    }
  }
  const assertions = new Map(groups.map((group) => [group.id, group.view.relations]));
  for (const relation of consentedRelations(assertions)) {
    if (!graph.hasNode(relation.a) || !graph.hasNode(relation.b)) continue;
    const accepted = relation.status === 'accepted';
    const from = relation.proposedBy ?? relation.a;
    const to = from === relation.a ? relation.b : relation.a;
    graph.addDirectedEdge(from, to, {
      type: relation.type,
      status: relation.status,
      label: accepted ? relation.type : `${relation.type} (proposed)`,
      color: accepted ? COLOURS.accepted : COLOURS.proposed,
      size: accepted ? 2 : 1,
    });
  }
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: 80,
      settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 10 },
    });
  }
  return graph;
}
