/**
 * @module
 * State changes of a group's space that no decision backs. Matrix lets anyone with the power level
 * change a state event — the authority, a room version 12 creator, whoever an earlier table or a
 * hand raised — and no homeserver asks whether the group decided it. After the group's founding
 * (its founding pin), a reader checks each change against the decisions replay:
 *
 * - `org.imago.group`, `m.room.name`, `m.room.topic`, `m.room.avatar`: an adopted `change-profile`
 *   decision backs one change of each type (the kind under do-ocracy: any member may);
 * - `org.imago.relation`: an adopted `create-relation`, `accept-relation` or `end-relation`
 *   decision whose action names the other group backs one change of that relation;
 * - `m.room.power_levels`: users are listed only if they are or were the group's authority, and the
 *   types the group governs are below 100 only where a table in force made their kind do-ocracy;
 * - the types no kind of action governs (join rules, history visibility, server ACL, tombstone,
 *   encryption, space children and parents, aliases, guest access, pinned events, widgets): any
 *   change.
 *
 * The pin and the control table mirror have their own checks ({@link readGroup},
 * {@link controlTableMirror}); membership is the governance roll's ({@link MembershipRoll}).
 * Each change that fails comes back as an `unbacked-state` warning: it stands on Matrix, and
 * every member sees that no decision made it. Pure.
 */
import { type ControlTable, type Decision, type GovernanceState, parseControlTable } from '@imago/governance';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import type { ImagoWarning } from '../events/imago-warning';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { KIND_POWERS, kindLevel } from '../governance/derived-power-levels';
import type { GovernanceInput } from '../governance/replay-decisions';
import { AUTHORITY_LEVEL, PROTECTED_STATE_TYPES } from './group-power-levels';
import { roomCreators } from './room-creators';

/** What the audit needs of a decisions replay ({@link DecisionsReplay} will do). */
export interface BackingDecisions {
  readonly state: GovernanceState;
  readonly fed: readonly GovernanceInput[];
  readonly authorityAt: (eventId: string) => readonly string[];
}

const PROFILE_TYPES: readonly string[] = [
  ImagoEventTypes.group,
  'm.room.name',
  'm.room.topic',
  'm.room.avatar',
];
const RELATION_KINDS: readonly string[] = ['create-relation', 'accept-relation', 'end-relation'];
/** Checked elsewhere: the pin by readGroup, the mirror by controlTableMirror. */
const CHECKED_ELSEWHERE: readonly string[] = [ImagoEventTypes.authority, ImagoEventTypes.controlTable];

/** The adopted decisions of these kinds that no close can undo any more (not provisional). */
function adopted(state: GovernanceState, kinds: readonly string[]): Decision[] {
  return state.decisions
    .values()
    .filter((d) => d.status === 'adopted' && kinds.includes(d.kind) && !state.provisional.has(d.id))
    .sort((a, b) => (a.outcome?.at ?? 0) - (b.outcome?.at ?? 0) || (a.id < b.id ? -1 : 1));
}

/** Every table in force at some point: the initial one and each adopted change. */
function tablesOf(replay: BackingDecisions): ControlTable[] {
  const tables: ControlTable[] = [];
  const init = replay.fed.find((input) => input.type === 'org.imago.governance.init');
  const initial = parseControlTable((init?.content as { table?: unknown } | undefined)?.table);
  if (initial.ok) tables.push(initial.value);
  for (const decision of adopted(replay.state, ['change-control-table'])) {
    const table = (decision.action as { table?: ControlTable } | null)?.table;
    if (table) tables.push(table);
  }
  if (replay.state.table) tables.push(replay.state.table);
  return tables;
}

/** Every member of the authority at some point of the decisions room. */
function authoritiesOf(replay: BackingDecisions): Set<string> {
  const members = new Set(replay.state.authority);
  for (const input of replay.fed) for (const member of replay.authorityAt(input.id)) members.add(member);
  return members;
}

