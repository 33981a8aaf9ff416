/**
 * @module
 * What a {@link DecisionsFold} carries from one log entry to the next, written down so that a
 * fold can be taken up again (see {@link encodeFoldSnapshot} for its bytes).
 */
import type { GovernanceState } from '@imago/governance';
import type { Delegation } from '../delegations/delegation-set';
import type { MembershipRollData } from './membership-roll';
import type { PollMirror } from './poll-mirrors';

/**
 * Everything a {@link DecisionsFold} carries from one entry to the next: enough to take the fold
 * up again after the entry it was written at. Plain data except `state` (governance's immutable
 * state, with its persistent maps); see {@link encodeFoldSnapshot} for its bytes.
 */
export interface DecisionsFoldSnapshot {
  /** Log entries folded so far. */
  readonly entries: number;
  readonly state: GovernanceState;
  /**
   * The room's roll: its creators (the sender of `m.room.create` and its additional creators),
   * joined and invited members, founders, join rule, and the adopted admissions and exclusions.
   */
  readonly roll: MembershipRollData;
  /** Each member's latest delegation state. */
  readonly delegations: readonly (readonly [string, readonly Delegation[]])[];
  /** Proposals seen (accepted or not), for poll mirrors. */
  readonly proposals: readonly (readonly [
    string,
    { readonly proposer: string; readonly options: readonly unknown[] },
  ])[];
  /** Poll mirrors by poll event id. */
  readonly mirrors: readonly (readonly [string, PollMirror])[];
  /** Entry index at which each decision settled. */
  readonly settledAt: readonly (readonly [string, number])[];
  /** Decisions pending when each redacted governance event was sent, by redacted event id. */
  readonly redacted: readonly (readonly [
    string,
    { readonly index: number; readonly pending: readonly string[] },
  ])[];
}
