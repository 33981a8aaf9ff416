/**
 * @module
 * Power levels derived from the control table and the authority, per event type, never per user.
 * The level an event type needs follows the table's rule for the kind of action it executes: a
 * kind decided by do-ocracy is open to every member (0: whoever does it decides, and a challenge
 * escalates); any other kind is executed by the group's authority alone (100), once a decision
 * adopted it, and the decisions replay reports an execution no decision backs. Users are never
 * raised for a kind: the authority holds 100, nobody else is listed, so whatever an earlier table
 * or an earlier authority held is lowered when the table or the authority changes (room version 12
 * creators keep their unlimited power: Matrix gives no way to lower it). History stays locked
 * (redactions at 100) in the space and the decisions room whatever the table says.
 * {@link derivePowerLevels} is pure; {@link applyDerivedPowerLevels} writes it.
 */
import { type ControlTable, ruleFor } from '@imago/governance';
import { canonicalJson } from '@imago/kit/canonical-json';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendState } from '../client/send';
import { HomeserverError } from '../errors/homeserver-error';
import { MatrixBindingError } from '../errors/matrix-binding-error';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import {
  AUTHORITY_LEVEL,
  authorityUsers,
  type GroupPlace,
  groupPowerLevels,
  locksHistory,
} from '../group/group-power-levels';
import { roomCreators } from '../group/room-creators';

/** A power that executes a kind of action: an event type's level or a membership/redaction key. */
export interface KindPower {
  readonly event?: string;
  readonly key?: 'invite' | 'kick' | 'ban' | 'redact';
  /** Where it applies (default: the space and every room). */
  readonly places?: readonly GroupPlace[];
}

const ROOMS_WITHOUT_EVIDENCE: readonly GroupPlace[] = ['chat', 'announcements', 'debate'];

/**
 * What executing each built-in kind of action takes on Matrix. The pin (`org.imago.authority`)
 * and `m.room.power_levels` are not here: they stay at 100 whatever the table says, as the
 * authority is who executes.
 */
export const KIND_POWERS: Readonly<Record<string, readonly KindPower[]>> = {
  'change-profile': [
    { event: ImagoEventTypes.group, places: ['space'] },
    { event: 'm.room.name' },
    { event: 'm.room.topic' },
    { event: 'm.room.avatar' },
  ],
  'create-relation': [{ event: ImagoEventTypes.relation, places: ['space'] }],
  'accept-relation': [{ event: ImagoEventTypes.relation, places: ['space'] }],
  'end-relation': [{ event: ImagoEventTypes.relation, places: ['space'] }],
  'change-control-table': [{ event: ImagoEventTypes.controlTable, places: ['space'] }],
  'admit-member': [{ key: 'invite' }],
  'exclude-member': [{ key: 'kick' }, { key: 'ban' }],
  'remove-content': [{ key: 'redact', places: ROOMS_WITHOUT_EVIDENCE }],
};

/** What {@link derivePowerLevels} derives from. */
export interface DerivedPowerInput {
  /** The control table in force (none yet: every kind is the authority's). */
  readonly table: ControlTable | undefined;
  /** The group's authority in force (from the decisions replay: `init`, then `change-authority`). */
  readonly authority: readonly string[];
}

/** Options of {@link derivePowerLevels}. */
export interface DerivePowerLevelsOptions {
  /** The space, or the room's role (default `space`). */
  readonly place?: GroupPlace;
  /**
   * The room's creators with unlimited power (room version 12 and later, see
   * {@link roomCreators}): never listed in `users`.
   */
  readonly creators?: readonly string[];
}

/** The level the table gives the events that execute `kind`: 0 under do-ocracy, else 100. */
export function kindLevel(table: ControlTable | undefined, kind: string): number {
  return table !== undefined && ruleFor(table, kind)?.protocol === 'do-ocracy' ? 0 : AUTHORITY_LEVEL;
}

/**
 * The `m.room.power_levels` content that the control table and the authority give a group's space
 * or room.
 *
 * @param input - the table and the authority in force (a governance state will do).
 * @param current - the room's current `m.room.power_levels` content (levels of event types the
 *   group does not govern are kept).
 * @param options - the room's role and its privileged creators.
 * @returns the new content (the input is unchanged): every protected state type at 100, the kinds'
 *   powers at 0 (do-ocracy) or 100, the authority alone listed at 100.
 * @example
 * ```ts
 * const { state } = replayDecisions(log);
 * const content = derivePowerLevels(state, current, { place: 'decisions', creators });
 * ```
 */
