/**
 * What a protocol step returns: the updated decision, or why the event is rejected.
 *
 * @module
 */
import type { Decision } from '../decisions/decision';
import type { RejectionReason } from '../decisions/rejection';
import { compareIds } from '../membership/member-id';

/** The updated decision, or a rejection reason (the event is then ignored). */
export type Step = Decision | RejectionReason;

/** Whether `value` occurs in the sorted array `sorted` (binary search). */
export function includesSorted(sorted: readonly string[], value: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = sorted[middle]!;
    if (item === value) return true;
    if (item < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Sorts ids by code unit order (deterministic across platforms, unlike `localeCompare`). */
export function sortIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareIds);
}

/**
 * Whether a participation event at `at` falls within the decision's open period.
 * @returns `undefined` if it does, the rejection reason otherwise
 */
export function checkOpen(decision: Decision, at: number): RejectionReason | undefined {
  if (at < decision.opensAt) return 'too-early';
  if (at >= decision.closesAt) return 'too-late';
  if (decision.status !== 'open') return 'not-open';
  return undefined;
}
