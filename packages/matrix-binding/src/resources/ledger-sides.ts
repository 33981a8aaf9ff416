/**
 * @module
 * ValueFlows agents on Matrix, and who speaks for them in a group's ledger.
 *
 * - A **person** (`vf:Person`) is a Matrix user: its agent id is the user id (`@ana:example.org`),
 *   and only that user speaks for it.
 * - A **group** (`vf:Organization`) is a space: its agent id is the space id. In the group's own
 *   ledger — its pinned decisions room — it speaks through its **authority** at that point of the
 *   room, and through members as the control table's row of the kind of act allows
 *   ({@link LedgerKinds}): a do-ocracy row lets every member act, an oligarchy its deciders; any
 *   other protocol leaves the act to the authority, who executes what the group adopted. Outside
 *   that room nobody speaks for the group: another group's ledger cannot commit it.
 * - Any other agent id is mapped to no Matrix identity: an event naming one is malformed
 *   (`unmapped-agent`).
 *
 * The table and the authority are taken at the event, from the same room's decisions, so a later
 * change of the table never rewrites earlier entries. Pure.
 */
import { type ControlTable, ruleFor } from '@imago/governance';
import { isRoomId, isUserId } from '../events/content-reader';

/** The control-table kinds of action that say which members act for the group in its ledger. */
export const LedgerKinds = {
  /** Recording an economic event in the group's name (every entry commits the group's resources). */
  economicEvent: 'spend-resource',
  /** Publishing an offer in the group's name. */
  offer: 'publish-offer',
  /** Publishing a need in the group's name. */
  need: 'publish-need',
} as const;

/** What a ValueFlows agent id is on Matrix. */
export type MatrixAgent =
  | { readonly kind: 'person'; readonly userId: string }
  | { readonly kind: 'group'; readonly spaceId: string };

/**
 * Maps a ValueFlows agent id to a Matrix identity.
 *
 * @param agent - the agent id of a VF record (`provider`, `receiver`, `proposer`).
 * @returns a person (user id) or a group (space id), or `undefined` for any other string.
 * @example
 * ```ts
 * matrixAgent('@ana:example.org'); // { kind: 'person', userId: '@ana:example.org' }
 * matrixAgent('group:garden'); // undefined: nobody on Matrix speaks for it
 * ```
 */
export function matrixAgent(agent: string): MatrixAgent | undefined {
  if (isUserId(agent)) return { kind: 'person', userId: agent };
  if (isRoomId(agent)) return { kind: 'group', spaceId: agent };
  return undefined;
}

/** A group's ledger: the group, and its authority and control table at each event of its room. */
export interface GroupLedger {
  /** The group's space id (its VF agent id). */
  readonly group: string;
  /** The group's authority before an event of the room (see `replayDecisions`' `authorityAt`). */
  authorityAt(eventId: string): readonly string[];
  /** The control table before an event of the room (see `replayDecisions`' `tableAt`). */
  tableAt(eventId: string): ControlTable | undefined;
  /** Members of (sub-)groups by space id, for an oligarchy whose deciders are a group. */
  readonly groups?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Whether the sender of a room event speaks for an agent.
 *
 * @param ledger - the group whose ledger the room is (`undefined`: no group's ledger).
 * @param agent - the agent id.
 * @param sender - the sender of the room event.
 * @param eventId - the room event (the authority and table are taken before it).
 * @param kind - the kind of action whose row lets members act ({@link LedgerKinds}).
 * @returns `true` when the sender is that person, or acts for that group here.
 */
export function speaksFor(
  ledger: GroupLedger | undefined,
  agent: string,
  sender: string,
  eventId: string,
  kind: string,
): boolean {
  const mapped = matrixAgent(agent);
  if (mapped?.kind === 'person') return mapped.userId === sender;
  if (mapped?.kind !== 'group' || ledger === undefined || mapped.spaceId !== ledger.group) return false;
  if (ledger.authorityAt(eventId).includes(sender)) return true;
  const table = ledger.tableAt(eventId);
  const rule = table ? ruleFor(table, kind) : undefined;
  // The sender posted in the room, so it was a member there: do-ocracy lets every member act.
  if (rule?.protocol === 'do-ocracy') return true;
  if (rule?.protocol !== 'oligarchy') return false;
  return 'members' in rule.deciders
    ? rule.deciders.members.includes(sender)
    : ledger.groups?.get(rule.deciders.group)?.has(sender) === true;
}
