/**
 * The ValueFlows GraphQL API of this package: the reference vf-graphql 0.8.5 schema for the
 * modules implemented, plus the ValueFlows 1.0 fields, with resolvers backed by the ledger.
 *
 * @module
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { type GraphQLSchema, printSchema } from 'graphql';
import { IMAGO_EXTENSIONS } from './imago-extensions';
import { createResolvers } from './resolvers';
import { VF_1_0_EXTENSIONS } from './vf-1-0-extensions';
import { buildReferenceSchema, type VfGraphqlModule } from './vf-graphql-reference';
import { createVfStore, type VfStore } from './vf-store';

/** The vf-graphql modules this package implements (resolvers backed by the ledger). */
export const IMPLEMENTED_MODULES: readonly VfGraphqlModule[] = Object.freeze([
  'agent',
  'agreement',
  'geolocation',
  'knowledge',
  'measurement',
  'observation',
  'planning',
  'proposal',
]);

/**
 * The SDL of the API: the reference schema of {@link IMPLEMENTED_MODULES} with the ValueFlows
 * 1.0 additions and Imago's (`acceptProposal`, `Intent.remainingQuantity`).
 *
 * @returns the schema as SDL text
 */
export function printVfSchema(): string {
  return printSchema(buildReferenceSchema(IMPLEMENTED_MODULES, [VF_1_0_EXTENSIONS, IMAGO_EXTENSIONS]));
}

/**
 * Builds the executable schema.
 *
 * @param store - the records to serve (default: an empty store)
 * @returns a schema to run queries with `graphql()` from the `graphql` package
 * @example
 * ```ts
 * import { graphql } from 'graphql';
 * const schema = createVfSchema(createVfStore({ ledger }));
 * await graphql({ schema, source: '{ economicResources { id onhandQuantity { hasNumericalValue } } }' });
 * ```
 */
export function createVfSchema(store: VfStore = createVfStore()): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: printVfSchema(), resolvers: createResolvers(store) });
}
