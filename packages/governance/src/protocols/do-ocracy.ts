/**
 * Do-ocracy: whoever does it decides. The act (a `propose` event under a do-ocracy rule) stands
 * unless a member challenges it within the window; a challenge escalates the same decision to
 * the protocol the rule names, with a fresh period from the challenge, and the act stands only
 * if that decision adopts it.
 *
 * @module
 */

import type { Decision } from '../decisions/decision';
import type { GovernanceContext } from '../decisions/governance-context';
import type { ReasonedContent } from '../events/event-types';
import type { MemberId } from '../membership/member-id';
import { checkOpen, type Step } from './protocol-step';
import { startParticipation } from './start-participation';

/**
 * Escalates a challenged act.
 * @internal
 */
export function challenge(
  decision: Decision,
  id: string,
  sender: MemberId,
  at: number,
  content: ReasonedContent,
  context: GovernanceContext,
): Step {
  const rule = decision.rule;
  if (rule.protocol !== 'do-ocracy') return decision.act === undefined ? 'wrong-protocol' : 'not-open';
  const closed = checkOpen(decision, at);
  if (closed !== undefined) return closed;
  if (sender === decision.proposer) return 'wrong-sender';
  const escalation = rule.escalation;
  const start = startParticipation(escalation, context);
  return {
    ...decision,
    rule: escalation,
    act: rule,
    challenge: { id, by: sender, reason: content.reason, at },
    eligible: start.eligible,
    deciders: start.deciders,
    participation: start.participation,
    opensAt: at,
    closesAt: at + escalation.duration,
  };
}

/**
 * The window passed without a challenge: the act stands.
 * @internal
 */
export function settleDoOcracy(decision: Decision): Decision {
  return {
    ...decision,
    status: 'adopted',
    outcome: { status: 'adopted', reason: 'unchallenged', at: decision.closesAt },
  };
}
