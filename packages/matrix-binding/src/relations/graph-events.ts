/**
 * @module
 * Feeding @imago/graph incrementally from room state: the difference between two observations of
 * the groups (their views, read from their spaces) becomes graph events — groups upserted or
 * removed, `located-in` / `interested-in` links to Wikidata items, relations proposed, accepted and
 * ended with consent — which `applyGraphEvents` folds into a graph. Pure.
 */
import type { GraphEvent } from '@imago/graph';
import type { GroupView } from '../group/group-view';
import { consentedRelations, type GroupRelation, relationChanges } from './consented-relations';

function relationsOf(views: readonly GroupView[]): GroupRelation[] {
  return consentedRelations(new Map(views.map((view) => [view.spaceId, view.relations])));
}

function sorted(items: Iterable<string>): string[] {
  return [...items].sort();
}

/**
 * The graph events that turn the graph of `before` into the graph of `after`.
 *
 * @param before - the groups as previously observed (`[]` for a first observation).
 * @param after - the groups as observed now.
 * @returns graph events, in an order `applyGraphEvents` accepts (groups, then links, then relations).
 * @example
 * ```ts
 * applyGraphEvents(graph, graphEventsBetween(previousViews, await Promise.all(ids.map((id) => readGroup(client, id)))));
 * ```
 */
export function graphEventsBetween(before: readonly GroupView[], after: readonly GroupView[]): GraphEvent[] {
  const events: GraphEvent[] = [];
  const old = new Map(before.filter((v) => v.profile).map((v) => [v.spaceId, v]));
  const now = new Map(after.filter((v) => v.profile).map((v) => [v.spaceId, v]));
  const entities = new Set(
    before.flatMap((v) => [...(v.profile?.places ?? []), ...(v.profile?.themes ?? [])]),
  );
  const linkEvents: GraphEvent[] = [];
  for (const [id, view] of now) {
    const profile = view.profile;
    if (!profile) continue;
    const previous = old.get(id)?.profile;
    const attributes = {
      name: profile.name,
      lat: profile.coordinates?.lat ?? null,
      lon: profile.coordinates?.lon ?? null,
      accepts: profile.accepts ? [...profile.accepts] : null,
      blocks: profile.blocks.length > 0 ? [...profile.blocks] : null,
    };
    const previousAttributes = previous && {
      name: previous.name,
      lat: previous.coordinates?.lat ?? null,
      lon: previous.coordinates?.lon ?? null,
      accepts: previous.accepts ? [...previous.accepts] : null,
      blocks: previous.blocks.length > 0 ? [...previous.blocks] : null,
    };
    if (JSON.stringify(attributes) !== JSON.stringify(previousAttributes)) {
      events.push({ type: 'group.upserted', group: id, attributes });
    }
    for (const [link, items, was] of [
      ['located-in', profile.places, previous?.places ?? []],
      ['interested-in', profile.themes, previous?.themes ?? []],
    ] as const) {
      for (const qid of sorted(items)) {
        if (was.includes(qid)) continue;
        if (!entities.has(qid)) {
          entities.add(qid);
          events.push({ type: 'entity.upserted', entity: qid, attributes: { wikidata: qid } });
        }
        linkEvents.push({ type: 'link.added', link, from: id, to: qid });
      }
      for (const qid of sorted(was)) {
        if (!items.includes(qid)) linkEvents.push({ type: 'link.removed', link, from: id, to: qid });
      }
    }
  }
  events.push(...linkEvents);
  const stillThere = (r: GroupRelation) => now.has(r.a) && now.has(r.b);
  const previousRelations = relationsOf([...old.values()]);
  const currentRelations = relationsOf([...now.values()]).filter(stillThere);
  const asserts = (views: ReadonlyMap<string, GroupView>, from: string, to: string, type: string) =>
    views.get(from)?.relations.get(to)?.type === type;
  for (const change of relationChanges(previousRelations, currentRelations)) {
    const { a, b, type } = change.relation;
    if (change.op === 'ended') {
      if (!now.has(a) || !now.has(b)) continue; // removed with its group
      const by = asserts(now, a, b, type) ? b : a;
      const from = change.relation.proposedBy ?? a;
      events.push({ type: 'relation.ended', relation: type, from, to: from === a ? b : a, by });
    } else if (change.op === 'proposed') {
      const from = change.relation.proposedBy as string;
      events.push({ type: 'relation.proposed', relation: type, from, to: from === a ? b : a });
    } else {
      const was = previousRelations.find(
        (r) => r.a === a && r.b === b && r.type === type && r.status === 'proposed',
      );
      if (was?.proposedBy) {
        const to = was.proposedBy === a ? b : a;
        events.push({ type: 'relation.accepted', relation: type, from: was.proposedBy, to, by: to });
      } else {
        events.push({ type: 'relation.proposed', relation: type, from: a, to: b });
        events.push({ type: 'relation.proposed', relation: type, from: b, to: a });
      }
    }
  }
  for (const id of sorted(old.keys())) if (!now.has(id)) events.push({ type: 'group.removed', group: id });
  return events;
}
