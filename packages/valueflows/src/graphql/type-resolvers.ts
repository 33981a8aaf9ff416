/**
 * The field resolvers of the object types of the API: every field of the vf-graphql 0.8.5
 * types of the implemented modules (and of the ValueFlows 1.0 additions) that is not a plain
 * property of the stored record — agents (`agent-type-resolvers`), what the ledger observes
 * (`observation-type-resolvers`) and planning (`planning-type-resolvers`).
 *
 * @module
 */
import { createAgentTypeResolvers } from './agent-type-resolvers';
import { createObservationTypeResolvers } from './observation-type-resolvers';
import { createPlanningTypeResolvers } from './planning-type-resolvers';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

/**
 * Builds the resolvers of the object, interface and union types.
 *
 * @param store - the records
 * @param view - read helpers over them
 * @returns resolvers in the graphql-tools format
 */
export function createTypeResolvers(store: VfStore, view: StoreView) {
  return {
    ...createAgentTypeResolvers(store, view),
    ...createObservationTypeResolvers(store, view),
    ...createPlanningTypeResolvers(store, view),
  };
}
