/**
 * The deletions `vf-graphql-deletions.test.ts` runs on records created for them;
 * `vf-graphql-mutations.test.ts` runs every other mutation.
 *
 * @module
 */
export const STANDALONE_DELETIONS = [
  'deleteAgreement',
  'deleteUnit',
  'deleteResourceSpecification',
  'deleteSpatialThing',
  'deleteProductBatch',
  'deleteEconomicResource',
] as const;
