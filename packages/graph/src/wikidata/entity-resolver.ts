/**
 * @module
 * Where entities come from: an {@link EntityResolver} answers QIDs with entities. The live one
 * ({@link createWikidataResolver}) asks the Wikidata API; {@link createStaticResolver} answers
 * from documents already at hand (tests, caches, offline use).
 */
import { WBK } from 'wikibase-sdk';
import { EntityResolutionError } from '../errors/entity-resolution-error';
import { readWikidataEntities } from './parse-wikidata-entities';
import type { WikidataEntity } from './wikidata-entity';

/** Resolves QIDs to entities. Unknown QIDs are simply absent from the answer. */
export interface EntityResolver {
  /** Fetch the entities with these QIDs. */
  getEntities(ids: readonly string[]): Promise<WikidataEntity[]>;
}

/**
 * A resolver answering from entity JSON documents at hand.
 *
 * @param documents - `wbgetentities` / `Special:EntityData` documents or entity objects.
 * @throws {MalformedEntityError} if a document is malformed (checked at once).
 * @example
 * const resolver = createStaticResolver([parisJson, lyonJson]);
 */
export function createStaticResolver(documents: readonly unknown[]): EntityResolver {
  const byId = new Map(readWikidataEntities([...documents]).map((entity) => [entity.id, entity]));
  return {
    async getEntities(ids) {
      return ids.flatMap((id) => {
        const entity = byId.get(id);
        return entity ? [entity] : [];
      });
    },
  };
}

/** Options of {@link createWikidataResolver}. */
export interface WikidataResolverOptions {
  /** Wikibase instance (default `https://www.wikidata.org`). */
  instance?: string;
  /** Label languages to request (default `['en']`). */
  languages?: string[];
  /** The `fetch` to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Sent as `Api-User-Agent`, as Wikimedia's API etiquette asks. */
  userAgent?: string;
}

/**
 * The live resolver: `wbgetentities` requests built by wikibase-sdk (50 QIDs per request).
 *
 * @param options - Instance, languages, fetch, user agent.
 * @returns A resolver; its `getEntities` rejects with {@link EntityResolutionError} on network,
 *   HTTP or API errors and with `MalformedEntityError` on malformed answers.
 * @example
 * const resolver = createWikidataResolver({ languages: ['fr', 'en'], userAgent: 'my-app/1.0' });
 * await importWikidataEntities(graph, resolver, ['Q90']);
 */
export function createWikidataResolver(options: WikidataResolverOptions = {}): EntityResolver {
  const wbk = WBK({ instance: options.instance ?? 'https://www.wikidata.org' });
  const doFetch = options.fetch ?? globalThis.fetch;
  return {
    async getEntities(ids) {
      if (ids.length === 0) return [];
      const urls = wbk.getManyEntities({
        ids: [...ids] as `Q${number}`[],
        languages: options.languages ?? ['en'],
        props: ['labels', 'claims'],
      });
      const entities: WikidataEntity[] = [];
      for (const url of urls) {
        let body: unknown;
        try {
          const response = await doFetch(url, {
            headers: options.userAgent ? { 'Api-User-Agent': options.userAgent } : {},
          });
          if (!response.ok) throw new EntityResolutionError(`HTTP ${response.status} from ${url}`);
          body = await response.json();
        } catch (cause) {
          if (cause instanceof EntityResolutionError) throw cause;
          throw new EntityResolutionError(`cannot fetch ${url}`, { cause });
        }
        const error = (body as { error?: { info?: string } }).error;
        if (error) throw new EntityResolutionError(`Wikidata API error: ${error.info ?? 'unknown'}`);
        entities.push(...readWikidataEntities(body));
      }
      return entities;
    },
  };
}
