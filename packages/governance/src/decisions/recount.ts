/**
 * Settling a decision on what the authority's close counted, whatever this reader's order.
 *
 * The decision starts again from its opening (participation empty, the action as proposed) and
 * the named events are applied in the order the close names them, each at its sender's claimed
 * time held within the period (the authority vouches that it came in time; the claim is the same
 * for every reader). Then the protocol settles it as at the end of its period, delegations being
 * only the named ones. So:
 *
 * - an event the close names counts even if this reader's log put it after the close;
 * - an event it does not name does not count even if this log put it before (`uncounted`);
 * - a named event this log has not shown yet leaves the decision `closed`, waiting for that
 *   evidence (`awaiting-evidence`, naming the missing ids), and it settles when the last one
 *   comes (or is known to be redacted);
 * - a named event that is redacted, whose sender did not count as a member, that is about
 *   another decision (or is no participation at all: seen, and not in the evidence record) or that
 *   its protocol step refuses (wrong sender, bad ballot, …) does not count (`invalid-evidence`,
 *   with the reason).
 *
 * The same holds for the proposer's withdrawal and a do-ocracy challenge (`course.ts`): the
 * decision starts again from before any challenge, and a named challenge escalates it again (the
 * escalated decision stays open if its new period has not ended). A close may name a decision
 * before its period ends (one a member's event settled early, provisionally): the named events
 * then settle it as they did for the authority (an oligarchy's named approvals adopt it at the
 * last one's time), and if they do not, it stays open until its deadline.
 *
 * @module
 */

import { type MemberDelegations, NO_DELEGATIONS, withDelegation } from '../delegation/delegation-scope';
import { InvalidEventError } from '../errors/invalid-event-error';
import { PersistentMap } from '../persistent/persistent-map';
import { lookupEvidence, namedDelegationIssue } from './counted-evidence';
import { changeCourse } from './course';
import type { Decision, Participation } from './decision';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { participate } from './participate';
import { settleAtDeadline } from './settle-at-deadline';

/** What a counted settlement reports beside the outcome (stable codes). */
export interface CountIssue {
  /**
   * `awaiting-evidence`: named events this log has not shown yet (the decision waits, `closed`);
   * `invalid-evidence`: a named event that does not count (`reason`); `uncounted`: events this
   * log had counted that the close does not name.
   */
  readonly code: 'awaiting-evidence' | 'invalid-evidence' | 'uncounted';
  readonly decision: string;
  readonly ids: readonly string[];
  /** For `invalid-evidence`: `redacted`, `not-a-member`, `other-decision`, or the step's rejection. */
  readonly reason?: string;
}

function emptyParticipation(participation: Participation): Participation {
  switch (participation.protocol) {
    case 'oligarchy':
      return { protocol: 'oligarchy', approvals: PersistentMap.empty(), refusals: PersistentMap.empty() };
    case 'democracy':
      return { protocol: 'democracy', ballots: PersistentMap.empty() };
    case 'consensus':
      return { protocol: 'consensus', stances: PersistentMap.empty() };
    case 'consent':
      return { protocol: 'consent', objections: PersistentMap.empty() };
    case 'do-ocracy':
      return participation;
  }
}

/** The decision as it opened (from `base`), participation empty, the action as proposed. */
function reopened(base: Decision, decision: Decision): Decision {
  const { outcome: _outcome, count: _count, proposedAction: _amended, ...rest } = base;
  return {
    ...rest,
    status: 'open',
    action: decision.proposedAction?.action ?? base.action,
    participation: emptyParticipation(base.participation),
    evidence: [],
  };
}

/**
 * Settles (or leaves waiting) a decision on the events a counted close named.
 *
 * @param decision - the decision as this log has it (open, or waiting for evidence).
 * @param counted - the ids the close named, in its order.
 * @param state - the state (its evidence record).
 * @param context - membership inputs at the close.
 * @param now - the time of the authority's event that ended the period (a decision escalated by a
 *   named challenge whose new period ends later stays open).
 * @param fromAct - whether the event ended the window of a challenged act (`lifecycle.ts`).
 * @returns the decision, settled or `closed` with `count.missing`, and what to report.
 * @internal
 */
