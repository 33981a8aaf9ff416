/**
 * @module
 * Turning a decisions room's log into @imago/governance state: the room's timeline events of type
 * `org.imago.governance.*` go to governance's reducer as they are; a member's delegation state
 * (`org.imago.governance.delegations`, own state key) becomes `delegate`/`revoke` events by
 * difference with their previous state; MSC3381 poll responses to a poll the proposer opened as
 * the mirror of a decision become votes. Membership at each event comes from the room's own
 * log — its `m.room.member` events, counted only for members the group admitted (founders, an
 * open group's joiners, adopted `admit-member` decisions: {@link MembershipRoll}) — so every
 * member replaying the room gets the same outcome.
 *
 * Time is governance's group clock (`effectiveTime`): the claimed `origin_server_ts` of an event
 * is taken no earlier than the events before it and, for anyone but the group's authority, no
 * later than the authority's clock plus the skew; {@link DecisionsReplay.clock} lists the events
 * whose time was adjusted. A governance event that a redaction removed counts as never sent (its
 * content is gone for everyone who replays later); if a decision had settled with it before the
 * redaction came, a `settled-evidence-redacted` warning names that decision. Pure.
 */
import type { GovernanceContext, GovernanceState, RejectedEvent } from '@imago/governance';
import type { ImagoWarning } from '../events/imago-warning';
import type { RoomLog } from '../replay/room-log';
import { DecisionsFold } from './decisions-fold';

/** Options of {@link replayDecisions}. */
export interface ReplayDecisionsOptions {
  /**
   * Members of other groups (sub-groups) by space id, for delegations to a whole group; e.g. the
   * joined members of each sub-group's space.
   */
  groups?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Plugs Helios-C verification of secret results (see @imago/governance `GovernanceContext`). */
  verifySecretResult?: GovernanceContext['verifySecretResult'];
  /**
   * Evaluate the state at this time (settles decisions whose period ended); default: the log's
   * clock. A view for display: only the authority's events settle decisions in the log itself.
   */
  now?: number;
  /** How far ahead of the authority's clock another member's event may claim to be (ms). */
  clockSkew?: number;
}

/** An event the group clock took at another time than its homeserver claimed. */
export interface ClockAdjustment {
  readonly eventId: string;
  readonly sender: string;
  readonly claimed: number;
  readonly effective: number;
}

/** What {@link replayDecisions} returns. */
export interface DecisionsReplay {
  readonly state: GovernanceState;
  /** Events of the log that had no effect: the binding's warnings and governance's rejections. */
  readonly warnings: readonly ImagoWarning[];
  /** Governance's rejections as it reported them. */
  readonly rejected: readonly RejectedEvent[];
  /** The governance events fed to the reducer, in order (for audit and tests). */
  readonly fed: readonly GovernanceInput[];
  /** Events taken at another time than claimed: backdated, or ahead of the authority's clock. */
  readonly clock: readonly ClockAdjustment[];
  /**
   * The group's authority before each event of the log, by event id (the founding authority
   * from `init` on; changed by adopted `change-authority` decisions).
   */
  readonly authorityAt: (eventId: string) => readonly string[];
  /** The control table in force before each event of the log, by event id (`undefined` before `init`). */
  readonly tableAt: (eventId: string) => GovernanceState['table'];
}

/** A governance event as fed to the reducer. */
export interface GovernanceInput {
  readonly id: string;
  readonly sender: string;
  readonly timestamp: number;
  readonly type: string;
  readonly content: unknown;
}

/**
 * Replays a decisions room into governance state.
 *
 * @param log - the room's log ({@link appendToRoomLog} over {@link fetchRoomHistory}).
 * @param options - sub-group memberships, secret-result verification, evaluation time.
 * @returns the governance state, the warnings, and what was fed to the reducer.
 * @example
 * ```ts
 * const log = appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId));
 * const { state, warnings } = replayDecisions(log, { groups: new Map([[sub.spaceId, subMembers]]) });
 * const decision = state.decisions.get(decisionId);
 * ```
 */
export function replayDecisions(log: RoomLog, options: ReplayDecisionsOptions = {}): DecisionsReplay {
  return new DecisionsFold(options).add(log.entries).current(options.now);
}
