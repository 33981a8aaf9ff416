/**
 * Consent (sociocracy): the proposal is adopted unless a paramount objection stands at the end
 * of the period. An eligible member objects with a reason; the proposer resolves objections by
 * amending the proposal (naming the objections the amendment resolves); the objector may
 * withdraw their objection, or object again to the amended proposal.
 *
 * @module
 */

import type { Decision, Objection } from '../decisions/decision';
import type { AmendContent, ReasonedContent, WithdrawObjectionContent } from '../events/event-types';
import type { MemberId } from '../membership/member-id';
import { checkOpen, includesSorted, type Step } from './protocol-step';

/**
 * Records an objection (its id is the event id).
 * @internal
 */
export function object(
  decision: Decision,
  id: string,
  sender: MemberId,
  at: number,
  content: ReasonedContent,
): Step {
  if (decision.participation.protocol !== 'consent') return 'wrong-protocol';
  const closed = checkOpen(decision, at);
  if (closed !== undefined) return closed;
  if (!includesSorted(decision.eligible, sender)) return 'wrong-sender';
  const objection: Objection = { id, by: sender, reason: content.reason, at, status: 'standing' };
  return {
    ...decision,
    participation: { protocol: 'consent', objections: decision.participation.objections.set(id, objection) },
  };
}

/**
 * The objector withdraws a standing objection.
 * @internal
 */
export function withdrawObjection(
  decision: Decision,
  sender: MemberId,
  at: number,
  content: WithdrawObjectionContent,
): Step {
  if (decision.participation.protocol !== 'consent') return 'wrong-protocol';
  const closed = checkOpen(decision, at);
  if (closed !== undefined) return closed;
  const objection = decision.participation.objections.get(content.objection);
  if (objection === undefined || objection.status !== 'standing') return 'unknown-objection';
  if (objection.by !== sender) return 'wrong-sender';
  return {
    ...decision,
    participation: {
      protocol: 'consent',
      objections: decision.participation.objections.set(objection.id, { ...objection, status: 'withdrawn' }),
    },
  };
}

/**
 * The proposer amends the proposal; the named standing objections become resolved. For a
 * `change-control-table` decision, `action` must already have been checked to hold a table.
 * @internal
 */
export function amend(
  decision: Decision,
  id: string,
  sender: MemberId,
  at: number,
  content: AmendContent,
): Step {
  if (decision.participation.protocol !== 'consent') return 'wrong-protocol';
  const closed = checkOpen(decision, at);
  if (closed !== undefined) return closed;
  if (sender !== decision.proposer) return 'wrong-sender';
  let objections = decision.participation.objections;
  for (const resolved of content.resolves) {
    const objection = objections.get(resolved);
    if (objection === undefined || objection.status !== 'standing') return 'unknown-objection';
    objections = objections.set(resolved, { ...objection, status: 'resolved', resolvedBy: id });
  }
  return { ...decision, action: content.action, participation: { protocol: 'consent', objections } };
}

/**
 * The objections still standing.
 * @param decision - a consent decision
 * @returns standing objections, sorted by time then id
 */
export function standingObjections(decision: Decision): Objection[] {
  if (decision.participation.protocol !== 'consent') return [];
  return decision.participation.objections
    .values()
    .filter((objection) => objection.status === 'standing')
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * At the end of the period.
 * @internal
 */
export function settleConsent(decision: Decision): Decision {
  const stands = standingObjections(decision).length > 0;
  const status = stands ? 'rejected' : 'adopted';
  return {
    ...decision,
    status,
    outcome: { status, reason: stands ? 'objection-stands' : 'no-objection', at: decision.closesAt },
  };
}
