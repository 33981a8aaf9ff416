/**
 * @module
 * The power levels of a group's space and rooms, by role. Every state event type that decides who
 * the group is, who may join, who may read and what its rooms are needs power 100, listed
 * explicitly whatever `state_default` says; so do `invite`, `kick`, `ban` and `redact`. Power 100
 * is the group's authority's (and, from room version 12, the rooms' creators', who are never
 * listed). What members may send differs by role: nothing in the space, their own redactions
 * nowhere the group's evidence lives (the space and the decisions room). {@link createGroup} sets
 * these levels; {@link derivePowerLevels} keeps them as the control table and the authority change.
 * Pure.
 */
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';

/** The rooms a group may have, by role. */
export type GroupRoomRole = 'chat' | 'decisions' | 'announcements' | 'debate';

/** A group's space or one of its rooms, by role. */
export type GroupPlace = 'space' | GroupRoomRole;

/** The power of the group's authority (and of the creator before room version 12). */
export const AUTHORITY_LEVEL = 100;

/**
 * State event types that decide who the group is, who may join, who may read and what the
 * rooms are: only power 100 changes them (listed explicitly, whatever `state_default` says).
 */
export const PROTECTED_STATE_TYPES: readonly string[] = [
  MatrixEventTypes.powerLevels,
  MatrixEventTypes.joinRules,
  'm.room.history_visibility',
  'm.room.server_acl',
  'm.room.tombstone',
  MatrixEventTypes.encryption,
  'm.room.canonical_alias',
  'm.room.guest_access',
  'm.room.name',
  'm.room.topic',
  'm.room.avatar',
  'm.room.pinned_events',
  'm.room.third_party_invite',
  'im.vector.modular.widgets',
  MatrixEventTypes.spaceChild,
  MatrixEventTypes.spaceParent,
  ImagoEventTypes.authority,
  ImagoEventTypes.group,
  ImagoEventTypes.relation,
  ImagoEventTypes.controlTable,
  ImagoEventTypes.debateSettings,
];

/**
 * Where nobody but power 100 redacts, not even their own events: a settled decision's evidence
 * and the group's own record stay in every replay.
 */
export function locksHistory(place: GroupPlace): boolean {
  return place === 'space' || place === 'decisions';
}

/**
 * The `m.room.power_levels` content of a group's space or room.
 *
 * @param place - the space, or the room's role.
 * @param users - the listed users (the authority at 100; never a room version 12 creator).
 * @returns the content: protected state types, `invite`/`kick`/`ban`/`redact` and
 *   `notifications.room` at 100; `events_default` 100 in the space (nothing is said there),
 *   0 in the rooms; own redactions at 0 only where history is not locked.
 */
export function groupPowerLevels(
  place: GroupPlace,
  users: Readonly<Record<string, number>>,
): Record<string, unknown> {
  const events: Record<string, number> = {
    ...Object.fromEntries(PROTECTED_STATE_TYPES.map((type) => [type, AUTHORITY_LEVEL])),
    // Members may take back their own messages (and lower an Element Call hand, a redacted
    // reaction) where the room holds no evidence.
    [MatrixEventTypes.redaction]: locksHistory(place) ? AUTHORITY_LEVEL : 0,
    // A member's own state key (@user:server) protects it; anyone may set their own.
    [ImagoEventTypes.delegations]: 0,
    // MatrixRTC memberships (Element Call) use member-owned state keys too.
    [MatrixEventTypes.callMember]: 0,
  };
  return {
    users: { ...users },
    users_default: 0,
    events,
    events_default: place === 'space' ? AUTHORITY_LEVEL : 0,
    state_default: AUTHORITY_LEVEL,
    invite: AUTHORITY_LEVEL,
    kick: AUTHORITY_LEVEL,
    ban: AUTHORITY_LEVEL,
    redact: AUTHORITY_LEVEL,
    notifications: { room: AUTHORITY_LEVEL },
  };
}

/**
 * The users a group's rooms list: the authority at 100, and nobody else (room version 12
 * creators have unlimited power and must not be listed).
 *
 * @param authority - the group's authority.
 * @param creators - the room's privileged creators.
 * @returns the `users` map.
 */
export function authorityUsers(
  authority: readonly string[],
  creators: readonly string[] = [],
): Record<string, number> {
  return Object.fromEntries(
    authority.filter((member) => !creators.includes(member)).map((member) => [member, AUTHORITY_LEVEL]),
  );
}
