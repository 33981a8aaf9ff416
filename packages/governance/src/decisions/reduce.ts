/**
 * The decision engine's reducer: `reduce(state, event, context) → { state, rejected?, settled }`.
 *
 * Pure and deterministic: the same log and the same membership inputs give every member and
 * every auditor the same state. An invalid event (malformed, duplicate, wrong sender, too early,
 * too late, wrong protocol…) is ignored — the returned state is the input state — and reported.
 *
 * Each event is taken at its effective time (see {@link effectiveTime}: never back in time, and
 * for anyone but the authority never ahead of the authority's clock by more than the skew).
 * Before an accepted event applies, time advances to that time: decisions whose period has ended
 * settle (at their `closesAt`), decisions whose `opensAt` has come open.
 *
 * @module
 */
import { ActionKinds } from '../control-table/action-kinds';
import { ruleFor } from '../control-table/control-table';
import type { ProtocolRule } from '../control-table/protocol-rule';
import { hasNoDelegation, NO_DELEGATIONS, withDelegation } from '../delegation/delegation-scope';
import { InvalidEventError } from '../errors/invalid-event-error';
import type { GovernanceEvent, GovernanceEventOf } from '../events/event-types';
import {
  parseGovernanceEvent,
  readChangeAuthorityAction,
  readChangeTableAction,
} from '../events/parse-event';
import { takeStance } from '../protocols/consensus';
import { amend, object, withdrawObjection } from '../protocols/consent';
import { castVote, settleSecretResult } from '../protocols/democracy/democracy';
import { challenge } from '../protocols/do-ocracy';
import { decide } from '../protocols/oligarchy';
import type { Step } from '../protocols/protocol-step';
import { startParticipation } from '../protocols/start-participation';
import type { Decision } from './decision';
import type { GovernanceContext, GovernanceState } from './governance-state';
import { DEFAULT_CLOCK_SKEW, effectiveTime } from './group-clock';
import { advanceClock, commitDecision, isPending, openDecision } from './lifecycle';
import type { RejectedEvent, RejectionReason } from './rejection';

/** The result of {@link reduce}. */
export interface ReduceResult {
  /** The new state (the input state itself if the event was rejected). */
  readonly state: GovernanceState;
  /** Why the event was ignored, if it was. */
  readonly rejected?: RejectedEvent;
  /** Ids of decisions that opened, closed or reached an outcome while applying the event. */
  readonly settled: readonly string[];
  /**
   * When the event was taken at another time than its sender claimed (see {@link effectiveTime}):
   * the claimed and the effective time.
   */
  readonly time?: { readonly claimed: number; readonly effective: number };
}

/** Event types only the group's authority may send. */
const AUTHORITY_ONLY: ReadonlySet<string> = new Set([
  'org.imago.governance.tick',
  'org.imago.governance.close',
  'org.imago.governance.secret.result',
]);

function peek(raw: unknown, key: 'id' | 'type'): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

function rejection(
  state: GovernanceState,
  raw: unknown,
  reason: RejectionReason,
  error?: InvalidEventError,
  time?: ReduceResult['time'],
): ReduceResult {
  const id = peek(raw, 'id');
  const type = peek(raw, 'type');
  return {
    state,
    settled: [],
    ...(time === undefined ? {} : { time }),
    rejected: {
      reason,
      ...(id === undefined ? {} : { id }),
      ...(type === undefined ? {} : { type }),
      ...(error === undefined ? {} : { error }),
    },
  };
}

/**
 * Applies one event of the group's governance log.
 *
 * @param state - the current state (never modified)
 * @param raw - the event as received (parsed here: untrusted input is fine)
 * @param context - membership inputs valid at this point of the log
 * @returns the new state, the rejection if the event was ignored, and the decisions it settled
 * @example
 * ```ts
 * let state = initialGovernanceState();
 * const context = { members: new Set(['@ana:example.org', '@bo:example.org']) };
 * const result = reduce(state, {
 *   id: '$init', sender: '@ana:example.org', timestamp: 0, type: 'org.imago.governance.init',
 *   content: { table: { rules: { 'change-control-table': { protocol: 'consensus', duration: 86_400_000 } } } },
 * }, context);
 * state = result.state;
 * ```
 */
