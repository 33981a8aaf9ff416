/**
 * Groups: creating, joining, reading one, its profile, authority, power levels and admissions.
 *
 * @module
 */
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
} from './admission';
export {
  type CreatedGroup,
  type CreateGroupOptions,
  createGroup,
  type GroupJoinRule,
  type GroupProfileInput,
} from './create-group';
export {
  type GroupAuthority,
  groupAuthorityContent,
  readGroupAuthority,
} from './group-authority';
export {
  AUTHORITY_LEVEL,
  authorityUsers,
  type GroupPlace,
  type GroupRoomRole,
  groupPowerLevels,
  locksHistory,
  PROTECTED_STATE_TYPES,
} from './group-power-levels';
export {
  type Coordinates,
  type GroupProfile,
  groupProfileContent,
  readGroupProfile,
} from './group-profile';
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
} from './group-view';
export { joinGroup, joinGroupBySpace } from './join-group';
export { publishAuthority } from './publish-authority';
export { readGroup } from './read-group';
export { roomCreators } from './room-creators';
export { type BackingDecisions, unbackedStateChanges } from './unbacked-state';
