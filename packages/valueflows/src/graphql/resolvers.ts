/**
 * Resolvers of the ValueFlows GraphQL API, backed by a {@link VfStore} (and so by the ledger):
 * the root queries (`query-resolvers`) and mutations (`mutation-resolvers`) of the implemented
 * vf-graphql 0.8.5 modules and the fields of the types (`type-resolvers`), every one of them
 * turning the package's typed errors into GraphQL errors (`typed-errors`).
 *
 * @module
 */
import { createMutationResolvers } from './mutation-resolvers';
import { createQueryResolvers } from './query-resolvers';
import { createStoreView } from './store-view';
import { createTypeResolvers } from './type-resolvers';
import { withTypedErrors } from './typed-errors';
import type { VfStore } from './vf-store';

/**
 * Builds the resolver map for {@link createVfSchema}.
 *
 * @param store - the records to serve
 * @returns resolvers in the graphql-tools format
 */
export function createResolvers(store: VfStore) {
  const view = createStoreView(store);
  return withTypedErrors({
    Query: createQueryResolvers(store, view),
    Mutation: createMutationResolvers(store, view),
    ...createTypeResolvers(store, view),
  });
}
