/**
 * Imago on Matrix: the only package that knows Matrix. Groups are spaces with rooms, relations
 * are consented state events, decisions, ballots, resources and debates are room events; every
 * fold from room history back to domain state is pure and replayable.
 *
 * @module @imago/matrix-binding
 */
export { type AnnounceOptions, announce, type Delivery } from './announcements/announce';
export {
  type Announcement,
  type AnnouncementOrigin,
  readAnnouncement,
} from './announcements/announcement-content';
export {
  ANNOUNCING_ROLES,
  type AnnouncingGroup,
  announcingGroups,
  announcingRooms,
  checkAnnouncementOrigin,
} from './announcements/announcement-origin';
export { feedItemsFromLog, type ReadFeedOptions, readFeed } from './announcements/feed';
export { groupGraph } from './announcements/group-graph';
export { type ReachError, type ReachFailure, reachRoom } from './announcements/reach-room';
export { type ReceivedAnnouncement, receivedAnnouncements } from './announcements/received-announcements';
export {
  type AppserviceIdentity,
  createAppserviceClient,
  registerAppserviceUser,
} from './appservice/appservice-client';
export { admitToRoom, joinRoom, leaveRoom, setDisplayName } from './appservice/room-presence';
export { type MessageText, sendThreadMessage } from './appservice/thread-message';
export {
  type CreateImagoClientOptions,
  createImagoClient,
  loginWithPassword,
  type MatrixSession,
} from './client/create-client';
export { onEncryptedToDevice, sendEncryptedToDevice } from './client/encrypted-to-device';
export { type MatrixLogger, matrixSdkLogger, quietMatrixLogger } from './client/matrix-logger';
export {
  ClientEvent,
  EventType,
  KnownMembership,
  type MatrixClient,
  type MatrixEvent,
  MatrixEventEvent,
  MsgType,
  type Room,
  RoomEvent,
  RoomMemberEvent,
  RoomStateEvent,
  SyncState,
} from './client/matrix-sdk';
export { sendEvent, sendState } from './client/send';
export {
  type Assembly,
  assemblyMinutes,
  type Motion,
  maySpeak,
  type PostedMinutes,
  publishedMemberships,
  type ReplayAssemblyOptions,
  replayAssembly,
} from './debates/assembly';
export { type MotionInput, openMotion, postMinutes, requestToSpeak } from './debates/assembly-actions';
export { assemblyChairs, CHAIR_ASSEMBLY_KIND } from './debates/assembly-chairs';
export {
  type MinutesContent,
  type MinutesMotion,
  type MinutesTurn,
  type MotionContent,
  type MotionOutcome,
  readMinutesContent,
  readMotionContent,
} from './debates/assembly-content';
export { configureDebate, giveFloor, lowerHand, raiseHand } from './debates/debate-actions';
export {
  type DebateSettings,
  type FloorContent,
  type HandContent,
  RAISE_HAND_KEY,
  readDebateSettings,
  readFloorContent,
  readHandContent,
} from './debates/debate-content';
export {
  joinDebateSession,
  type MatrixRTCSession,
  type RtcTransport,
  sessionMemberships,
  waitForMemberships,
} from './debates/debate-session';
export {
  type AdvertisedTransport,
  isJoined,
  type OpenIdRejection,
  type OpenIdToken,
  type OpenIdVerification,
  requestOpenIdToken,
  rtcTransports,
  verifyOpenIdToken,
} from './debates/rtc-authorisation';
export {
  type Floor,
  isOvertime,
  type RaisedHand,
  type SessionMembership,
  type SpeakingQueue,
  type SpeakingQueueOptions,
  speakingQueue,
  type Turn,
} from './debates/speaking-queue';
export { readSpeakingSlot, SPEAKING_SLOTS, type SpeakingSlot, slotPriority } from './debates/speaking-slot';
export {
  type Delegation,
  type DelegationScope,
  type DelegationSet,
  type DelegationTarget,
  readDelegationSet,
  scopeKey,
} from './delegations/delegation-set';
export {
  type DiscoveredGroups,
  discoverGroups,
  type ListedSpace,
  listGroupInDirectory,
  listPublicSpaces,
  publishGroupCard,
  readGroupAnywhere,
  readGroupCard,
  type Unreached,
} from './discovery/discover-groups';
export {
  cardOf,
  GROUP_CARD_KEY,
  type GroupCard,
  groupCardContent,
  groupFromHierarchy,
  MAX_CARD_ENTRIES,
  readGroupCardContent,
} from './discovery/group-card';
export type { BallotDelivery } from './elections/ballot-delivery';
export { type BallotStatus, ballotStatus, trackerOf } from './elections/ballot-tracker';
export { electionEvidence, exportBelArchive, verifyElection } from './elections/election-archive';
export {
  type ElectionAuthority,
  type ElectionAuthorityOptions,
  electionAuthority,
} from './elections/election-authority';
export {
  type ElectionDuties,
  type ElectionDutiesOptions,
  type ElectionsUpdate,
  electionDuties,
} from './elections/election-duties';
export { electionGroup } from './elections/election-group';
export {
  CREDENTIAL_MESSAGE_TYPE,
  type CredentialMessage,
  RELAYED_BALLOT_TYPE,
  type RelayedBallot,
  readCredentialMessage,
  readRelayedBallot,
} from './elections/election-messages';
export {
  checkElectionOfDecision,
  type ElectionMismatch,
  type ElectionOfDecisionReport,
  electionOfDecision,
} from './elections/election-of-decision';
export {
  type BallotReceipt,
  type ElectionParticipant,
  type ElectionParticipantOptions,
  electionParticipant,
  type VoterStatus,
} from './elections/election-participant';
export type { ElectionActivity } from './elections/election-role';
export { type PreparedElection, prepareElection, type SetupBlocked } from './elections/election-setup';
export type { ElectionPhase, ReplayedStep, SecretBallotReplay } from './elections/election-state';
export {
  readSecretBallotStep,
  SECRET_BALLOT_STEP_TYPE,
  type SecretBallotStepContent,
} from './elections/election-step';
export {
  ballotFor,
  electionSetupTexts,
  encryptedTallyStep,
  partialDecryptionStep,
  resultStep,
  shuffleStep,
} from './elections/election-steps';
export { type ElectionStore, memoryElectionStore } from './elections/election-store';
export { type FollowedElections, followElections } from './elections/follow-elections';
export {
  type ReplaySecretBallotsOptions,
  replaySecretBallots,
  type SecretBallotsReplay,
  type TrusteeContributions,
} from './elections/replay-secret-ballots';
export {
  castBallot,
  postArchiveSteps,
  postStep,
  postTrusteeContribution,
  type SetupOptions,
} from './elections/secret-ballot-actions';
export { secretResultContent, secretResultVerifier, verifiedElections } from './elections/secret-result';
export {
  readTrusteeContribution,
  TRUSTEE_CONTRIBUTION_TYPE,
  TRUSTEE_STEPS,
  type TrusteeContributionContent,
  type TrusteeStep,
} from './elections/trustee-contribution';
export {
  type DueContribution,
  dueContribution,
  type TrusteeSecret,
  trusteeDecryptionKey,
} from './elections/trustee-key-establishment';
export { CryptoUnavailableError } from './errors/crypto-unavailable-error';
export {
  ElectionUnavailableError,
  type ElectionUnavailableReason,
} from './errors/election-unavailable-error';
export { HomeserverError } from './errors/homeserver-error';
export { InvalidArgumentError } from './errors/invalid-argument-error';
export { LoginFailedError } from './errors/login-failed-error';
export { MatrixBindingError } from './errors/matrix-binding-error';
export { NoTestHomeserverError } from './errors/no-test-homeserver-error';
export { RegistrationFailedError } from './errors/registration-failed-error';
export { ContentProblem, type JsonObject } from './events/content-reader';
export { DECIMAL_KEY, decodeDecimals, encodeDecimals } from './events/decimal-codec';
export { type ImagoEventType, ImagoEventTypes, MatrixEventTypes } from './events/event-types';
export type { ImagoWarning, ImagoWarningCode, WarningSink } from './events/imago-warning';
export {
  DEFAULT_MAX_CONTENT_BYTES,
  DomainEventPrefixes,
  type ImagoEvent,
  LARGE_MAX_CONTENT_BYTES,
  type ParsedEvent,
  type ParseEventOptions,
  POLL_DECISION_KEY,
  type PollResponse,
  type PollStart,
  parseImagoEvent,
  ROOM_ROLE_KEY,
  type SpaceLink,
} from './events/parse-imago-event';
export {
  type EventEnvelope,
  type MatrixEventSource,
  type RawMatrixEvent,
  toRawEvent,
} from './events/raw-matrix-event';
export {
  type CheckpointContent,
  MAX_CHECKPOINT_BYTES,
  readCheckpointContent,
} from './governance/checkpoint-content';
export { type ControlTableMirror, controlTableMirror } from './governance/control-table-mirror';
export {
  COUNTED_BUDGET_BYTES,
  type CountedClose,
  closeDecision,
  countedClose,
} from './governance/counted-close';
export {
  endPoll,
  initControlTable,
  mirrorAsPoll,
  propose,
  publishControlTable,
  respondToPoll,
  sendGovernanceEvent,
  setDelegations,
  vote,
} from './governance/decision-actions';
export {
  type Checkpoint,
  type CheckpointReading,
  postCheckpoint,
  readCheckpoint,
} from './governance/decisions-checkpoint';
export { DecisionsFold, type DecisionsFoldSnapshot, type PollMirror } from './governance/decisions-fold';
export {
  applyDerivedPowerLevels,
  applyGroupPowerLevels,
  type DerivedPowerInput,
  type DerivePowerLevelsOptions,
  derivePowerLevels,
  type GroupPowerLevelsResult,
  KIND_POWERS,
  type KindPower,
  kindLevel,
} from './governance/derived-power-levels';
export {
  type DecodedFoldSnapshot,
  decodeFoldSnapshot,
  encodeFoldSnapshot,
  foldDifferences,
  sha256Hex,
} from './governance/fold-snapshot-codec';
export {
  ADMIT_MEMBER_KIND,
  EXCLUDE_MEMBER_KIND,
  MembershipRoll,
  type MembershipRollData,
  memberActionUser,
} from './governance/membership-roll';
export {
  type ClockAdjustment,
  type DecisionsReplay,
  type GovernanceInput,
  type ReplayDecisionsOptions,
  replayDecisions,
} from './governance/replay-decisions';
export {
  type AdmissionRequest,
  admissionRequests,
  executeMemberships,
  knockOnGroup,
  type MembershipExecution,
  type MembershipStep,
  memberDecisions,
  pendingMemberships,
  proposeAdmission,
  proposeExclusion,
} from './group/admission';
export {
  type CreatedGroup,
  type CreateGroupOptions,
  createGroup,
  type GroupJoinRule,
  type GroupProfileInput,
} from './group/create-group';
export {
  type GroupAuthority,
  groupAuthorityContent,
  readGroupAuthority,
} from './group/group-authority';
export {
  AUTHORITY_LEVEL,
  authorityUsers,
  type GroupPlace,
  type GroupRoomRole,
  groupPowerLevels,
  locksHistory,
  PROTECTED_STATE_TYPES,
} from './group/group-power-levels';
export {
  type Coordinates,
  type GroupProfile,
  groupProfileContent,
  readGroupProfile,
} from './group/group-profile';
export {
  type GroupChild,
  type GroupKnock,
  type GroupMember,
  type GroupView,
  groupFromState,
  groupRoom,
  type MemberRole,
  maySend,
  type PowerLevels,
  powerLevelOf,
  readPowerLevels,
} from './group/group-view';
export { joinGroup } from './group/join-group';
export { publishAuthority } from './group/publish-authority';
export { readGroup } from './group/read-group';
export { roomCreators } from './group/room-creators';
export { type BackingDecisions, unbackedStateChanges } from './group/unbacked-state';
export { assertRelation, endRelation } from './relations/assert-relation';
export {
  consentedRelations,
  type GroupRelation,
  type RelationAssertions,
  type RelationChange,
  relationChanges,
} from './relations/consented-relations';
export { graphEventsBetween } from './relations/graph-events';
export {
  RELATION_TYPE_PATTERN,
  type RelationAssertion,
  readRelationAssertion,
} from './relations/relation-assertion';
export { type FetchRoomHistoryOptions, fetchRoomHistory, fetchRoomState } from './replay/fetch-room-history';
export {
  type CheckpointVerification,
  type DecisionsFollower,
  type FollowDecisionsOptions,
  followDecisions,
} from './replay/follow-decisions';
export {
  type FollowJoinedRoomsOptions,
  followJoinedRooms,
  type JoinedRoomsFollower,
} from './replay/follow-joined-rooms';
export {
  FOLLOW_PAGE_SIZE,
  type FollowerStats,
  type FollowRoomOptions,
  followRoom,
  type RoomFollower,
} from './replay/follow-room';
export {
  FollowedLog,
  type FollowedLogBase,
  type FollowedLogOptions,
  type LogChange,
} from './replay/followed-log';
export {
  type AppendOptions,
  appendToRoomLog,
  emptyRoomLog,
  type LogEntry,
  type LogWarning,
  latestState,
  logEvents,
  logWarnings,
  type RoomLog,
  RoomLogBuilder,
} from './replay/room-log';
export { type HoldReason, RoomTimeline, type TimelineChunk } from './replay/room-timeline';
export {
  AGREEMENT_EVENT_TYPE,
  type AgreementRecord,
  type AgreementRecordContent,
  readAgreementRecords,
  recordAgreement,
} from './resources/agreement-record';
export {
  type GroupLedger,
  LedgerKinds,
  type MatrixAgent,
  matrixAgent,
  speaksFor,
} from './resources/ledger-sides';
export {
  type ReplayResourcesOptions,
  ResourceEventTypes,
  type ResourcesReplay,
  replayResources,
} from './resources/replay-resources';
export { publishProposal, recordEconomicEvent } from './resources/resource-actions';
