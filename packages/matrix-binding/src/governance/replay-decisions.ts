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
import type { RoomLog } from '../replay/room-log';
import { DecisionsFold } from './decisions-fold';
import type { DecisionsReplay, ReplayDecisionsOptions } from './decisions-replay';

export type {
  ClockAdjustment,
  DecisionsReplay,
  GovernanceInput,
  ReplayDecisionsOptions,
} from './decisions-replay';

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
