/**
 * `@imago/valueflows` — ValueFlows 1.0 for groups: agents, resources, economic events with the
 * action effects of the ValueFlows ontology, an invariant-checked ledger, offers and needs
 * (proposals) and their matching, agreements and their fulfilment, track and trace of resource
 * flows, JSON-LD and FEP-0837.
 * The GraphQL API is the separate entry point `@imago/valueflows/graphql`.
 *
 * @module @imago/valueflows
 */
export type {
  AccountableEffect,
  ActionDefinition,
  ActionId,
  ContainedEffect,
  CreateResource,
  EventQuantity,
  InputOutput,
  LocationEffect,
  QuantityEffect,
  StageEffect,
  StateEffect,
} from './actions/action-definition';
export { ACTION_IDS, ACTIONS, getAction, isActionId, normalizeActionId } from './actions/action-table';
export { AlreadyCorrectedError } from './errors/already-corrected-error';
export { DuplicateEventError } from './errors/duplicate-event-error';
export { DuplicateResourceError } from './errors/duplicate-resource-error';
export { IncompatibleUnitsError } from './errors/incompatible-units-error';
export { InvalidEventError } from './errors/invalid-event-error';
export { LedgerRejectionError } from './errors/ledger-rejection-error';
export { NegativeQuantityError } from './errors/negative-quantity-error';
export { VfParseError } from './errors/parse-error';
export { ProposalTermsError } from './errors/proposal-terms-error';
export { RecordConflictError } from './errors/record-conflict-error';
export { UnauthorisedRecorderError } from './errors/unauthorised-recorder-error';
export { UnitMismatchError } from './errors/unit-mismatch-error';
export { UnknownActionError } from './errors/unknown-action-error';
export { UnknownEventError } from './errors/unknown-event-error';
export { UnknownRecordError } from './errors/unknown-record-error';
export { UnknownResourceError } from './errors/unknown-resource-error';
export { ValueflowsError } from './errors/valueflows-error';
export { WrongProviderError } from './errors/wrong-provider-error';
export { WrongReceiverError } from './errors/wrong-receiver-error';
export { type AcceptedProposal, type AcceptProposalTerms, acceptProposal } from './exchange/accept-proposal';
export {
  agreementProgress,
  type FlowProgress,
  trackFulfilment,
  trackSatisfaction,
  trackSettlement,
} from './exchange/fulfilment';
export { remainingQuantity } from './exchange/remaining-quantity';
export {
  ACTIVITY_STREAMS_CONTEXT,
  AS_PUBLIC,
  FEP_0837_CONTEXT,
  type Fep0837ExportOptions,
  proposalFromFep0837,
  proposalToFep0837,
} from './jsonld/fep-0837';
export { agentToJsonLd, type JsonLdDocument, toJsonLd, type VfClass } from './jsonld/to-json-ld';
export { IMAGO_NAMESPACE, VF_CONTEXT, VF_NAMESPACE } from './jsonld/vf-context';
export {
  answeringAgent,
  answeringSide,
  changesResource,
  changesToResource,
  type EventSide,
  type SpeaksFor,
  takesCustody,
  takesRights,
} from './ledger/answering-side';
export { applyEvent, type LedgerResult } from './ledger/apply-event';
export {
  createLedger,
  type LedgerInit,
  type LedgerState,
  type QuantityDelta,
  type RecordedEvent,
} from './ledger/ledger-state';
export type { PlanOptions } from './ledger/plan-event';
export {
  type LedgerRejection,
  type ReplayOptions,
  type ReplayResult,
  replayLedger,
} from './ledger/replay-ledger';
export { normalizeClassification } from './matching/classification';
export { match } from './matching/match';
export type {
  CandidateMatch,
  MatchOptions,
  MatchReason,
  MatchReasonCode,
  MatchWeights,
  PublishedIntent,
} from './matching/match-types';
export {
  addMeasures,
  areUnitsCompatible,
  compareMeasures,
  conversionFactor,
  convertMeasure,
  scaleMeasure,
  subtractMeasures,
} from './measures/measure-arithmetic';
export { getUnit, listUnits, normalizeUnitId, OM2_NAMESPACE, type Om2Unit } from './measures/om2-units';
export type { Agent, AgentType } from './model/agent';
export type { Agreement } from './model/agreement';
export type { Claim } from './model/claim';
export type { Commitment } from './model/commitment';
export type { EconomicEvent, NewInventoriedResource } from './model/economic-event';
export type { EconomicResource } from './model/economic-resource';
export type { PlannedFlow } from './model/flow';
export type { Intent } from './model/intent';
export type { Measure } from './model/measure';
export type { Process } from './model/process';
export type { ProcessSpecification } from './model/process-specification';
export type { Proposal, ProposalPurpose } from './model/proposal';
export type { ResourceSpecification } from './model/resource-specification';
export type { SpatialThing } from './model/spatial-thing';
export {
  parseEconomicEvent,
  parseEventLog,
  readEconomicEvent,
  readEventLog,
} from './parse/parse-economic-event';
export { parseMeasure, parseSpatialThing, readMeasure, readSpatialThing } from './parse/parse-measure';
export {
  parseIntent,
  parseProposal,
  parseProposalList,
  readIntent,
  readProposal,
  readProposalList,
} from './parse/parse-proposal';
export {
  parseAgent,
  parseAgreement,
  parseClaim,
  parseCommitment,
  parseProcess,
  parseResourceSpecification,
  readAgent,
  readAgreement,
  readClaim,
  readCommitment,
  readProcess,
  readResourceSpecification,
} from './parse/parse-records';
export {
  type FlowItem,
  type FlowItemKind,
  nextProcesses,
  previousProcesses,
  trace,
  track,
} from './provenance/track-trace';
