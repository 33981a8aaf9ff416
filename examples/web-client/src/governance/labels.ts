/**
 * @module
 * Words shown to people for the governance vocabulary (counting methods, statuses, reasons,
 * majority-judgment grades).
 */
import type { CountingMethodName, DecisionStatus, OutcomeReason } from '@imago/governance';

/** Counting methods, as offered in forms. */
export const METHOD_LABELS: Record<CountingMethodName, string> = {
  'majority-judgment': 'Majority judgment',
  plurality: 'Plurality (one choice)',
  approval: 'Approval (any number of choices)',
  schulze: 'Schulze (ranking)',
  stv: 'Single transferable vote (ranking)',
};

/** Decision statuses. */
export const STATUS_LABELS: Record<DecisionStatus, string> = {
  proposed: 'Proposed',
  open: 'Open',
  closed: 'Closed, counting',
  adopted: 'Adopted',
  rejected: 'Rejected',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

/** Why a decision ended. */
export const REASON_LABELS: Record<OutcomeReason, string> = {
  approved: 'enough approvals',
  refused: 'too many refusals',
  'not-enough-deciders': 'not enough deciders',
  deadline: 'the period ended',
  'quorum-not-met': 'quorum not met',
  'threshold-not-met': 'threshold not met',
  'motion-defeated': 'the motion was defeated',
  tie: 'a tie',
  elected: 'elected',
  'no-block': 'nobody blocked',
  blocked: 'blocked',
  'no-objection': 'no objection stands',
  'objection-stands': 'an objection stands',
  unchallenged: 'unchallenged',
  'no-trustees': 'no trustees were named, so no secret vote could be held',
  withdrawn: 'withdrawn by the proposer',
};

/**
 * Majority-judgment grade names, best first (grade 1 is the best, as in Belenios).
 *
 * @param grades - how many grades the rule uses.
 */
export function gradeNames(grades: number): string[] {
  const five = ['Excellent', 'Very good', 'Good', 'Fair', 'Poor'];
  const seven = ['Excellent', 'Very good', 'Good', 'Fair', 'Passable', 'Poor', 'Reject'];
  if (grades === 5) return five;
  if (grades === 7) return seven;
  return Array.from({ length: grades }, (_, i) => `Grade ${i + 1}`);
}