export function reduce(state: GovernanceState, raw: unknown, context: GovernanceContext): ReduceResult {
  const parsed = parseGovernanceEvent(raw);
  if (!parsed.ok) return rejection(state, raw, 'malformed', parsed.error);
  const claimed = parsed.value;
  if (state.seen.has(claimed.id)) return rejection(state, raw, 'duplicate');
  if (!context.members.has(claimed.sender)) return rejection(state, raw, 'not-a-member');
  const at = effectiveTime(state, claimed.sender, claimed.timestamp, context.clockSkew ?? DEFAULT_CLOCK_SKEW);
  const time = at === claimed.timestamp ? undefined : { claimed: claimed.timestamp, effective: at };
  if (AUTHORITY_ONLY.has(claimed.type) && !state.authority.includes(claimed.sender)) {
    return rejection(state, raw, 'wrong-sender', undefined, time);
  }
  const event = { ...claimed, timestamp: at } as GovernanceEvent;

  const advanced = advanceClock(state, at, context);
  const applied = apply(advanced.state, event, context, advanced.changed);
  if (typeof applied === 'string') return rejection(state, raw, applied, undefined, time);
  if (applied instanceof InvalidEventError) return rejection(state, raw, 'malformed', applied, time);
  const fromAuthority =
    applied.state.authority.includes(event.sender) || event.type === 'org.imago.governance.init';
  return {
    state: {
      ...applied.state,
      seen: applied.state.seen.set(event.id, true),
      clock: Math.max(applied.state.clock, at),
      ...(fromAuthority ? { authorityClock: Math.max(applied.state.authorityClock, at) } : {}),
    },
    settled: applied.settled,
    ...(time === undefined ? {} : { time }),
  };
}

type Applied = { state: GovernanceState; settled: string[] } | RejectionReason | InvalidEventError;

