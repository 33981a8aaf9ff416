/**
 * The group's clock: the time at which the reducer takes an event, so that no member, and no
 * homeserver but the authority's, controls the group's time.
 *
 * Every event carries the time its sender's homeserver claims (Matrix `origin_server_ts`); a
 * homeserver, or an application service with `?ts=`, may claim any time for its users. The
 * reducer therefore takes each event at an **effective time**:
 *
 * 1. never earlier than the group's clock (the effective time of the event before it in the
 *    log): a backdated event is taken now, so it cannot land before a deadline that has passed,
 *    shorten a do-ocracy window or jump a queue;
 * 2. for anyone but the authority, never later than the authority's clock plus the allowed skew:
 *    a member (or a homeserver lying for its users) cannot move time forward to close decisions
 *    early. Only the authority's settling events, its `tick`, `close` and secret result, make periods end.
 *
 * The authority's own homeserver is trusted for the forward clock, as it is trusted to close
 * decisions at all (liveness); a lying authority is visible to every member, whose own clock
 * disagrees with its claims. Pure.
 *
 * @module
 */
import type { MemberId } from '../membership/member-id';

/** Default skew (ms) allowed between another member's claim and the authority's clock: 5 minutes. */
export const DEFAULT_CLOCK_SKEW = 300_000;

/** What the clock needs to know of the state. */
export interface ClockState {
  readonly clock: number;
  readonly authority: readonly MemberId[];
  readonly authorityClock: number;
}

/**
 * The effective time of an event in the group's log.
 *
 * @param state - the group's clock, authority and authority clock before the event.
 * @param sender - the event's sender.
 * @param claimed - the time the sender's homeserver claims (ms).
 * @param skew - how far ahead of the authority's clock another member may be (ms).
 * @returns the time at which the reducer takes the event.
 * @example
 * ```ts
 * const state = { clock: 1_000, authority: ['@service:example.org'], authorityClock: 1_000 };
 * effectiveTime(state, '@ana:example.org', 0, 300_000); // 1_000: no going back
 * effectiveTime(state, '@ana:example.org', 9e12, 300_000); // 301_000: bounded by the authority
 * ```
 */
export function effectiveTime(
  state: ClockState,
  sender: MemberId,
  claimed: number,
  skew: number = DEFAULT_CLOCK_SKEW,
): number {
  const notBefore = Math.max(state.clock, claimed);
  // Before `init` there is no authority yet: the first event sets the clock.
  if (state.authority.length === 0 || state.authority.includes(sender)) return notBefore;
  return Math.max(state.clock, Math.min(notBefore, state.authorityClock + skew));
}
