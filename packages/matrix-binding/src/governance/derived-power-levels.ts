/**
 * @module
 * Power levels derived from the control table, where Matrix can enforce the table: a kind of action
 * decided by a fixed oligarchy becomes a power held by its deciders, one decided by do-ocracy is
 * open to every member; for the other protocols (democracy, consensus, consent) the executing power
 * stays with moderators and the decision replay is the authority (an execution without an adopted
 * decision is reported). {@link derivePowerLevels} is pure; {@link applyDerivedPowerLevels} writes it.
 */
import type { ControlTable, ProtocolRule } from '@imago/governance';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendState } from '../client/send';
import { HomeserverError } from '../errors/homeserver-error';
import { ImagoEventTypes } from '../events/event-types';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { roomCreators } from '../group/room-creators';

/** What executing each built-in kind of action takes on Matrix. */
export const KIND_POWERS: Readonly<
  Record<string, readonly { readonly event?: string; readonly key?: string }[]>
> = {
  'change-profile': [{ event: ImagoEventTypes.group }, { event: 'm.room.name' }, { event: 'm.room.topic' }],
  'create-relation': [{ event: ImagoEventTypes.relation }],
  'accept-relation': [{ event: ImagoEventTypes.relation }],
  'end-relation': [{ event: ImagoEventTypes.relation }],
  'change-control-table': [{ event: ImagoEventTypes.controlTable }],
  'admit-member': [{ key: 'invite' }],
  'exclude-member': [{ key: 'kick' }, { key: 'ban' }],
  'remove-content': [{ key: 'redact' }],
};

/** The level of moderators, who execute what other protocols adopt. */
export const EXECUTOR_LEVEL = 50;

function levelFor(rule: ProtocolRule | undefined): { level: number; holders: readonly string[] } {
  if (rule?.protocol === 'do-ocracy') return { level: 0, holders: [] };
  if (rule?.protocol === 'oligarchy' && 'members' in rule.deciders) {
    return { level: EXECUTOR_LEVEL, holders: rule.deciders.members };
  }
  return { level: EXECUTOR_LEVEL, holders: [] };
}

/**
 * The `m.room.power_levels` content that enforces what the control table allows Matrix to enforce.
 *
 * @param table - the control table in force (from {@link replayDecisions}).
 * @param current - the room's current `m.room.power_levels` content.
 * @param creators - the room's creators with unlimited power (room version 12 and later, see
 *   {@link roomCreators}): never listed in `users`.
 * @returns the new content (the input is unchanged): levels of the kinds' events, and the
 *   deciders of fixed oligarchies raised to the executor level (never lowered).
 * @example
 * ```ts
 * const content = derivePowerLevels(state.table, await client.getStateEvent(spaceId, 'm.room.power_levels', ''));
 * await sendState(client, spaceId, 'm.room.power_levels', '', content);
 * ```
 */
export function derivePowerLevels(
  table: ControlTable,
  current: Readonly<Record<string, unknown>>,
  creators: readonly string[] = [],
): Record<string, unknown> {
  const events = { ...((current.events as Record<string, number> | undefined) ?? {}) };
  const users = { ...((current.users as Record<string, number> | undefined) ?? {}) };
  const next: Record<string, unknown> = { ...current };
  for (const [kind, powers] of Object.entries(KIND_POWERS)) {
    const rule = Object.hasOwn(table.rules, kind) ? table.rules[kind] : table.fallback;
    if (rule === undefined) continue;
    const { level, holders } = levelFor(rule);
    for (const power of powers) {
      if (power.event) events[power.event] = level;
      if (power.key) next[power.key] = level;
    }
    for (const holder of holders) {
      if (!creators.includes(holder)) users[holder] = Math.max(users[holder] ?? 0, level);
    }
  }
  next.events = events;
  next.users = users;
  return next;
}

/**
 * Applies {@link derivePowerLevels} to a room (the group's space, or one of its rooms).
 *
 * @param client - a client allowed to change the room's power levels.
 * @param roomId - the room.
 * @param table - the control table in force.
 * @returns the event id of the new `m.room.power_levels`.
 * @throws {@link HomeserverError} when reading or sending is refused.
 */
export async function applyDerivedPowerLevels(
  client: MatrixClient,
  roomId: string,
  table: ControlTable,
): Promise<string> {
  let current: Record<string, unknown>;
  let creators: string[];
  try {
    current = (await client.getStateEvent(roomId, 'm.room.power_levels', '')) as Record<string, unknown>;
    const state = await client.roomState(roomId);
    creators = roomCreators(
      state.find((event) => event.type === 'm.room.create') as RawMatrixEvent | undefined,
    );
  } catch (cause) {
    throw new HomeserverError('read-state', `cannot read the power levels of ${roomId}`, { cause });
  }
  return sendState(client, roomId, 'm.room.power_levels', '', derivePowerLevels(table, current, creators));
}
