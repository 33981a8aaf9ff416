/**
 * A decision's course changed by one event: its proposer withdraws it, or a member challenges a
 * do-ocracy act, escalating it to the protocol the rule names.
 *
 * Either may race the authority's close of the period: one homeserver orders it before the close,
 * another after. So until an authority's event ends that period or names the decision, the change
 * is provisional (`GovernanceState.provisional`), and a counted close that names the decision keeps
 * it only if it names the event (`recount.ts`), as for votes. An oligarchy's approvals or refusals
 * that settle a decision early are provisional in the same way (`apply-event.ts`). The same step applies when the event comes in the
 * log and when a counted close replays the events it names.
 *
 * @module
 */
import { challenge } from '../protocols/do-ocracy';
import type { Step } from '../protocols/protocol-step';
import type { Decision } from './decision';
import type { CourseEvent } from './evidence-record';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { isPending, openDecision } from './open-decision';

/**
 * Applies a withdrawal or a challenge to its decision at `at`, and records the event among the
 * decision's evidence. A challenged decision keeps the decision it escalated (`beforeChallenge`),
 * from which a counted close settles it again.
 *
 * @param decision - the decision the event names.
 * @param event - the withdrawal or challenge.
 * @param at - the time the event is taken at.
 * @param state - the state (for the opening of the escalated protocol).
 * @param context - membership inputs at this point.
 * @returns the changed decision, or the rejection reason.
 * @internal
 */
export function changeCourse(
  decision: Decision,
  event: CourseEvent,
  at: number,
  state: GovernanceState,
  context: GovernanceContext,
): Step {
  let next: Decision;
  if (event.type === 'org.imago.governance.withdraw') {
    if (!isPending(decision)) return 'not-open';
    // Periods end at the authority's events: until one comes, a late withdrawal is too late.
    if (decision.status === 'open' && at >= decision.closesAt) return 'too-late';
    if (decision.proposer !== event.sender) return 'wrong-sender';
    next = { ...decision, status: 'withdrawn', outcome: { status: 'withdrawn', reason: 'withdrawn', at } };
  } else {
    const escalated = challenge(decision, event.id, event.sender, at, event.content, context);
    if (typeof escalated === 'string') return escalated;
    const { evidence: _evidence, ...act } = decision;
    next = { ...openDecision(escalated, state, context, at), beforeChallenge: act };
  }
  return { ...next, evidence: [...(decision.evidence ?? []), event.id] };
}
