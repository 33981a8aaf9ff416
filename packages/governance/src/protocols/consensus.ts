/**
 * Consensus: every eligible member may agree, abstain, disagree or block (a block needs a
 * reason); a member's latest stance counts. At the end of the period the decision is adopted
 * if no block stands, rejected otherwise.
 *
 * @module
 */

import type { Decision } from '../decisions/decision';
import type { StanceContent } from '../events/event-types';
import type { MemberId } from '../membership/member-id';
import { checkOpen, includesSorted, type Step } from './protocol-step';

/**
 * Records a stance.
 * @internal
 */
export function takeStance(decision: Decision, sender: MemberId, at: number, content: StanceContent): Step {
  if (decision.participation.protocol !== 'consensus') return 'wrong-protocol';
  const closed = checkOpen(decision, at);
  if (closed !== undefined) return closed;
  if (!includesSorted(decision.eligible, sender)) return 'wrong-sender';
  const record = {
    stance: content.stance,
    at,
    ...(content.reason === undefined ? {} : { reason: content.reason }),
  };
  return {
    ...decision,
    participation: { protocol: 'consensus', stances: decision.participation.stances.set(sender, record) },
  };
}

/**
 * The blocks standing on a decision.
 * @param decision - a consensus decision
 * @returns the blocking members, sorted
 */
export function standingBlocks(decision: Decision): MemberId[] {
  if (decision.participation.protocol !== 'consensus') return [];
  return [...decision.participation.stances]
    .filter(([, record]) => record.stance === 'block')
    .map(([member]) => member)
    .sort();
}

/**
 * At the end of the period.
 * @internal
 */
export function settleConsensus(decision: Decision): Decision {
  const blocked = standingBlocks(decision).length > 0;
  const status = blocked ? 'rejected' : 'adopted';
  return {
    ...decision,
    status,
    outcome: { status, reason: blocked ? 'blocked' : 'no-block', at: decision.closesAt },
  };
}