export function derivePowerLevels(
  input: DerivedPowerInput,
  current: Readonly<Record<string, unknown>>,
  options: DerivePowerLevelsOptions = {},
): Record<string, unknown> {
  const place = options.place ?? 'space';
  const base = groupPowerLevels(place, authorityUsers(input.authority, options.creators));
  const currentEvents = (current.events ?? {}) as Record<string, unknown>;
  const events: Record<string, unknown> = { ...currentEvents, ...(base.events as object) };
  const next: Record<string, unknown> = { ...current, ...base, events };
  for (const [kind, powers] of Object.entries(KIND_POWERS)) {
    const level = kindLevel(input.table, kind);
    for (const power of powers) {
      if (power.places && !power.places.includes(place)) continue;
      if (power.event) events[power.event] = level;
      if (power.key) next[power.key] = level;
    }
  }
  if (locksHistory(place)) {
    next.redact = AUTHORITY_LEVEL;
    events[MatrixEventTypes.redaction] = AUTHORITY_LEVEL;
  }
  return next;
}

/**
 * Applies {@link derivePowerLevels} to a group's space or room. The sender must be in the
 * authority (or a room version 12 creator); a former authority may send it to lower itself.
 *
 * @param client - a client with power 100 in the room.
 * @param roomId - the space or the room.
 * @param input - the table and the authority in force.
 * @param place - the space, or the room's role.
 * @returns the event id of the new `m.room.power_levels`, or `undefined` when nothing changes.
 * @throws {@link HomeserverError} when reading or sending is refused.
 */
export async function applyDerivedPowerLevels(
  client: MatrixClient,
  roomId: string,
  input: DerivedPowerInput,
  place: GroupPlace = 'space',
): Promise<string | undefined> {
  let current: Record<string, unknown>;
  let creators: string[];
  try {
    current = (await client.getStateEvent(roomId, MatrixEventTypes.powerLevels, '')) as Record<
      string,
      unknown
    >;
    const state = await client.roomState(roomId);
    creators = roomCreators(
      state.find((event) => event.type === MatrixEventTypes.create) as RawMatrixEvent | undefined,
    );
  } catch (cause) {
    throw new HomeserverError('read-state', `cannot read the power levels of ${roomId}`, { cause });
  }
  const next = derivePowerLevels(input, current, { place, creators });
  if (canonicalJson(next) === canonicalJson(current)) return undefined;
  return sendState(client, roomId, MatrixEventTypes.powerLevels, '', next);
}

/** What {@link applyGroupPowerLevels} did in each of the group's rooms. */
export interface GroupPowerLevelsResult {
  /** Rooms whose power levels changed, with the new event's id. */
  readonly changed: readonly { readonly roomId: string; readonly eventId: string }[];
  /** Rooms the homeserver refused (e.g. the client is not in the authority there). */
  readonly failed: readonly { readonly roomId: string; readonly error: HomeserverError }[];
}

const PLACES: ReadonlySet<string> = new Set(['chat', 'decisions', 'announcements', 'debate']);

/**
 * Applies {@link derivePowerLevels} to a group's rooms, then to its space (last, so that a former
 * authority handing over lowers itself in the space after everything else).
 *
 * @param client - an authority member's client (or the former authority's, handing over).
 * @param view - the group (its rooms by role).
 * @param input - the table and the authority in force.
 * @returns the rooms changed and the rooms refused; a refusal does not stop the others.
 */
export async function applyGroupPowerLevels(
  client: MatrixClient,
  view: { readonly spaceId: string; readonly children: readonly { roomId: string; role?: string }[] },
  input: DerivedPowerInput,
): Promise<GroupPowerLevelsResult> {
  const places: [string, GroupPlace][] = [
    ...view.children
      .filter((child) => child.role !== undefined && PLACES.has(child.role))
      .map((child): [string, GroupPlace] => [child.roomId, child.role as GroupPlace]),
    [view.spaceId, 'space'],
  ];
  const changed: { roomId: string; eventId: string }[] = [];
  const failed: { roomId: string; error: HomeserverError }[] = [];
  for (const [roomId, place] of places) {
    try {
      const eventId = await applyDerivedPowerLevels(client, roomId, input, place);
      if (eventId !== undefined) changed.push({ roomId, eventId });
    } catch (error) {
      if (!MatrixBindingError.isInstance(error) || error.code !== HomeserverError.code) throw error;
      failed.push({ roomId, error: error as HomeserverError });
    }
  }
  return { changed, failed };
}
