/**
 * What a decision starts with under a rule: who may take part and an empty participation record.
 *
 * @module
 */
import type { ProtocolRule } from '../control-table/protocol-rule';
import type { Participation } from '../decisions/decision';
import type { GovernanceContext } from '../decisions/governance-context';
import type { MemberId } from '../membership/member-id';
import { PersistentMap } from '../persistent/persistent-map';
import { resolveDeciders } from './oligarchy';
import { sortIds } from './protocol-step';

/**
 * @param rule - the rule in force
 * @param context - membership inputs at this point of the log
 * @returns eligible members and deciders (sorted snapshots) and empty participation
 * @internal
 */
export function startParticipation(
  rule: ProtocolRule,
  context: GovernanceContext,
): { eligible: MemberId[]; deciders: MemberId[]; participation: Participation } {
  const eligible = sortIds(context.members);
  switch (rule.protocol) {
    case 'oligarchy':
      return {
        eligible,
        deciders: resolveDeciders(rule.deciders, context),
        participation: {
          protocol: 'oligarchy',
          approvals: PersistentMap.empty(),
          refusals: PersistentMap.empty(),
        },
      };
    case 'democracy':
      return {
        eligible,
        deciders: [],
        participation: { protocol: 'democracy', ballots: PersistentMap.empty() },
      };
    case 'consensus':
      return {
        eligible,
        deciders: [],
        participation: { protocol: 'consensus', stances: PersistentMap.empty() },
      };
    case 'consent':
      return {
        eligible,
        deciders: [],
        participation: { protocol: 'consent', objections: PersistentMap.empty() },
      };
    case 'do-ocracy':
      return { eligible, deciders: [], participation: { protocol: 'do-ocracy' } };
  }
}
