/**
 * @module
 * Wikidata entities as graph events: each item becomes an entity node (label, QID, P625
 * coordinates) with `located-in` (P131), `instance-of` (P31) and `subclass-of` (P279) links.
 */
import type { GraphEvent } from '../events/graph-event';
import { entityLabel, type WikidataEntity } from './wikidata-entity';

/** Options of {@link wikidataEntityEvents}. */
export interface WikidataEventOptions {
  /** Preferred label languages, in order (default `['en']`). */
  languages?: readonly string[];
  /** Also emit `instance-of` (P31) links (default false: classes are rarely useful nodes). */
  instanceOf?: boolean;
}

/**
 * Turn entities into graph events. Items referred to but not given become stub entity nodes
 * (just their QID), so `located-in` chains stay explicit until the items are resolved. An
 * entity without coordinates has them removed, Wikidata being the authority on its items.
 *
 * @param entities - Parsed entities.
 * @param options - Label languages, whether to link classes.
 * @returns Events to apply with `applyGraphEvents`.
 * @example
 * applyGraphEvents(graph, wikidataEntityEvents(readWikidataEntities(json), { languages: ['fr', 'en'] }));
 */
export function wikidataEntityEvents(
  entities: readonly WikidataEntity[],
  options: WikidataEventOptions = {},
): GraphEvent[] {
  const languages = options.languages ?? ['en'];
  const given = new Set(entities.map((entity) => entity.id));
  const stubs = new Set<string>();
  const events: GraphEvent[] = [];
  const links: GraphEvent[] = [];
  for (const entity of entities) {
    events.push({
      type: 'entity.upserted',
      entity: entity.id,
      attributes: {
        name: entityLabel(entity, languages),
        wikidata: entity.id,
        lat: entity.coordinates?.lat ?? null,
        lon: entity.coordinates?.lon ?? null,
      },
    });
    const link = (kind: 'located-in' | 'subclass-of' | 'instance-of', targets: string[]) => {
      for (const target of targets) {
        if (target === entity.id) continue;
        if (!given.has(target)) stubs.add(target);
        links.push({ type: 'link.added', link: kind, from: entity.id, to: target });
      }
    };
    link('located-in', entity.locatedIn);
    link('subclass-of', entity.subclassOf);
    if (options.instanceOf) link('instance-of', entity.instanceOf);
  }
  for (const stub of stubs)
    events.push({ type: 'entity.upserted', entity: stub, attributes: { wikidata: stub } });
  return [...events, ...links];
}
