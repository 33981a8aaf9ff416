/**
 * A typed, non-mutating wrapper around the reference schema package `@valueflows/vf-graphql`
 * 0.8.5 (CommonJS, no typings for its functions, and `buildSchema` pushes `util` into and
 * re-sorts the module-id array it is given).
 *
 * @module
 */
import * as vfGraphqlNamespace from '@valueflows/vf-graphql';
import type { BreakingChange, GraphQLSchema } from 'graphql';

/** The schema modules of vf-graphql 0.8.5 (`schemaModules` of its `schema-manifest.js`). */
export const VF_GRAPHQL_MODULES = [
  'agent',
  'agreement',
  'appreciation',
  'claim',
  'geolocation',
  'knowledge',
  'measurement',
  'observation',
  'plan',
  'planning',
  'proposal',
  'recipe',
  'scenario',
  'util',
] as const;

/** A vf-graphql module identifier. */
export type VfGraphqlModule = (typeof VF_GRAPHQL_MODULES)[number];

interface VfGraphqlApi {
  buildSchema(moduleIds?: string[], extensionSchemas?: string[]): GraphQLSchema;
  printSchema(schema: GraphQLSchema): string;
  validate(schema: GraphQLSchema, moduleIds?: string[], extensionSchemas?: string[]): BreakingChange[];
}

const namespace = vfGraphqlNamespace as unknown as VfGraphqlApi & { default?: VfGraphqlApi };
const api: VfGraphqlApi = namespace.default ?? namespace;

/**
 * Builds the reference schema for some modules (vf-graphql's `buildSchema`), without touching
 * the caller's array.
 *
 * @param modules - module identifiers; the reference package adds `util` and the bridging schemas
 * @param extensions - SDL strings merged into the schema
 * @returns the schema
 */
export function buildReferenceSchema(
  modules: readonly VfGraphqlModule[],
  extensions: readonly string[] = [],
): GraphQLSchema {
  return api.buildSchema([...modules], [...extensions]);
}

/**
 * vf-graphql's `validate`: the breaking changes from the reference schema of `modules` to
 * `schema` (graphql-js `findBreakingChanges`). Empty means `schema` implements those modules.
 *
 * @param schema - the schema to check
 * @param modules - the modules it claims
 * @returns breaking changes (none when conformant)
 */
export function validateAgainstReference(
  schema: GraphQLSchema,
  modules: readonly VfGraphqlModule[],
): BreakingChange[] {
  return api.validate(schema, [...modules]);
}
