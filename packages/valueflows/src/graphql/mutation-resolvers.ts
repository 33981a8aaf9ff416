/**
 * The root mutations of the vf-graphql 0.8.5 modules the package implements, each handed to the
 * module's mutations (`agent-mutations`, `proposal-mutations`, …) with the store.
 *
 * @module
 */
import * as agents from './agent-mutations';
import * as agreements from './agreement-mutations';
import * as commitments from './commitment-mutations';
import * as fulfilment from './fulfilment-mutations';
import * as geolocation from './geolocation-mutations';
import * as intents from './intent-mutations';
import * as knowledge from './knowledge-mutations';
import * as measurement from './measurement-mutations';
import * as observation from './observation-mutations';
import * as proposals from './proposal-mutations';
import type { Input } from './store-input';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

type Id = { id: string };

/**
 * The `Mutation` resolvers.
 *
 * @param store - the records to change
 * @param view - the store's derived records (what a deletion must not leave dangling)
 * @returns the root mutation resolvers
 */
export function createMutationResolvers(store: VfStore, view: StoreView) {
  return {
    createPerson: (_: unknown, { person }: { person: Input }) => agents.createAgent(store, 'Person', person),
    updatePerson: (_: unknown, { person }: { person: Input }) => agents.updateAgent(store, 'Person', person),
    deletePerson: (_: unknown, { id }: Id) => agents.deleteAgent(store, 'Person', id),
    createOrganization: (_: unknown, { organization }: { organization: Input }) =>
      agents.createAgent(store, 'Organization', organization),
    updateOrganization: (_: unknown, { organization }: { organization: Input }) =>
      agents.updateAgent(store, 'Organization', organization),
    deleteOrganization: (_: unknown, { id }: Id) => agents.deleteAgent(store, 'Organization', id),
    createAgentRelationship: (_: unknown, { relationship }: { relationship: Input }) =>
      agents.createAgentRelationship(store, relationship),
    updateAgentRelationship: (_: unknown, { relationship }: { relationship: Input }) =>
      agents.updateAgentRelationship(store, relationship),
    deleteAgentRelationship: (_: unknown, { id }: Id) => agents.deleteAgentRelationship(store, id),
    createAgentRelationshipRole: (_: unknown, { agentRelationshipRole }: { agentRelationshipRole: Input }) =>
      agents.createAgentRelationshipRole(store, agentRelationshipRole),
    updateAgentRelationshipRole: (_: unknown, { agentRelationshipRole }: { agentRelationshipRole: Input }) =>
      agents.updateAgentRelationshipRole(store, agentRelationshipRole),
    deleteAgentRelationshipRole: (_: unknown, { id }: Id) => agents.deleteAgentRelationshipRole(store, id),
    createAgreement: (_: unknown, { agreement }: { agreement: Input }) =>
      agreements.createAgreement(store, agreement),
    updateAgreement: (_: unknown, { agreement }: { agreement: Input }) =>
      agreements.updateAgreement(store, agreement),
    deleteAgreement: (_: unknown, { id }: Id) => agreements.deleteAgreement(store, view, id),
    createSpatialThing: (_: unknown, { spatialThing }: { spatialThing: Input }) =>
      geolocation.createSpatialThing(store, spatialThing),
    updateSpatialThing: (_: unknown, { spatialThing }: { spatialThing: Input }) =>
      geolocation.updateSpatialThing(store, spatialThing),
    deleteSpatialThing: (_: unknown, { id }: Id) => geolocation.deleteSpatialThing(store, view, id),
    createResourceSpecification: (_: unknown, { resourceSpecification }: { resourceSpecification: Input }) =>
      knowledge.createResourceSpecification(store, resourceSpecification),
    updateResourceSpecification: (_: unknown, { resourceSpecification }: { resourceSpecification: Input }) =>
      knowledge.updateResourceSpecification(store, resourceSpecification),
    deleteResourceSpecification: (_: unknown, { id }: Id) =>
      knowledge.deleteResourceSpecification(store, view, id),
    createProcessSpecification: (_: unknown, { processSpecification }: { processSpecification: Input }) =>
      knowledge.createProcessSpecification(store, processSpecification),
    updateProcessSpecification: (_: unknown, { processSpecification }: { processSpecification: Input }) =>
      knowledge.updateProcessSpecification(store, processSpecification),
    deleteProcessSpecification: (_: unknown, { id }: Id) => knowledge.deleteProcessSpecification(store, id),
    createUnit: (_: unknown, { unit }: { unit: Input }) => measurement.createUnit(store, unit),
    updateUnit: (_: unknown, { unit }: { unit: Input }) => measurement.updateUnit(store, unit),
    deleteUnit: (_: unknown, { id }: Id) => measurement.deleteUnit(store, view, id),
    createEconomicEvent: (_: unknown, args: { event: Input; newInventoriedResource?: Input | null }) =>
      observation.createEconomicEvent(store, args),
    updateEconomicEvent: (_: unknown, { event }: { event: Input }) =>
      observation.updateEconomicEvent(store, event),
    deleteEconomicEvent: (_: unknown, { id }: Id) => observation.deleteEconomicEvent(store, id),
    updateEconomicResource: (_: unknown, { resource }: { resource: Input }) =>
      observation.updateEconomicResource(store, resource),
    deleteEconomicResource: (_: unknown, { id }: Id) => observation.deleteEconomicResource(store, view, id),
    createProductBatch: (_: unknown, { productBatch }: { productBatch: Input }) =>
      observation.createProductBatch(store, productBatch),
    updateProductBatch: (_: unknown, { productBatch }: { productBatch: Input }) =>
      observation.updateProductBatch(store, productBatch),
    deleteProductBatch: (_: unknown, { id }: Id) => observation.deleteProductBatch(store, view, id),
    createProcess: (_: unknown, { process }: { process: Input }) => observation.createProcess(store, process),
    updateProcess: (_: unknown, { process }: { process: Input }) => observation.updateProcess(store, process),
    deleteProcess: (_: unknown, { id }: Id) => observation.deleteProcess(store, view, id),
    createCommitment: (_: unknown, { commitment }: { commitment: Input }) =>
      commitments.createCommitment(store, commitment),
    updateCommitment: (_: unknown, { commitment }: { commitment: Input }) =>
      commitments.updateCommitment(store, commitment),
    deleteCommitment: (_: unknown, { id }: Id) => commitments.deleteCommitment(store, id),
    createIntent: (_: unknown, { intent }: { intent: Input }) => intents.createIntent(store, intent),
    updateIntent: (_: unknown, { intent }: { intent: Input }) => intents.updateIntent(store, intent),
    deleteIntent: (_: unknown, { id }: Id) => intents.deleteIntent(store, id),
    createFulfillment: (_: unknown, { fulfillment }: { fulfillment: Input }) =>
      fulfilment.createFulfillment(store, fulfillment),
    updateFulfillment: (_: unknown, { fulfillment }: { fulfillment: Input }) =>
      fulfilment.updateFulfillment(store, view, fulfillment),
    deleteFulfillment: (_: unknown, { id }: Id) => fulfilment.deleteFulfillment(store, view, id),
    createSatisfaction: (_: unknown, { satisfaction }: { satisfaction: Input }) =>
      fulfilment.createSatisfaction(store, view, satisfaction),
    updateSatisfaction: (_: unknown, { satisfaction }: { satisfaction: Input }) =>
      fulfilment.updateSatisfaction(store, view, satisfaction),
    deleteSatisfaction: (_: unknown, { id }: Id) => fulfilment.deleteSatisfaction(store, view, id),
    createProposal: (_: unknown, { proposal }: { proposal: Input }) =>
      proposals.createProposal(store, proposal),
    updateProposal: (_: unknown, { proposal }: { proposal: Input }) =>
      proposals.updateProposal(store, proposal),
    deleteProposal: (_: unknown, { id }: Id) => proposals.deleteProposal(store, id),
    proposeIntent: (
      _: unknown,
      args: { publishedIn: string; publishes: string; reciprocal?: boolean | null },
    ) => proposals.proposeIntent(store, args),
    deleteProposedIntent: (_: unknown, { id }: Id) => proposals.deleteProposedIntent(store, id),
    proposeTo: (_: unknown, args: { proposed: string; proposedTo: string }) =>
      proposals.proposeTo(store, args),
    deleteProposedTo: (_: unknown, { id }: Id) => proposals.deleteProposedTo(store, id),
    acceptProposal: (
      _: unknown,
      args: { proposal: string; counterparty: string; quantity?: unknown; created?: string; due?: string },
    ) => proposals.acceptProposalMutation(store, args),
  };
}