function powerLevelProblems(
  content: Record<string, unknown>,
  authorities: ReadonlySet<string>,
  creators: readonly string[],
  tables: readonly ControlTable[],
): string[] {
  const problems: string[] = [];
  const users = (content.users ?? {}) as Record<string, unknown>;
  for (const [user, level] of Object.entries(users)) {
    if (typeof level === 'number' && level > 0 && !authorities.has(user) && !creators.includes(user))
      problems.push(`raises ${user} to ${level}, who is not the group's authority`);
  }
  const events = (content.events ?? {}) as Record<string, unknown>;
  const opened = (kind: string) => tables.some((table) => kindLevel(table, kind) < AUTHORITY_LEVEL);
  const governed = new Map<string, string[]>();
  for (const [kind, powers] of Object.entries(KIND_POWERS)) {
    for (const power of powers) {
      if (power.places && !power.places.includes('space')) continue;
      const key = power.event ?? `key:${power.key}`;
      governed.set(key, [...(governed.get(key) ?? []), kind]);
    }
  }
  const check = (key: string, level: unknown, what: string) => {
    if (typeof level !== 'number' || level >= AUTHORITY_LEVEL) return;
    const kinds = governed.get(key);
    if (kinds?.some(opened)) return;
    problems.push(`lowers ${what} to ${level}${kinds ? '' : ', which no kind of action opens'}`);
  };
  for (const type of PROTECTED_STATE_TYPES) check(type, events[type], type);
  for (const key of ['invite', 'kick', 'ban', 'redact'] as const) check(`key:${key}`, content[key], key);
  if (typeof content.state_default === 'number')
    check('state_default', content.state_default, 'state_default');
  return problems;
}

/**
 * The space's state changes, after the group's founding, that no adopted decision backs.
 *
 * @param events - the space's events in room order (e.g. {@link fetchRoomHistory}); state events
 *   are read, the rest is skipped.
 * @param replay - the replay of the group's decisions room ({@link replayDecisions}).
 * @returns one `unbacked-state` warning per unbacked change, in room order.
 * @example
 * ```ts
 * const warnings = unbackedStateChanges(await fetchRoomHistory(client, spaceId), replayDecisions(log));
 * ```
 */
export function unbackedStateChanges(
  events: readonly RawMatrixEvent[],
  replay: BackingDecisions,
): ImagoWarning[] {
  const warnings: ImagoWarning[] = [];
  const founding = events.findIndex((raw) => raw.type === ImagoEventTypes.authority && raw.state_key === '');
  if (founding < 0) return warnings;
  const creators = roomCreators(events.find((raw) => raw.type === MatrixEventTypes.create));
  const tables = tablesOf(replay);
  const authorities = authoritiesOf(replay);
  const profiles = adopted(replay.state, ['change-profile']);
  const usedProfile = new Map<string, number>();
  const relations = adopted(replay.state, RELATION_KINDS);
  const usedRelations = new Set<string>();
  const profileOpen = tables.some((table) => kindLevel(table, 'change-profile') < AUTHORITY_LEVEL);
  for (const raw of events.slice(founding + 1)) {
    const type = raw.type;
    const stateKey = raw.state_key;
    if (typeof type !== 'string' || typeof stateKey !== 'string') continue;
    if (type === MatrixEventTypes.member || CHECKED_ELSEWHERE.includes(type)) continue;
    const warn = (detail: string) =>
      warnings.push({
        code: 'unbacked-state',
        ...(typeof raw.event_id === 'string' ? { eventId: raw.event_id } : {}),
        type,
        ...(typeof raw.sender === 'string' ? { sender: raw.sender } : {}),
        detail,
      });
    if (PROFILE_TYPES.includes(type)) {
      const used = usedProfile.get(type) ?? 0;
      if (used < profiles.length) usedProfile.set(type, used + 1);
      else if (!profileOpen) warn('a profile change that no adopted change-profile decision backs');
      continue;
    }
    if (type === ImagoEventTypes.relation) {
      const backing = relations.find(
        (d) =>
          !usedRelations.has(d.id) && JSON.stringify(d.action ?? null).includes(JSON.stringify(stateKey)),
      );
      if (backing) usedRelations.add(backing.id);
      else warn(`a change of the relation with ${stateKey} that no adopted relation decision backs`);
      continue;
    }
    if (type === MatrixEventTypes.powerLevels) {
      const content = (typeof raw.content === 'object' && raw.content !== null ? raw.content : {}) as Record<
        string,
        unknown
      >;
      const problems = powerLevelProblems(content, authorities, creators, tables);
      if (problems.length > 0) warn(`power levels no decision backs: ${problems.join('; ')}`);
      continue;
    }
    if (PROTECTED_STATE_TYPES.includes(type)) {
      warn(`${type} changed after the group's founding: no kind of action governs it`);
    }
  }
  return warnings;
}