function apply(
  state: GovernanceState,
  event: GovernanceEvent,
  context: GovernanceContext,
  settled: string[],
): Applied {
  const ok = (next: GovernanceState, ids: readonly string[] = []) => ({
    state: next,
    settled: [...settled, ...ids.filter((id) => !settled.includes(id))],
  });
  const onDecision = (id: string, step: (decision: Decision) => Step): Applied => {
    const decision = state.decisions.get(id);
    if (decision === undefined) return 'unknown-decision';
    const next = step(decision);
    if (typeof next === 'string') return next;
    const changed = next.status !== decision.status;
    return ok(commitDecision(state, next), changed ? [id] : []);
  };
  const { sender, timestamp: at } = event;

  switch (event.type) {
    case 'org.imago.governance.init':
      if (state.table !== undefined) return 'control-table-exists';
      return ok({
        ...state,
        table: event.content.table,
        tableVersion: 0,
        tableHistory: [{ version: 0, table: event.content.table, since: at }],
        authority: event.content.authority ?? [sender],
      });
    case 'org.imago.governance.propose':
      return propose(state, event, context, ok);
    case 'org.imago.governance.withdraw':
      return onDecision(event.content.decision, (decision) => {
        if (!isPending(decision)) return 'not-open';
        if (decision.proposer !== sender) return 'wrong-sender';
        return {
          ...decision,
          status: 'withdrawn',
          outcome: { status: 'withdrawn', reason: 'withdrawn', at },
        };
      });
    case 'org.imago.governance.vote':
      return onDecision(event.content.decision, (decision) => castVote(decision, sender, at, event.content));
    case 'org.imago.governance.approve':
    case 'org.imago.governance.refuse': {
      const approve = event.type === 'org.imago.governance.approve';
      return onDecision(event.content.decision, (decision) =>
        decide(decision, sender, at, event.content, approve),
      );
    }
    case 'org.imago.governance.stance':
      return onDecision(event.content.decision, (decision) =>
        takeStance(decision, sender, at, event.content),
      );
    case 'org.imago.governance.object':
      return onDecision(event.content.decision, (decision) =>
        object(decision, event.id, sender, at, event.content),
      );
    case 'org.imago.governance.objection.withdraw':
      return onDecision(event.content.decision, (decision) =>
        withdrawObjection(decision, sender, at, event.content),
      );
    case 'org.imago.governance.amend': {
      const decision = state.decisions.get(event.content.decision);
      let content = event.content;
      const readAction =
        decision?.kind === ActionKinds.changeControlTable
          ? readChangeTableAction
          : decision?.kind === ActionKinds.changeAuthority
            ? readChangeAuthorityAction
            : undefined;
      if (readAction !== undefined) {
        try {
          content = { ...content, action: readAction(content.action) };
        } catch (error) {
          if (error instanceof InvalidEventError) return error;
          throw error;
        }
      }
      return onDecision(content.decision, (target) => amend(target, event.id, sender, at, content));
    }
    case 'org.imago.governance.challenge':
      return onDecision(event.content.decision, (decision) => {
        const escalated = challenge(decision, event.id, sender, at, event.content, context);
        return typeof escalated === 'string' ? escalated : openDecision(escalated, state, context, at);
      });
    case 'org.imago.governance.delegate':
    case 'org.imago.governance.revoke':
      return delegation(state, event, ok);
    case 'org.imago.governance.tick':
      return ok(state);
    case 'org.imago.governance.close': {
      const decision = state.decisions.get(event.content.decision);
      if (decision === undefined) return 'unknown-decision';
      if (isPending(decision)) return 'too-early';
      // Accepted only as the event that made the decision settle.
      return settled.includes(decision.id) ? ok(state) : 'not-open';
    }
    case 'org.imago.governance.secret.result':
      return onDecision(event.content.decision, (decision) =>
        settleSecretResult(decision, event.content, context, at),
      );
  }
}

function propose(
  state: GovernanceState,
  event: GovernanceEventOf<'org.imago.governance.propose'>,
  context: GovernanceContext,
  ok: (next: GovernanceState, ids?: readonly string[]) => Applied,
): Applied {
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
  return ok(commitDecision(state, decision), [decision.id]);
}

function delegation(
  state: GovernanceState,
  event:
    | GovernanceEventOf<'org.imago.governance.delegate'>
    | GovernanceEventOf<'org.imago.governance.revoke'>,
  ok: (next: GovernanceState) => Applied,
): Applied {
  const { scope } = event.content;
  if (scope.type === 'decision') {
    const decision = state.decisions.get(scope.decision);
    if (decision === undefined) return 'unknown-decision';
    if (!isPending(decision)) return 'not-open';
  }
  const current = state.delegations.get(event.sender) ?? NO_DELEGATIONS;
  let next = current;
  if (event.type === 'org.imago.governance.delegate') {
    const target = event.content.to;
    if ('member' in target && target.member === event.sender) return 'invalid-delegation';
    next = withDelegation(current, scope, target);
  } else {
    next = withDelegation(current, scope, undefined);
    if (next === current || sameDelegations(next, current)) return 'invalid-delegation';
  }
  const delegations = hasNoDelegation(next)
    ? state.delegations.delete(event.sender)
    : state.delegations.set(event.sender, next);
  return ok({ ...state, delegations });
}

function sameDelegations(a: typeof NO_DELEGATIONS, b: typeof NO_DELEGATIONS): boolean {
  return (
    a.group === b.group &&
    Object.keys(a.kinds).length === Object.keys(b.kinds).length &&
    Object.keys(a.decisions).length === Object.keys(b.decisions).length
  );
}
