/**
 * @module
 * The control table a group starts with: one democracy rule for every kind of action (the
 * table's `fallback`) and for changing the table itself; its creator chairs the group's
 * assemblies (the `chair-assembly` row) and decides, alone at first, who is admitted and who is
 * excluded (`admit-member` and `exclude-member`: one approval). The group changes it later through
 * the rule it names for `change-control-table`.
 */
import type { ControlTable, CountingMethodName, DemocracyRule, ProtocolRule } from '@imago/governance';
import { ADMIT_MEMBER_KIND, CHAIR_ASSEMBLY_KIND, EXCLUDE_MEMBER_KIND } from '@imago/matrix-binding';

/** The choices offered when creating a group. */
export interface DecisionRuleChoice {
  /** `democracy` (a vote, the default), `consensus` (adopted unless blocked) or `consent` (unless a paramount objection stands). */
  protocol?: 'democracy' | 'consensus' | 'consent';
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
 * @param chair - who chairs the group's assemblies and admits members at first (default: nobody).
 * @returns the control table for `org.imago.governance.init`.
 */
export function initialControlTable(choice: DecisionRuleChoice, chair?: string): ControlTable {
  const duration = Math.max(1, Math.round(choice.duration));
  const alone: ProtocolRule | undefined = chair
    ? { protocol: 'oligarchy', deciders: { members: [chair] }, required: 1, duration }
    : undefined;
  const chairs: ControlTable['rules'] = alone
    ? { [CHAIR_ASSEMBLY_KIND]: alone, [ADMIT_MEMBER_KIND]: alone, [EXCLUDE_MEMBER_KIND]: alone }
    : {};
  if (choice.protocol === 'consensus' || choice.protocol === 'consent') {
    const rule: ProtocolRule = { protocol: choice.protocol, duration };
    return { rules: { 'change-control-table': rule, ...chairs }, fallback: rule };
  }
  const rule = democracyRule({ ...choice, duration });
  return { rules: { 'change-control-table': rule, ...chairs }, fallback: rule };
}

/**
 * The web client's vote rule: passes with more than half of the counted weight, no quorum;
 * delegations to a group carry the group's vote fractionally.
 *
 * @param choice - method, ballot, period (ms), delegation, grades for majority judgment (default 5).
 */
export function democracyRule(choice: Omit<DecisionRuleChoice, 'protocol'>): DemocracyRule {
  return {
    protocol: 'democracy',
    method: choice.method,
    quorum: 0,
    threshold: 0.5,
    duration: choice.duration,
    ballot: choice.ballot,
    delegation: choice.delegation,
    groupDelegation: 'fractional',
    ...(choice.method === 'majority-judgment' ? { grades: choice.grades ?? 5 } : {}),
    ...(choice.method === 'stv' ? { seats: 1 } : {}),
  };
}
