/**
 * @module
 * Resolve QIDs and fold the entities into the graph, following `located-in` chains (P131)
 * and broader themes (P279) as far as asked.
 */
import { applyGraphEvents } from '../events/apply-graph-event';
import type { GraphLike } from '../model/attributes';
import type { EntityResolver } from './entity-resolver';
import type { WikidataEntity } from './wikidata-entity';
import { type WikidataEventOptions, wikidataEntityEvents } from './wikidata-entity-events';

/** Options of {@link importWikidataEntities}. */
export interface ImportWikidataOptions extends WikidataEventOptions {
  /** How many P131 steps up to resolve as well (default 3: district → city → region → country). */
  locatedInDepth?: number;
  /** How many P279 steps up to resolve as well (default 1). */
  subclassOfDepth?: number;
}

/**
 * Resolve entities and add them to the graph (as `entity.upserted` and `link.added` events).
 *
 * @param graph - A directed or mixed multigraph.
 * @param resolver - Where entities come from.
 * @param ids - QIDs to resolve.
 * @param options - Depths to follow, label languages.
 * @returns Every entity resolved, the followed ones included.
 * @throws Whatever the resolver throws; `InvalidEventError` if a QID is already a group key.
 * @example
 * await importWikidataEntities(graph, createStaticResolver(fixtures), ['Q169293']); // also Q90
 */
export async function importWikidataEntities(
  graph: GraphLike,
  resolver: EntityResolver,
  ids: readonly string[],
  options: ImportWikidataOptions = {},
): Promise<WikidataEntity[]> {
  const locatedInDepth = options.locatedInDepth ?? 3;
  const subclassOfDepth = options.subclassOfDepth ?? 1;
  const resolved = new Map<string, WikidataEntity>();
  let wanted = [...new Set(ids)].map((id) => ({
    id,
    locatedIn: locatedInDepth,
    subclassOf: subclassOfDepth,
  }));
  while (wanted.length > 0) {
    const entities = await resolver.getEntities(wanted.map((item) => item.id));
    const budget = new Map(wanted.map((item) => [item.id, item]));
    const next = new Map<string, { id: string; locatedIn: number; subclassOf: number }>();
    for (const entity of entities) {
      resolved.set(entity.id, entity);
      const left = budget.get(entity.id) ?? { locatedIn: 0, subclassOf: 0 };
      const follow = (targets: string[], locatedIn: number, subclassOf: number) => {
        for (const id of targets) {
          if (resolved.has(id) || budget.has(id)) continue;
          const previous = next.get(id);
          next.set(id, {
            id,
            locatedIn: Math.max(locatedIn, previous?.locatedIn ?? 0),
            subclassOf: Math.max(subclassOf, previous?.subclassOf ?? 0),
          });
        }
      };
      if (left.locatedIn > 0) follow(entity.locatedIn, left.locatedIn - 1, 0);
      if (left.subclassOf > 0) follow(entity.subclassOf, 0, left.subclassOf - 1);
    }
    wanted = [...next.values()];
  }
  const all = [...resolved.values()];
  applyGraphEvents(graph, wikidataEntityEvents(all, options));
  return all;
}
