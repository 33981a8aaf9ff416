/**
 * What a decision's protocol gives when its period ends.
 *
 * @module
 */
import { settleConsensus } from '../protocols/consensus';
import { settleConsent } from '../protocols/consent';
import { settleDemocracy } from '../protocols/democracy/democracy';
import { settleDoOcracy } from '../protocols/do-ocracy';
import { settleOligarchy } from '../protocols/oligarchy';
import type { Decision } from './decision';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';

/**
 * Settles an open decision whose period has ended.
 * @internal
 */
export function settleAtDeadline(
  decision: Decision,
  state: GovernanceState,
  context: GovernanceContext,
): Decision {
  switch (decision.rule.protocol) {
    case 'oligarchy':
      return settleOligarchy(decision);
    case 'democracy':
      return settleDemocracy(decision, state, context);
    case 'consensus':
      return settleConsensus(decision);
    case 'consent':
      return settleConsent(decision);
    case 'do-ocracy':
      return settleDoOcracy(decision);
  }
}
