/**
 * @module
 * The control table a group starts with: one democracy rule for every kind of action (the
 * table's `fallback`) and for changing the table itself. The group changes it later through the
 * rule it names for `change-control-table`.
 */
import type { ControlTable, CountingMethodName, DemocracyRule } from '@imago/governance';

/** The choices offered when creating a group. */
export interface DecisionRuleChoice {
  method: CountingMethodName;
  ballot: 'public' | 'secret';
  /** Voting period in milliseconds. */
  duration: number;
  /** Members may delegate their vote (liquid democracy). */
  delegation: boolean;
  /** Majority judgment: number of grades. */
  grades?: number;
}

/** The default: a public majority-judgment vote over a week, with delegation. */
export const DEFAULT_RULE: DecisionRuleChoice = {
  method: 'majority-judgment',
  ballot: 'public',
  duration: 7 * 24 * 3_600_000,
  delegation: true,
  grades: 5,
};

/**
 * @param choice - method, ballot, period, delegation.
 * @returns the control table for `org.imago.governance.init`.
 */
export function initialControlTable(choice: DecisionRuleChoice): ControlTable {
  const rule: DemocracyRule = {
    protocol: 'democracy',
    method: choice.method,
    quorum: 0,
    threshold: 0.5,
    duration: Math.max(1, Math.round(choice.duration)),
    ballot: choice.ballot,
    delegation: choice.delegation,
    groupDelegation: 'fractional',
    ...(choice.method === 'majority-judgment' ? { grades: choice.grades ?? 5 } : {}),
    ...(choice.method === 'stv' ? { seats: 1 } : {}),
  };
  return { rules: { 'change-control-table': rule }, fallback: rule };
}
