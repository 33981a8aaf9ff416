/**
 * `@imago/valueflows/graphql` — the ValueFlows GraphQL API (vf-graphql 0.8.5 schema plus the
 * ValueFlows 1.0 fields) with resolvers backed by the ledger.
 *
 * @module @imago/valueflows/graphql
 */
export { createVfSchema, IMPLEMENTED_MODULES, printVfSchema } from './executable-schema';
export { IMAGO_EXTENSIONS } from './imago-extensions';
export type {
  AgentRelationship,
  AgentRelationshipRole,
  Fulfillment,
  ProductBatch,
  Satisfaction,
  UnitRecord,
} from './store-records';
export { VF_1_0_EXTENSIONS } from './vf-1-0-extensions';
export {
  buildReferenceSchema,
  VF_GRAPHQL_MODULES,
  type VfGraphqlModule,
  validateAgainstReference,
} from './vf-graphql-reference';
export { createVfStore, type Place, type VfStore, type VfStoreInit } from './vf-store';
