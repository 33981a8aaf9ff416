/**
 * A decision's opening, and whether it still waits for time to pass.
 *
 * @module
 */
import { secretSetup } from '../protocols/democracy/democracy';
import { openOligarchy } from '../protocols/oligarchy';
import type { Decision } from './decision';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';

/** Whether the decision still waits for time to pass (`proposed` or `open`). */
export function isPending(decision: Decision): boolean {
  return decision.status === 'proposed' || decision.status === 'open';
}

/**
 * Opens a decision: fixes secret-ballot weights, checks an oligarchy can still reach k.
 * @internal
 */
export function openDecision(
  decision: Decision,
  state: GovernanceState,
  context: GovernanceContext,
  at: number,
): Decision {
  let opened: Decision = { ...decision, status: 'open' };
  if (opened.rule.protocol === 'democracy' && opened.rule.ballot === 'secret') {
    opened = { ...opened, secret: secretSetup(opened, state, context) };
  }
  return openOligarchy(opened, at);
}
