/**
 * What Imago adds to the vf-graphql 0.8.5 schema beyond the ValueFlows 1.0 fields: accepting a
 * proposal into an agreement (the flow of `acceptProposal`, which vf-graphql leaves to
 * `createAgreement` and `createCommitment` calls), the ValueFlows 1.0 proposal fields on the
 * proposal inputs, and what remains of an intent. Only optional fields and new operations are
 * added, so vf-graphql's `validate` still reports no breaking change.
 *
 * @module
 */

/** SDL merged into the reference schema after {@link VF_1_0_EXTENSIONS}. */
export const IMAGO_EXTENSIONS = /* GraphQL */ `
"An agreement made from a proposal, and what remains of the proposal."
type AcceptProposalResponse {
  agreement: Agreement!
  "The primary commitments, then the reciprocal ones"
  commitments: [Commitment!]!
  "The proposal after the agreement: its primary intents' availableQuantity reduced by what was agreed"
  proposal: Proposal!
}

extend type Mutation {
  """
  Accepts a proposal: creates the agreement and one commitment per intent of the proposal, and
  takes the agreed quantity off what remains of the proposal. Fails with code VF_PROPOSAL_TERMS
  (rule above-available, below-minimum, no-quantity, not-addressed, own-proposal, no-proposer,
  no-intent) and changes nothing.
  @param proposal the (Proposal) to accept
  @param counterparty the (Agent) accepting: the receiver of an offer, the provider for a request
  @param quantity how much of the first primary intent; default what remains (one unit when unit-based)
  """
  acceptProposal(
    proposal: ID!
    counterparty: ID!
    quantity: IMeasure
    created: DateTime
    due: DateTime
  ): AcceptProposalResponse!
}

extend input ProposalCreateParams {
  "vf:purpose: offer (default) or request"
  purpose: String
  "The agent publishing the proposal"
  proposer: ID
  "vf:proposedTo"
  proposedTo: [ID!]
}

extend input ProposalUpdateParams {
  "vf:purpose: offer or request"
  purpose: String
  "The agent publishing the proposal"
  proposer: ID
  "vf:proposedTo"
  proposedTo: [ID!]
}

extend input IntentCreateParams {
  "vf:minimumQuantity"
  minimumQuantity: IMeasure
}

extend input IntentUpdateParams {
  "vf:minimumQuantity"
  minimumQuantity: IMeasure
}

extend type Intent {
  """
  What is still open: availableQuantity when set, else the whole quantity of an all-or-nothing
  proposal; null when unlimited (a unit-based proposal without availableQuantity) or unknown
  """
  remainingQuantity: Measure
}
`;
