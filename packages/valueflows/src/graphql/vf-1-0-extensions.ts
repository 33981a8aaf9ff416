/**
 * Fields ValueFlows 1.0 (all_vf.TTL) has and the vf-graphql 0.8.5 schema lacks. The schema only
 * gains fields, never loses any, so that vf-graphql's `validate` reports no breaking change.
 *
 * @module
 */

/** SDL merged into the reference schema. */
export const VF_1_0_EXTENSIONS = /* GraphQL */ `
extend type Action {
  "vf:accountingEffect (ValueFlows 1.0); the 0.8 field resourceEffect carries the same value."
  accountingEffect: String
  "vf:locationEffect"
  locationEffect: String
  "vf:containedEffect"
  containedEffect: String
  "vf:accountableEffect"
  accountableEffect: String
  "vf:stageEffect"
  stageEffect: String
  "vf:stateEffect"
  stateEffect: String
  "vf:createResource: optional, optionalTo or notApplicable"
  createResource: String
  "vf:eventQuantity: resource, effort or both"
  eventQuantity: String
}

extend type Proposal {
  "vf:purpose: offer or request"
  purpose: String
  "The agent who published the proposal"
  proposer: Agent
  "The primary intents (vf:publishes), without the ProposedIntent indirection"
  primaryIntents: [Intent!]
  "The reciprocal intents (vf:reciprocal)"
  reciprocalIntents: [Intent!]
  "vf:proposedTo"
  proposedTo: [Agent!]
}

extend type Intent {
  "vf:minimumQuantity"
  minimumQuantity: Measure
}

extend type EconomicResource {
  "The agent with custody when it is not the primary accountable one (imago:custodian)"
  custodian: Agent
  "vf:state as text (the 0.8 field state is typed Action)"
  stateLabel: String
}

extend type EconomicEvent {
  "vf:corrects"
  corrects: EconomicEvent
  "vf:state"
  state: String
  "vf:reciprocalRealizationOf"
  reciprocalRealizationOf: Agreement
}

extend input EconomicEventCreateParams {
  "vf:corrects: the event this one corrects; the corrected event's effects are backed out"
  corrects: ID
}

extend type Commitment {
  "vf:reciprocalClauseOf"
  reciprocalClauseOf: Agreement
}
`;
