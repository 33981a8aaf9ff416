/**
 * When a decision keeps no evidence: once no counted close can settle it again (see
 * `awaited-evidence.ts`).
 *
 * @module
 */
import type { Decision } from './decision';
import type { GovernanceState } from './governance-state';
import { isFinal } from './lifecycle';

/**
 * Whether no counted close can settle a decision again: its status is final and it is not
 * provisional (no withdrawal, challenge or early settlement of it awaits confirmation; only pending,
 * provisional and waiting decisions are settled again, and one waiting for named evidence is
 * `closed`, not final).
 * @internal
 */
export function settledForGood(state: GovernanceState, decision: Decision): boolean {
  return isFinal(decision) && !state.provisional.has(decision.id);
}
