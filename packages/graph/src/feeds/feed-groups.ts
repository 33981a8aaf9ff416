/**
 * @module
 * Which groups a feed reads, given the graph as it is now.
 */
import { NodeNotFoundError } from '../errors/node-not-found-error';
import { LOCATED_IN, type ReadableGraph } from '../model/attributes';
import { compareKeys } from '../model/compare-keys';
import { isAcceptedRelation, isGroupAttributes } from '../model/read-attributes';
import { haversineKm } from '../proximity/haversine';
import { resolveLocation } from '../proximity/resolve-location';
import type { FeedDefinition } from './feed-definition';

/** Groups reachable from `owner` in at most `maxHops` over accepted relations of the given types. */
function relatedGroups(
  graph: ReadableGraph,
  owner: string,
  relations: string[],
  maxHops: number,
  into: Set<string>,
) {
  const types = new Set(relations);
  const seen = new Set([owner]);
  let frontier = [owner];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
        if (!isAcceptedRelation(attributes, sourceAttributes, targetAttributes, source, target)) return;
        if (types.size > 0 && !types.has(attributes.type)) return;
        const other = source === node ? target : source;
        if (seen.has(other)) return;
        seen.add(other);
        next.push(other);
        into.add(other);
      });
    }
    frontier = next;
  }
}

/** Groups whose `interested-in` or `located-in` link (direct, or down a chain of places) reaches `entity`. */
function groupsLinkedTo(
  graph: ReadableGraph,
  entity: string,
  type: string,
  follow: boolean,
  into: Set<string>,
) {
  if (!graph.hasNode(entity)) return;
  const seen = new Set([entity]);
  const queue = [entity];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    graph.forEachEdge(node, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
      if (attributes?.type !== type || source === target) return;
      const other = source === node ? target : source;
      const otherAttributes = source === node ? targetAttributes : sourceAttributes;
      if (isGroupAttributes(otherAttributes)) into.add(other);
      else if (follow && target === node && !seen.has(other)) {
        // A narrower place (district located in this city): its groups are in the city too.
        seen.add(other);
        queue.push(other);
      }
    });
  }
}

/**
 * The groups a feed reads from: the union of its sources, minus `exclude` and the owner itself.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param definition - A parsed feed definition.
 * @returns Group keys, sorted.
 * @throws {NodeNotFoundError} if the owner is not in the graph.
 * @example
 * feedGroups(graph, { id: 'f', owner: 'g1', sources: [{ type: 'relations', relations: ['partner'] }] });
 */
export function feedGroups(graph: ReadableGraph, definition: FeedDefinition): string[] {
  const { owner } = definition;
  if (!graph.hasNode(owner))
    throw new NodeNotFoundError(`unknown feed owner ${JSON.stringify(owner)}`, owner);
  const groups = new Set<string>();
  for (const source of definition.sources) {
    switch (source.type) {
      case 'groups':
        for (const group of source.groups) {
          if (graph.hasNode(group) && isGroupAttributes(graph.getNodeAttributes(group))) groups.add(group);
        }
        break;
      case 'relations':
        relatedGroups(graph, owner, source.relations, source.maxHops ?? 1, groups);
        break;
      case 'themes':
        for (const theme of source.themes) groupsLinkedTo(graph, theme, 'interested-in', false, groups);
        break;
      case 'places': {
        const inPlaces = new Set<string>();
        for (const place of source.places ?? []) groupsLinkedTo(graph, place, LOCATED_IN, true, inPlaces);
        const origin = source.radiusKm === undefined ? undefined : resolveLocation(graph, owner);
        const around = (group: string) => {
          const location = origin && resolveLocation(graph, group);
          return location !== undefined && haversineKm(origin!, location) <= source.radiusKm!;
        };
        if (source.places !== undefined) {
          for (const group of inPlaces) if (source.radiusKm === undefined || around(group)) groups.add(group);
        } else if (origin) {
          graph.forEachNode((group, attributes) => {
            if (isGroupAttributes(attributes) && around(group)) groups.add(group);
          });
        }
        break;
      }
    }
  }
  groups.delete(owner);
  for (const excluded of definition.exclude ?? []) groups.delete(excluded);
  return [...groups].sort(compareKeys);
}
