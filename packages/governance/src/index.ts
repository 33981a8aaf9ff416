/**
 * @module @imago/governance
 *
 * The pure, deterministic decision engine of a group: its control table (which protocol
 * decides which kind of action), the decision protocols (oligarchy, democracy, consensus,
 * consent, do-ocracy), the decision life cycle as a replayable reducer over events, liquid
 * democracy, and the integration points for secret ballots with Helios-C.
 *
 * Counting methods on their own: `@imago/governance/methods`.
 */

export { ACTION_KIND_PATTERN, type ActionKind, ActionKinds } from './control-table/action-kinds';
export { type ControlTable, ruleFor } from './control-table/control-table';
export {
  controlTableToJson,
  type ParseResult,
  parseControlTable,
} from './control-table/parse-control-table';
export type {
  ConsensusRule,
  ConsentRule,
  Deciders,
  DemocracyRule,
  DoOcracyRule,
  EscalationRule,
  GroupDelegationMode,
  OligarchyRule,
  ProtocolName,
  ProtocolRule,
} from './control-table/protocol-rule';
export {
  type ControlTableHistory,
  type TableEra,
  tableAt,
  tableInForce,
} from './control-table/table-history';
export {
  type Ballot,
  COUNTING_METHOD_NAMES,
  type CountingMethodName,
  type CountResult,
  isHomomorphicMethod,
  type WeightedBallot,
} from './counting/counting-method';
export { markRedacted } from './decisions/awaited-evidence';
export { countedEvidence, countsToName } from './decisions/counted-evidence';
export type {
  Challenge,
  Decision,
  DecisionCount,
  DecisionOutcome,
  DecisionStatus,
  DemocracyTally,
  Objection,
  OutcomeReason,
  Participation,
  SecretSetup,
  StanceRecord,
} from './decisions/decision';
export {
  COUNTED_TYPES,
  type CourseEvent,
  type DelegateEvent,
  type EvidenceRecord,
  PARTICIPATION_TYPES,
  type ParticipationEvent,
} from './decisions/evidence-record';
export type { GovernanceContext, SecretResultVerifier } from './decisions/governance-context';
export { type GovernanceState, initialGovernanceState } from './decisions/governance-state';
export { type ClockState, DEFAULT_CLOCK_SKEW, effectiveTime } from './decisions/group-clock';
export type { CountIssue } from './decisions/recount';
export { type ReduceResult, reduce } from './decisions/reduce';
export type { RejectedEvent, RejectionReason } from './decisions/rejection';
export { evaluateAt, type ReplayResult, replay } from './decisions/replay';
export {
  type DelegationScope,
  type DelegationTarget,
  effectiveDelegation,
  type MemberDelegations,
} from './delegation/delegation-scope';
export type { GroupDelegateReport, GroupDelegation } from './delegation/group-delegate';
export {
  type DelegationInput,
  type DelegationResolution,
  resolveDelegations,
} from './delegation/resolve-delegations';
export { GovernanceError } from './errors/governance-error';
export { InvalidControlTableError } from './errors/invalid-control-table-error';
export { InvalidEventError } from './errors/invalid-event-error';
export { SecretBallotError } from './errors/secret-ballot-error';
export {
  type AmendContent,
  type ChangeAuthorityAction,
  type CloseContent,
  type CountedByDecision,
  type CountedIds,
  type CountedPartContent,
  type DecisionRefContent,
  type DelegateContent,
  type GovernanceEvent,
  type GovernanceEventContents,
  type GovernanceEventOf,
  type GovernanceEventType,
  GovernanceEventTypes,
  type InitContent,
  type ProposeContent,
  type RawGovernanceEvent,
  type ReasonedContent,
  type RevokeContent,
  type SecretResultContent,
  type Stance,
  type StanceContent,
  type TickContent,
  type VoteContent,
  type WithdrawObjectionContent,
} from './events/event-types';
export { MAX_COUNTED_IDS } from './events/parse-counted';
export { parseGovernanceEvent } from './events/parse-event';
export type { GroupId, MemberId } from './membership/member-id';
export { PersistentMap } from './persistent/persistent-map';
export { standingBlocks } from './protocols/consensus';
export { standingObjections } from './protocols/consent';
export { publicDelegation } from './protocols/democracy/democracy';
export {
  credentialWeights,
  heliosQuestion,
  type SecretElectionParameters,
  secretElectionParameters,
  voterCredentialWeights,
} from './secret-ballot/election-parameters';
export {
  type ElectionTrustees,
  MAX_MEMBER_TRUSTEES,
  type TrusteesRule,
} from './secret-ballot/election-trustees';
export { secretDelegationEvidence, weightsListKey } from './secret-ballot/named-weights';
