/**
 * @module
 * What a group is on Matrix, read from its space's state: profile (`org.imago.group`), rooms and
 * sub-groups (`m.space.child`, with Imago's `org.imago.room` role), parent groups
 * (`m.space.parent`), members (`m.room.member`) and their roles (`m.room.power_levels`), and the
 * relations this side asserts (`org.imago.relation`). Pure: state events in, view out.
 */
import { MatrixEventTypes } from '../events/event-types';
import type { ImagoWarning } from '../events/imago-warning';
import { type ImagoEvent, parseImagoEvent } from '../events/parse-imago-event';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import type { RelationAssertion } from '../relations/relation-assertion';
import type { GroupAuthority } from './group-authority';
import type { GroupProfile } from './group-profile';
import { roomCreators } from './room-creators';

/** A member's role, from power levels: `admin` (≥ 100), `moderator` (≥ 50) or `member`. */
export type MemberRole = 'admin' | 'moderator' | 'member';

/** A joined member of the group's space. */
export interface GroupMember {
  readonly userId: string;
  readonly powerLevel: number;
  readonly role: MemberRole;
}

/** A request to join the group: a knock on its space. */
export interface GroupKnock {
  readonly userId: string;
  /** When the knock was sent (its homeserver's claim). */
  readonly at: number;
  readonly reason?: string;
  readonly eventId: string;
}

/** A child of the group's space: one of its rooms or a sub-group. */
export interface GroupChild {
  readonly roomId: string;
  /** `chat`, `decisions`, `announcements`, `debate`, `sub-group`, or absent for other rooms. */
  readonly role?: string;
  readonly via: readonly string[];
}

/** A group as its space's state describes it. */
export interface GroupView {
  readonly spaceId: string;
  /** Absent when the space has no valid `org.imago.group` (not an Imago group, or a malformed one). */
  readonly profile?: GroupProfile;
  /**
   * The group's pin (`org.imago.authority`): its decisions room and its authority. Absent when
   * the space has none (or a malformed one): such a space has no trustworthy decisions room.
   */
  readonly authority?: GroupAuthority & {
    /** The pin's event id. */
    readonly eventId: string;
    /** The pin it replaced (`unsigned.replaces_state`): absent on the founding pin. */
    readonly replaces?: string;
  };
  readonly children: readonly GroupChild[];
  /** Space ids of the sub-groups (children with role `sub-group`). */
  readonly subGroups: readonly string[];
  /** Space ids of the parent groups; the canonical one first. */
  readonly parents: readonly string[];
  readonly members: readonly GroupMember[];
  /** Pending requests to join (knocks on the space), oldest first. */
  readonly knocks: readonly GroupKnock[];
  /** Every user's membership of the space (`join`, `invite`, `knock`, `leave`, `ban`). */
  readonly memberships: ReadonlyMap<string, string>;
  /** Relations this group asserts, by the other group's space id. */
  readonly relations: ReadonlyMap<string, RelationAssertion>;
  /** Power level needed to send each state event type that matters here. */
  readonly powerLevels: PowerLevels;
  readonly warnings: readonly ImagoWarning[];
}

/** The parts of `m.room.power_levels` Imago reads, with the specification's defaults. */
export interface PowerLevels {
  readonly users: Readonly<Record<string, number>>;
  readonly usersDefault: number;
  readonly events: Readonly<Record<string, number>>;
  readonly eventsDefault: number;
  readonly stateDefault: number;
  /** Room creators with unlimited power (room version 12 and later): `m.room.create` sender and `additional_creators`. */
  readonly creators: readonly string[];
}

/**
 * Reads `m.room.power_levels` content leniently (the homeserver has already validated it).
 *
 * @param content - the content, or `undefined` when the room has none.
 * @param creators - the room's privileged creators (see {@link roomCreators}).
 * @returns the power levels with the specification's defaults.
 */
export function readPowerLevels(content: unknown, creators: readonly string[] = []): PowerLevels {
  const object = (typeof content === 'object' && content !== null ? content : {}) as Record<string, unknown>;
  const numbers = (value: unknown): Record<string, number> =>
    Object.fromEntries(
      Object.entries(typeof value === 'object' && value !== null ? value : {}).filter(
        (entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]),
      ),
    );
  const number = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return {
    users: numbers(object.users),
    usersDefault: number(object.users_default, 0),
    events: numbers(object.events),
    eventsDefault: number(object.events_default, 0),
    stateDefault: number(object.state_default, content === undefined ? 0 : 50),
    creators,
  };
}

/**
 * A user's power level.
 *
 * @param levels - the room's power levels.
 * @param userId - the user.
 * @returns their level.
 */
export function powerLevelOf(levels: PowerLevels, userId: string): number {
  if (levels.creators.includes(userId)) return Number.POSITIVE_INFINITY;
  return Object.hasOwn(levels.users, userId) ? (levels.users[userId] as number) : levels.usersDefault;
}

