/**
 * Imago on Matrix: the only package that knows Matrix. Groups are spaces with rooms, relations
 * are consented state events, decisions, ballots, resources and debates are room events; every
 * fold from room history back to domain state is pure and replayable.
 *
 * @module @imago/matrix-binding
 */
export * from './announcements/index';
export * from './appservice/index';
export * from './client/index';
export * from './debates/index';
export * from './delegations/index';
export {
  type DiscoveredGroups,
  discoverGroups,
  type ListedSpace,
  listPublicSpaces,
  readGroupAnywhere,
  readGroupCard,
  readRelatedGroup,
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
export { listGroupInDirectory, publishGroupCard } from './discovery/publish-group';
export * from './elections/index';
export * from './errors/index';
export * from './events/index';
export {
  type BoundedBytes,
  gunzipSnapshot,
  gzipSnapshot,
  type SnapshotTransportError,
} from './governance/checkpoint-compression';
export {
  type CheckpointContent,
  type CheckpointEncoding,
  MAX_CHECKPOINT_BYTES,
  readCheckpointContent,
} from './governance/checkpoint-content';
export {
  type CheckpointBytes,
  type CheckpointBytesProblem,
  parseCheckpointBytes,
} from './governance/checkpoint-snapshot-bytes';
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
export * from './group/index';
export {
  assertRelation,
  endRelation,
  type RelationOptions,
  serversInRoom,
} from './relations/assert-relation';
export {
  consentedRelations,
  type GroupRelation,
  type RelationAssertions,
  type RelationChange,
  relationChanges,
} from './relations/consented-relations';
export { graphEventsBetween } from './relations/graph-events';
export {
  MAX_RELATION_VIA,
  RELATION_TYPE_PATTERN,
  type RelationAssertion,
  readRelationAssertion,
  readServerNames,
  SERVER_NAME_PATTERN,
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
export * from './resources/index';
