/**
 * The state every member computes from the group's governance log, and the inputs the reducer
 * takes from outside the log (membership, sub-group membership, secret-result verification).
 *
 * @module
 */
import type { ControlTable } from '../control-table/control-table';
import type { GroupId, MemberId } from '../control-table/protocol-rule';
import type { MemberDelegations } from '../delegation/delegation-scope';
import type { SecretResultContent } from '../events/event-types';
import { PersistentMap } from '../persistent/persistent-map';
import type { SecretElectionParameters } from '../secret-ballot/election-parameters';
import type { Decision } from './decision';
import type { DEFAULT_CLOCK_SKEW, effectiveTime } from './group-clock';

/** The governance state of one group. Immutable: the reducer returns new states. */
export interface GovernanceState {
  /** The control table in force (`undefined` before `org.imago.governance.init`). */
  readonly table: ControlTable | undefined;
  /** 0 for the initial table, +1 per adopted change. */
  readonly tableVersion: number;
  /**
   * Every table the group has had, oldest first: when each came into force and, after the
   * initial one, the decision that adopted it (see {@link tableAt}).
   */
  readonly tableHistory: readonly TableEra[];
  /**
   * The group's clock (ms): the effective time of the latest accepted event, never going back
   * (see {@link effectiveTime}). The engine's notion of "now".
   */
  readonly clock: number;
  /**
   * The group's authority: the members who administer its elections, close its decisions
   * (`tick`, `close`), publish secret results and speak for it. Set by `init` (its `authority`,
   * else its sender) and changed only by an adopted `change-authority` decision. Sorted; empty
   * before `init`.
   */
  readonly authority: readonly MemberId[];
  /** The effective time of the authority's latest accepted event (ms): what bounds everyone else's. */
  readonly authorityClock: number;
  /** Every decision, keyed by id. */
  readonly decisions: PersistentMap<Decision>;
  /** Every member's current delegations, keyed by member. */
  readonly delegations: PersistentMap<MemberDelegations>;
  /** Ids of accepted events, for duplicate detection. */
  readonly seen: PersistentMap<true>;
  /** Ids of decisions still `proposed` or `open`, sorted. */
  readonly pending: readonly string[];
  /** The earliest time at which a pending decision opens or settles (`Infinity` if none). */
  readonly nextDue: number;
}

/** A control table and the time from which it was in force. */
export interface TableEra {
  readonly version: number;
  readonly table: ControlTable;
  /** When it came into force (ms, the group's clock). */
  readonly since: number;
  /** The adopted `change-control-table` decision; absent for the initial table. */
  readonly decision?: string;
}

/**
 * The control table in force at a time: the latest table that came into force at or before it.
 *
 * @param state - the governance state.
 * @param time - the time (ms).
 * @returns the table era, or `undefined` before the initial table.
 * @example
 * ```ts
 * const era = tableAt(state, event.timestamp);
 * era?.decision; // the decision that adopted the table in force then
 * ```
 */
export function tableAt(state: Pick<GovernanceState, 'tableHistory'>, time: number): TableEra | undefined {
  let found: TableEra | undefined;
  for (const era of state.tableHistory) {
    if (era.since > time) break;
    found = era;
  }
  return found;
}

/**
 * What the reducer needs from outside the log, as valid at the event being applied. The Matrix
 * binding feeds it from room state (joined members, sub-space membership) and plugs Helios-C
 * verification.
 */
export interface GovernanceContext {
  /** Members of the group at this point of the log. */
  readonly members: ReadonlySet<MemberId>;
  /** Members of a (sub-)group at this point of the log, or `undefined` if the group is unknown. */
  resolveGroup?(group: GroupId): ReadonlySet<MemberId> | undefined;
  /**
   * Whether a secret result is the verified result of the election these parameters describe.
   * Without it, every `org.imago.governance.secret.result` is rejected.
   */
  verifySecretResult?(parameters: SecretElectionParameters, content: SecretResultContent): boolean;
  /**
   * How far ahead of the authority's clock another member's event may claim to be (ms; default
   * {@link DEFAULT_CLOCK_SKEW}): see {@link effectiveTime}.
   */
  readonly clockSkew?: number;
}

/**
 * The state of a group before any governance event.
 * @returns an empty state (no table, no decision)
 */
export function initialGovernanceState(): GovernanceState {
  return {
    table: undefined,
    tableVersion: 0,
    tableHistory: [],
    clock: 0,
    authority: [],
    authorityClock: 0,
    decisions: PersistentMap.empty(),
    delegations: PersistentMap.empty(),
    seen: PersistentMap.empty(),
    pending: [],
    nextDue: Number.POSITIVE_INFINITY,
  };
}
