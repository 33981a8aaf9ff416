/**
 * Oligarchy: a named set of deciders (members, or a sub-group resolved when the decision is
 * proposed); `required` approvals among them adopt (k-of-n). The decision is adopted as soon as
 * k approvals stand, rejected as soon as refusals make k unreachable, and expires at the end of
 * its period otherwise. A decider's latest approval or refusal counts. Settling before the end of
 * the period is a member's event settling the decision, so it is provisional until the
 * authority's close names it or the period ends (`decisions/apply-event.ts`, `decisions/lifecycle.ts`).
 *
 * @module
 */
import type { Deciders, OligarchyRule } from '../control-table/protocol-rule';
import type { Decision } from '../decisions/decision';
import type { GovernanceContext } from '../decisions/governance-context';
import type { DecisionRefContent } from '../events/event-types';
import type { MemberId } from '../membership/member-id';
import { checkOpen, includesSorted, type Step, sortIds } from './protocol-step';

/**
 * The deciders of an oligarchy rule, sorted.
 * @param deciders - the rule's deciders
 * @param context - membership inputs (for a sub-group)
 * @returns member ids
 */
export function resolveDeciders(deciders: Deciders, context: GovernanceContext): MemberId[] {
  if ('members' in deciders) return sortIds(deciders.members);
  return sortIds(context.resolveGroup?.(deciders.group) ?? []);
}

function settleEarly(decision: Decision, rule: OligarchyRule, at: number): Decision {
  if (decision.participation.protocol !== 'oligarchy') return decision;
  const { approvals, refusals } = decision.participation;
  if (approvals.size >= rule.required) {
    return { ...decision, status: 'adopted', outcome: { status: 'adopted', reason: 'approved', at } };
  }
  if (decision.deciders.length - refusals.size < rule.required) {
    const reason = decision.deciders.length < rule.required ? 'not-enough-deciders' : 'refused';
    return { ...decision, status: 'rejected', outcome: { status: 'rejected', reason, at } };
  }
  return decision;
}

/**
 * Checks an oligarchy that has just opened (too few deciders rejects it at once).
 * @internal
 */
export function openOligarchy(decision: Decision, at: number): Decision {
  return decision.rule.protocol === 'oligarchy' ? settleEarly(decision, decision.rule, at) : decision;
}

/**
 * Applies an approval or refusal.
 * @internal
 */
export function decide(
  decision: Decision,
  sender: MemberId,
  at: number,
  _content: DecisionRefContent,
  approve: boolean,
): Step {
  const rule = decision.rule;
  if (rule.protocol !== 'oligarchy' || decision.participation.protocol !== 'oligarchy')
    return 'wrong-protocol';
  const closed = checkOpen(decision, at);
  if (closed !== undefined) return closed;
  if (!includesSorted(decision.deciders, sender)) return 'wrong-sender';
  const { approvals, refusals } = decision.participation;
  const participation = approve
    ? {
        protocol: 'oligarchy' as const,
        approvals: approvals.set(sender, at),
        refusals: refusals.delete(sender),
      }
    : {
        protocol: 'oligarchy' as const,
        approvals: approvals.delete(sender),
        refusals: refusals.set(sender, at),
      };
  return settleEarly({ ...decision, participation }, rule, at);
}

/**
 * At the end of the period without k approvals: expired.
 * @internal
 */
export function settleOligarchy(decision: Decision): Decision {
  return {
    ...decision,
    status: 'expired',
    outcome: { status: 'expired', reason: 'deadline', at: decision.closesAt },
  };
}
