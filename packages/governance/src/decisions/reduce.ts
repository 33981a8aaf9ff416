/**
 * The decision engine's reducer: `reduce(state, event, context) → { state, rejected?, settled }`.
 *
 * Pure and deterministic: the same log and the same membership inputs give every member and
 * every auditor the same state. An invalid event (malformed, duplicate, wrong sender, too early,
 * too late, wrong protocol…) is ignored and reported: the returned state is the input state, but
 * for the record of evidence a counted close may name (`counted-evidence.ts`) and, for an event
 * such a close waited for, the decision it lets settle.
 *
 * Each event is taken at its effective time (see {@link effectiveTime}: never back in time, and
 * for anyone but the authority never ahead of the authority's clock by more than the skew).
 * Before an accepted event applies, time advances to that time: decisions whose period has ended
 * settle (at their `closesAt`), decisions whose `opensAt` has come open. What each event type then
 * does is in `apply-event.ts`.
 *
 * @module
 */
import { InvalidEventError } from '../errors/invalid-event-error';
import type { GovernanceEvent } from '../events/event-types';
import { parseGovernanceEvent } from '../events/parse-event';
import { applyEvent } from './apply-event';
import { recordEvidence, releaseEvidence, resumeCounts } from './awaited-evidence';
import { resolveCounted } from './counted-evidence';
import type { GovernanceContext } from './governance-context';
import type { GovernanceState } from './governance-state';
import { DEFAULT_CLOCK_SKEW, effectiveTime } from './group-clock';
import { advanceClock } from './lifecycle';
import type { CountIssue } from './recount';
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
  /** What settling decisions on the authority's counted evidence reported (see `recount.ts`). */
  readonly count?: readonly CountIssue[];
}

/** Event types only the group's authority may send. */
const AUTHORITY_ONLY: ReadonlySet<string> = new Set([
  'org.imago.governance.tick',
  'org.imago.governance.close',
  'org.imago.governance.counted',
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
  const result = reduceEvent(state, raw, context);
  if (result.state === state) return result;
  // What no close can settle again keeps no evidence (`awaited-evidence.ts`).
  const ended =
    state.provisional.size === 0
      ? []
      : state.provisional.keys().filter((id) => !result.state.provisional.has(id));
  const released = releaseEvidence(result.state, [...result.settled, ...ended]);
  return released === result.state ? result : { ...result, state: released };
}

function reduceEvent(state: GovernanceState, raw: unknown, context: GovernanceContext): ReduceResult {
  const parsed = parseGovernanceEvent(raw);
  if (!parsed.ok) return rejection(state, raw, 'malformed', parsed.error);
  const claimed = parsed.value;
  if (state.seen.has(claimed.id)) return rejection(state, raw, 'duplicate');
  // Kept whatever becomes of the event, since a counted close may name it.
  const recorded = recordEvidence(state, claimed, context);
  if (!recorded.awaiting.has(claimed.id)) return reduceParsed(state, recorded, raw, claimed, context);
  // A participation event a counted close waited for: its decision has settled, so it does
  // nothing else. A delegation also changes the member's delegations, as any other.
  const delegation = claimed.type === 'org.imago.governance.delegate';
  const result = delegation
    ? reduceParsed(state, recorded, raw, claimed, context)
    : { state: { ...recorded, seen: recorded.seen.set(claimed.id, true) }, settled: [] };
  const resumed = resumeCounts(result.state, [claimed.id], context);
  const count = [...(result.count ?? []), ...resumed.issues];
  return {
    ...result,
    state: resumed.state,
    settled: [...result.settled, ...resumed.settled],
    ...(count.length === 0 ? {} : { count }),
  };
}

function reduceParsed(
  state: GovernanceState,
  recorded: GovernanceState,
  raw: unknown,
  claimed: GovernanceEvent,
  context: GovernanceContext,
): ReduceResult {
  if (!context.members.has(claimed.sender)) return rejection(recorded, raw, 'not-a-member');
  const at = effectiveTime(state, claimed.sender, claimed.timestamp, context.clockSkew ?? DEFAULT_CLOCK_SKEW);
  const time = at === claimed.timestamp ? undefined : { claimed: claimed.timestamp, effective: at };
  const fromAuthority = state.authority.includes(claimed.sender);
  if (AUTHORITY_ONLY.has(claimed.type) && !fromAuthority) {
    return rejection(recorded, raw, 'wrong-sender', undefined, time);
  }
  const event = { ...claimed, timestamp: at } as GovernanceEvent;
  const counts =
    event.type === 'org.imago.governance.close' || event.type === 'org.imago.governance.tick'
      ? resolveCounted(recorded, event.content.counted)
      : new Map<string, readonly string[]>();
  if (counts === undefined) return rejection(recorded, raw, 'incomplete-count', undefined, time);

  // Only the authority's events end periods (see `advanceClock`); the parts of a counted list
  // come before the close that settles on them.
  const settle = fromAuthority && event.type !== 'org.imago.governance.counted';
  const advanced = advanceClock(recorded, at, context, { settle, counts });
  const applied = applyEvent(advanced.state, event, context, advanced.changed);
  if (typeof applied === 'string') return rejection(recorded, raw, applied, undefined, time);
  if (applied instanceof InvalidEventError) return rejection(recorded, raw, 'malformed', applied, time);
  const count = [...advanced.issues, ...(applied.count ?? [])];
  const clockOfAuthority =
    applied.state.authority.includes(event.sender) || event.type === 'org.imago.governance.init';
  return {
    state: {
      ...applied.state,
      seen: applied.state.seen.set(event.id, true),
      clock: Math.max(applied.state.clock, at),
      ...(clockOfAuthority ? { authorityClock: Math.max(applied.state.authorityClock, at) } : {}),
    },
    settled: applied.settled,
    ...(time === undefined ? {} : { time }),
    ...(count.length === 0 ? {} : { count }),
  };
}
