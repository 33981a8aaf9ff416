/**
 * @module
 * Fold graph events into a graph, one event at a time. Each event is checked against the
 * current graph before anything changes, so an event either applies entirely or not at all.
 * Replaying the same state twice is harmless: "already so" events are no-ops.
 */

import type { JsonReader } from '@imago/kit/json-reader';
import { ConsentError } from '../errors/consent-error';
import { GraphError } from '../errors/graph-error';
import { InvalidEventError } from '../errors/invalid-event-error';
import { InvalidOptionsError } from '../errors/invalid-options-error';
import type { GraphLike } from '../model/attributes';
import { graphJsonReader } from '../model/graph-json-reader';
import { createImagoGraph, type ImagoGraph } from '../model/parse-serialized-graph';
import type { GraphEvent } from './graph-event';
import { readGraphEvent } from './parse-graph-event';

type Bag = Record<string, unknown>;

/** The key under which an event-made edge is stored: unambiguous whatever the node keys. */
export function eventEdgeKey(type: string, from: string, to: string): string {
  return JSON.stringify([type, from, to]);
}

const fail: JsonReader['fail'] = graphJsonReader(
  (message, path) => new InvalidEventError(message, path),
).fail;

function kindOf(graph: GraphLike, key: string): unknown {
  return graph.hasNode(key) ? graph.getNodeAttribute(key, 'kind') : undefined;
}

function requireKind(graph: GraphLike, key: string, kinds: string[], path: string): void {
  const kind = kindOf(graph, key);
  if (kind === undefined) fail(path, `unknown node ${JSON.stringify(key)}`);
  if (!kinds.includes(String(kind))) fail(path, `${JSON.stringify(key)} is not a ${kinds.join(' or ')}`);
}

/** The edge of type `type` going from → to (or undirected between them), if any. */
function findEdge(graph: GraphLike, type: string, from: string, to: string): string | undefined {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return undefined;
  let found: string | undefined;
  graph.forEachEdge(from, (edge, attributes, source, target, _sa, _ta, undirected) => {
    if (found !== undefined || attributes?.type !== type) return;
    if ((source === from && target === to) || (undirected && source === to && target === from)) found = edge;
  });
  return found;
}

