/**
 * Proposing a decision: the rule comes from the control table in force, the participants from the
 * membership at the proposal, the period from the rule.
 *
 * @module
 */
import { ruleFor } from '../control-table/control-table';
import type { ProtocolRule } from '../control-table/protocol-rule';
import type { GovernanceEventOf } from '../events/event-types';
import { startParticipation } from '../protocols/start-participation';
import type { Decision } from './decision';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { commitDecision } from './lifecycle';
import { openDecision } from './open-decision';
import type { RejectionReason } from './rejection';

/**
 * A new decision under the rule the table in force gives its kind: its deciders and eligible
 * members fixed now, open at once unless it names a later `opensAt`.
 *
 * @param state - the state at the proposal.
 * @param event - the `propose` event (its id becomes the decision's).
 * @param context - membership inputs valid at the proposal.
 * @returns the state with the decision and its id, or why the proposal is rejected.
 * @internal
 */
export function proposeDecision(
  state: GovernanceState,
  event: GovernanceEventOf<'org.imago.governance.propose'>,
  context: GovernanceContext,
): { state: GovernanceState; decision: string } | RejectionReason {
  if (state.table === undefined) return 'no-control-table';
  const { content, sender, timestamp: at } = event;
  const rule: ProtocolRule | undefined = ruleFor(state.table, content.kind);
  if (rule === undefined) return 'unknown-kind';
  const opensAt = Math.max(at, content.opensAt ?? at);
  const start = startParticipation(rule, context);
  const period = rule.protocol === 'do-ocracy' ? rule.window : rule.duration;
  const options = content.options ?? ['yes', 'no'];
  if (rule.protocol === 'democracy' && rule.method === 'stv' && (rule.seats ?? 1) >= options.length) {
    return 'invalid-options';
  }
  if (rule.protocol === 'democracy' && rule.ballot === 'secret') {
    if (rule.trustees !== undefined && content.trustees !== undefined) return 'invalid-trustees';
    if (rule.trustees === undefined && content.trustees === undefined) return 'no-trustees';
  }
  let decision: Decision = {
    id: event.id,
    kind: content.kind,
    proposer: sender,
    proposedAt: at,
    ...(content.title === undefined ? {} : { title: content.title }),
    action: content.action,
    options,
    motion: content.options === undefined,
    rule,
    tableVersion: state.tableVersion,
    eligible: start.eligible,
    deciders: start.deciders,
    opensAt,
    closesAt: opensAt + period,
    status: 'proposed',
    participation: start.participation,
    ...(content.trustees === undefined ? {} : { trustees: content.trustees }),
  };
  if (opensAt <= at) decision = openDecision(decision, state, context, at);
  return { state: commitDecision(state, decision), decision: decision.id };
}