/**
 * Whether a user may send an event type in a room with these power levels.
 *
 * @param levels - the room's power levels.
 * @param userId - the sender.
 * @param type - the event type.
 * @param state - whether it is a state event.
 * @returns whether the power levels allow it.
 */
export function maySend(levels: PowerLevels, userId: string, type: string, state: boolean): boolean {
  const needed = Object.hasOwn(levels.events, type)
    ? (levels.events[type] as number)
    : state
      ? levels.stateDefault
      : levels.eventsDefault;
  return powerLevelOf(levels, userId) >= needed;
}

function roleOf(level: number): MemberRole {
  return level >= 100 ? 'admin' : level >= 50 ? 'moderator' : 'member';
}

/**
 * Builds the view of a group from its space's current state.
 *
 * @param spaceId - the space.
 * @param state - the space's current state events (e.g. from {@link fetchRoomState}).
 * @returns the group view; malformed Imago state is left out and reported in `warnings`.
 */
export function groupFromState(spaceId: string, state: Iterable<RawMatrixEvent>): GroupView {
  const warnings: ImagoWarning[] = [];
  const children: GroupChild[] = [];
  const parents: { roomId: string; canonical: boolean }[] = [];
  const relations = new Map<string, RelationAssertion>();
  const joined: string[] = [];
  const knocks: GroupKnock[] = [];
  const memberships = new Map<string, string>();
  let profile: GroupProfile | undefined;
  let authority: GroupView['authority'];
  let powerLevelContent: unknown;
  let create: RawMatrixEvent | undefined;
  for (const raw of state) {
    if (raw.type === MatrixEventTypes.powerLevels && raw.state_key === '') {
      powerLevelContent = raw.content;
      continue;
    }
    if (raw.type === MatrixEventTypes.create && raw.state_key === '') {
      create = raw;
      continue;
    }
    if (raw.type === MatrixEventTypes.member) {
      const content = (raw.content ?? {}) as { membership?: unknown; reason?: unknown };
      const user = raw.state_key;
      if (typeof content.membership !== 'string' || typeof user !== 'string') continue;
      memberships.set(user, content.membership);
      if (content.membership === 'join') joined.push(user);
      if (content.membership === 'knock' && typeof raw.event_id === 'string') {
        knocks.push({
          userId: user,
          at: typeof raw.origin_server_ts === 'number' ? raw.origin_server_ts : 0,
          eventId: raw.event_id,
          ...(typeof content.reason === 'string' ? { reason: content.reason.slice(0, 500) } : {}),
        });
      }
      continue;
    }
    const parsed = parseImagoEvent(raw, { roomId: spaceId });
    if (parsed.status === 'warning') {
      warnings.push(parsed.warning);
      continue;
    }
    if (parsed.status !== 'event') continue;
    const event: ImagoEvent = parsed.event;
    switch (event.kind) {
      case 'group-profile':
        profile = event.content;
        break;
      case 'authority': {
        const replaces = (raw.unsigned as { replaces_state?: unknown } | undefined)?.replaces_state;
        authority = {
          ...event.content,
          eventId: event.eventId,
          ...(typeof replaces === 'string' ? { replaces } : {}),
        };
        break;
      }
      case 'space-child':
        if (event.content) {
          children.push({
            roomId: event.stateKey,
            via: event.content.via,
            ...(event.content.role ? { role: event.content.role } : {}),
          });
        }
        break;
      case 'space-parent':
        if (event.content)
          parents.push({ roomId: event.stateKey, canonical: event.content.canonical === true });
        break;
      case 'relation':
        if (event.content) relations.set(event.stateKey, event.content);
        break;
      default:
        break;
    }
  }
  const powerLevels = readPowerLevels(powerLevelContent, roomCreators(create));
  parents.sort((a, b) => Number(b.canonical) - Number(a.canonical));
  const members = joined.sort().map((userId) => {
    const level = powerLevelOf(powerLevels, userId);
    return { userId, powerLevel: level, role: roleOf(level) };
  });
  children.sort((a, b) => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0));
  return {
    spaceId,
    ...(profile ? { profile } : {}),
    ...(authority ? { authority } : {}),
    children,
    subGroups: children.filter((child) => child.role === 'sub-group').map((child) => child.roomId),
    parents: parents.map((parent) => parent.roomId),
    members,
    knocks: knocks.sort((a, b) => a.at - b.at || (a.userId < b.userId ? -1 : 1)),
    memberships,
    relations,
    powerLevels,
    warnings,
  };
}

/**
 * The room of a group with a given role: for `decisions`, the room the group's pin names (never a
 * space child that a moderator could add); for the others, the first child with that role in room
 * id order.
 *
 * @param group - the group view.
 * @param role - `chat`, `decisions`, `announcements`, `debate`…
 * @returns the room id, or `undefined` (for `decisions`: when the group has no valid pin).
 */
export function groupRoom(group: GroupView, role: string): string | undefined {
  if (role === 'decisions') return group.authority?.decisions;
  return group.children.find((child) => child.role === role)?.roomId;
}