export function recount(
  decision: Decision,
  counted: readonly string[],
  state: GovernanceState,
  context: GovernanceContext,
  now: number,
  fromAct = false,
): { decision: Decision; issues: CountIssue[] } {
  const first = decision.count === undefined;
  // Settled again from before the challenge when the close ends the act's window or names the
  // challenge; a close of the escalated period naming only its participation (written before
  // challenges were named) counts it on the escalated decision.
  const challenge = decision.challenge?.id;
  const act =
    decision.beforeChallenge !== undefined &&
    (fromAct || (challenge !== undefined && counted.includes(challenge)))
      ? decision.beforeChallenge
      : undefined;
  const rule = decision.rule;
  const delegating = rule.protocol === 'democracy' && rule.delegation && rule.ballot !== 'secret';
  let current = reopened(act ?? decision, decision);
  let delegations = PersistentMap.empty<MemberDelegations>();
  const missing: string[] = [];
  const invalid: { id: string; reason: string }[] = [];
  for (const id of counted) {
    const record = lookupEvidence(state, id);
    if (record === undefined) {
      // Seen and not in the record: not an event of this decision (e.g. one of a decision settled for good).
      if (state.seen.has(id)) invalid.push({ id, reason: 'other-decision' });
      else missing.push(id);
    } else if ('redacted' in record) invalid.push({ id, reason: 'redacted' });
    else if (
      record.event.type !== 'org.imago.governance.delegate' &&
      record.event.content.decision !== decision.id
    )
      invalid.push({ id, reason: 'other-decision' });
    else if (!record.member) invalid.push({ id, reason: 'not-a-member' });
    else if (record.event.type === 'org.imago.governance.delegate') {
      const { sender, content } = record.event;
      const reason = namedDelegationIssue(record.event, decision, delegating);
      if (reason !== undefined) invalid.push({ id, reason });
      else {
        const before = delegations.get(sender) ?? NO_DELEGATIONS;
        delegations = delegations.set(sender, withDelegation(before, content.scope, content.to));
      }
    } else {
      const at = Math.min(Math.max(record.event.timestamp, current.opensAt), current.closesAt - 1);
      const event = record.event;
      const next =
        event.type === 'org.imago.governance.withdraw' || event.type === 'org.imago.governance.challenge'
          ? changeCourse(current, event, at, state, context)
          : participate(current, event, at);
      if (next instanceof InvalidEventError) invalid.push({ id, reason: 'malformed' });
      else if (typeof next === 'string') invalid.push({ id, reason: next });
      else current = next;
    }
  }
  const count = { counted, missing, invalid };
  if (missing.length > 0) {
    return {
      decision: { ...(act ?? decision), status: 'closed', count },
      issues: [{ code: 'awaiting-evidence', decision: decision.id, ids: missing }],
    };
  }
  // A named challenge escalates the act: the escalated decision runs on unless its period is over.
  const due = current.status === 'open' && current.closesAt <= now;
  const settled = due ? settleAtDeadline(current, { ...state, delegations }, context) : current;
  const issues: CountIssue[] = invalid.map(({ id, reason }) => ({
    code: 'invalid-evidence',
    decision: decision.id,
    ids: [id],
    reason,
  }));
  const named = new Set(counted);
  const uncounted = first ? (decision.evidence ?? []).filter((id) => !named.has(id)) : [];
  if (uncounted.length > 0) issues.push({ code: 'uncounted', decision: decision.id, ids: uncounted });
  const evidence = current.evidence ?? [];
  const decided = settled.status === 'open' ? { ...settled, evidence } : { ...settled, evidence, count };
  return { decision: decided, issues };
}