function mergedAttributes(current: Bag, changes: Bag | undefined, kind: string): Bag {
  const next: Bag = { ...current, kind };
  for (const [name, value] of Object.entries(changes ?? {})) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

function upsertNode(
  graph: GraphLike,
  key: string,
  kind: string,
  changes: Bag | undefined,
  path: string,
): void {
  const existing = kindOf(graph, key);
  if (existing !== undefined && existing !== kind) fail(path, `${JSON.stringify(key)} is not a ${kind}`);
  const next = mergedAttributes(existing === undefined ? {} : graph.getNodeAttributes(key), changes, kind);
  if (existing === undefined) graph.addNode(key, next);
  else graph.replaceNodeAttributes(key, next);
}

function removeNode(graph: GraphLike, key: string, kind: string, path: string): void {
  const existing = kindOf(graph, key);
  if (existing === undefined) return;
  if (existing !== kind) fail(path, `${JSON.stringify(key)} is not a ${kind}`);
  graph.dropNode(key);
}

function checkGraph(graph: GraphLike): void {
  if (!graph.multi || graph.type === 'undirected') {
    throw new InvalidOptionsError(
      'graph: events need a directed or mixed multigraph (createImagoGraph)',
      'graph',
    );
  }
}

/**
 * Apply one event to a graph (in place).
 *
 * Relations are consented: `relation.proposed` adds a `proposed` edge from → to (or accepts a
 * pending proposal the other way), `relation.accepted` must come from the other side (`by` =
 * `to`), `relation.ended` from either side. Links go from a group or place to an entity.
 *
 * @param graph - A directed or mixed multigraph, e.g. from {@link createImagoGraph} or `readSerializedGraph`.
 * @param input - The event (parsed with {@link readGraphEvent} first, so untrusted JSON is fine).
 * @throws {InvalidEventError} when the event is malformed or refers to missing or wrong-kind nodes.
 * @throws {ConsentError} when a side accepts its own proposal or a third party acts on a relation.
 * @example
 * applyGraphEvent(graph, { type: 'relation.accepted', relation: 'partner', from: 'a', to: 'b', by: 'b' });
 */
export function applyGraphEvent(graph: GraphLike, input: GraphEvent | unknown): void {
  checkGraph(graph);
  const event = readGraphEvent(input);
  switch (event.type) {
    case 'group.upserted':
      upsertNode(graph, event.group, 'group', event.attributes, 'group');
      return;
    case 'group.removed':
      removeNode(graph, event.group, 'group', 'group');
      return;
    case 'entity.upserted':
      upsertNode(graph, event.entity, 'entity', event.attributes, 'entity');
      return;
    case 'entity.removed':
      removeNode(graph, event.entity, 'entity', 'entity');
      return;
    case 'relation.proposed': {
      const { relation, from, to } = event;
      requireKind(graph, from, ['group'], 'from');
      requireKind(graph, to, ['group'], 'to');
      if (from === to) fail('to', 'a group cannot relate to itself');
      if (findEdge(graph, relation, from, to) !== undefined) return;
      const reverse = findEdge(graph, relation, to, from);
      if (reverse !== undefined) {
        if (graph.getEdgeAttribute(reverse, 'status') !== 'accepted') {
          graph.mergeEdgeAttributes(reverse, { status: 'accepted', acceptedBy: from });
        }
        return;
      }
      graph.addDirectedEdgeWithKey(eventEdgeKey(relation, from, to), from, to, {
        type: relation,
        status: 'proposed',
        proposedBy: from,
      });
      return;
    }
    case 'relation.accepted': {
      const { relation, from, to, by } = event;
      if (by !== to)
        throw new ConsentError(
          `${JSON.stringify(by)} cannot accept a relation proposed to ${JSON.stringify(to)}`,
        );
      const edge = findEdge(graph, relation, from, to);
      if (edge === undefined)
        fail('relation', `no ${relation} relation from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
      if (graph.getEdgeAttribute(edge, 'status') !== 'accepted') {
        graph.mergeEdgeAttributes(edge, { status: 'accepted', acceptedBy: by });
      }
      return;
    }
    case 'relation.ended': {
      const { relation, from, to, by } = event;
      if (by !== from && by !== to) {
        throw new ConsentError(`${JSON.stringify(by)} is not a side of the relation it tries to end`);
      }
      const edge = findEdge(graph, relation, from, to);
      if (edge !== undefined) graph.dropEdge(edge);
      return;
    }
    case 'link.added': {
      const { link, from, to } = event;
      requireKind(
        graph,
        from,
        link === 'located-in' || link === 'interested-in' ? ['group', 'entity'] : ['entity'],
        'from',
      );
      requireKind(graph, to, ['entity'], 'to');
      if (from === to) fail('to', 'a node cannot link to itself');
      if (findEdge(graph, link, from, to) === undefined) {
        graph.addDirectedEdgeWithKey(eventEdgeKey(link, from, to), from, to, { type: link });
      }
      return;
    }
    case 'link.removed': {
      const edge = findEdge(graph, event.link, event.from, event.to);
      if (edge !== undefined) graph.dropEdge(edge);
      return;
    }
  }
}

/**
 * Apply events in order. Each event is atomic; the first failing event stops the fold and its
 * error's `path` is prefixed with its index (`[3].to`), the events before it staying applied.
 *
 * @param graph - A directed or mixed multigraph.
 * @param events - The events, oldest first.
 * @returns The graph, for chaining.
 * @throws {InvalidEventError} or {@link ConsentError} from the first failing event.
 */
export function applyGraphEvents<G extends GraphLike>(graph: G, events: Iterable<GraphEvent | unknown>): G {
  let index = 0;
  for (const event of events) {
    try {
      applyGraphEvent(graph, event);
    } catch (error) {
      if (GraphError.isInstance(error) && error.code === InvalidEventError.code) {
        const path = `[${index}].${(error as InvalidEventError).path}`;
        throw new InvalidEventError(`[${index}].${error.message}`, path, { cause: error });
      }
      throw error;
    }
    index++;
  }
  return graph;
}

/**
 * Build a new graph from an event log.
 *
 * @param events - The events, oldest first.
 * @returns A new mixed multigraph.
 * @throws {InvalidEventError} or {@link ConsentError} from the first failing event.
 * @example
 * const graph = graphFromEvents(log);
 * const json = graph.export(); // graphology's serialisation, readable by imago-graph
 */
export function graphFromEvents(events: Iterable<GraphEvent | unknown>): ImagoGraph {
  return applyGraphEvents(createImagoGraph(), events);
}
