/**
 * @module @imago/graph/wikidata
 * Public entities from Wikidata: parsing entity JSON (through wikibase-sdk), resolvers (live or
 * static), and folding entities into the group graph.
 */
export { EntityResolutionError } from '../errors/entity-resolution-error';
export { MalformedEntityError } from '../errors/malformed-entity-error';
export {
  createStaticResolver,
  createWikidataResolver,
  type EntityResolver,
  type WikidataResolverOptions,
} from './entity-resolver';
export { type ImportWikidataOptions, importWikidataEntities } from './import-wikidata-entities';
export { parseWikidataEntities, readWikidataEntities } from './parse-wikidata-entities';
export { entityLabel, type WikidataEntity } from './wikidata-entity';
export { type WikidataEventOptions, wikidataEntityEvents } from './wikidata-entity-events';
