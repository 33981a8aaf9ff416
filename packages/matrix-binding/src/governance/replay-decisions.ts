/**
 * @module
 * Turning a decisions room's log into @imago/governance state: the room's timeline events of type
 * `org.imago.governance.*` go to governance's reducer as they are; a member's delegation state
 * (`org.imago.governance.delegations`, own state key) becomes `delegate`/`revoke` events by
 * difference with their previous state; MSC3381 poll responses to a poll the proposer opened as
 * the mirror of a decision become votes. Membership at each event comes from the room's own
 * log — its `m.room.member` events, counted only for members the group admitted (founders, an
 * open group's joiners, adopted `admit-member` decisions: {@link MembershipRoll}) — so every
 * member replaying the room gets the same outcome.
 *
 * Time is governance's group clock (`effectiveTime`): the claimed `origin_server_ts` of an event
 * is taken no earlier than the events before it and, for anyone but the group's authority, no
 * later than the authority's clock plus the skew; {@link DecisionsReplay.clock} lists the events
 * whose time was adjusted. A governance event that a redaction removed counts as never sent (its
 * content is gone for everyone who replays later); if a decision had settled with it before the
 * redaction came, a `settled-evidence-redacted` warning names that decision. Pure.
 */
import {
  evaluateAt,
  type GovernanceContext,
  GovernanceEventTypes,
  type GovernanceState,
  initialGovernanceState,
  type RejectedEvent,
  reduce,
} from '@imago/governance';
import { type Delegation, scopeKey } from '../delegations/delegation-set';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent, PollStart } from '../events/parse-imago-event';
import { logWarnings, type RoomLog } from '../replay/room-log';
import { MembershipRoll } from './membership-roll';

/** Options of {@link replayDecisions}. */
export interface ReplayDecisionsOptions {
  /**
   * Members of other groups (sub-groups) by space id, for delegations to a whole group; e.g. the
   * joined members of each sub-group's space.
   */
  groups?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Plugs Helios-C verification of secret results (see @imago/governance `GovernanceContext`). */
  verifySecretResult?: GovernanceContext['verifySecretResult'];
  /**
   * Evaluate the state at this time (settles decisions whose period ended); default: the log's
   * clock. A view for display: only the authority's events settle decisions in the log itself.
   */
  now?: number;
  /** How far ahead of the authority's clock another member's event may claim to be (ms). */
  clockSkew?: number;
}

/** An event the group clock took at another time than its homeserver claimed. */
export interface ClockAdjustment {
  readonly eventId: string;
  readonly sender: string;
  readonly claimed: number;
  readonly effective: number;
}

/** What {@link replayDecisions} returns. */
export interface DecisionsReplay {
  readonly state: GovernanceState;
  /** Events of the log that had no effect: the binding's warnings and governance's rejections. */
  readonly warnings: readonly ImagoWarning[];
  /** Governance's rejections as it reported them. */
  readonly rejected: readonly RejectedEvent[];
  /** The governance events fed to the reducer, in order (for audit and tests). */
  readonly fed: readonly GovernanceInput[];
  /** Events taken at another time than claimed: backdated, or ahead of the authority's clock. */
  readonly clock: readonly ClockAdjustment[];
  /**
   * The group's authority before each event of the log, by event id (the founding authority
   * from `init` on; changed by adopted `change-authority` decisions).
   */
  readonly authorityAt: (eventId: string) => readonly string[];
}

/** A governance event as fed to the reducer. */
export interface GovernanceInput {
  readonly id: string;
  readonly sender: string;
  readonly timestamp: number;
  readonly type: string;
  readonly content: unknown;
}

interface Mirror {
  readonly decision: string;
  readonly poll: PollStart;
}

function warningFor(input: GovernanceInput | undefined, rejection: RejectedEvent): ImagoWarning {
  const code =
    rejection.reason === 'duplicate'
      ? 'duplicate'
      : rejection.reason === 'malformed'
        ? 'malformed-content'
        : 'rejected';
  return {
    code,
    ...(rejection.id ? { eventId: rejection.id } : {}),
    ...(rejection.type ? { type: rejection.type } : {}),
    ...(input ? { sender: input.sender } : {}),
    ...(rejection.error?.path ? { path: rejection.error.path } : {}),
    reason: rejection.reason,
    detail: `rejected by the decision protocol: ${rejection.reason}`,
  };
}

/**
 * Replays a decisions room into governance state.
 *
 * @param log - the room's log ({@link appendToRoomLog} over {@link fetchRoomHistory}).
 * @param options - sub-group memberships, secret-result verification, evaluation time.
 * @returns the governance state, the warnings, and what was fed to the reducer.
 * @example
 * ```ts
 * const log = appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId));
 * const { state, warnings } = replayDecisions(log, { groups: new Map([[sub.spaceId, subMembers]]) });
 * const decision = state.decisions.get(decisionId);
 * ```
 */
export function replayDecisions(log: RoomLog, options: ReplayDecisionsOptions = {}): DecisionsReplay {
  // Who counts: admitted members of the room (see MembershipRoll), not whoever joined it.
  const roll = new MembershipRoll();
  let creators: readonly string[] = [];
  const delegations = new Map<string, readonly Delegation[]>();
  const proposals = new Map<string, { proposer: string; options: readonly unknown[] }>();
  const mirrors = new Map<string, Mirror>();
  const warnings: ImagoWarning[] = [...logWarnings(log)];
  const fed: GovernanceInput[] = [];
  const rejected: RejectedEvent[] = [];
  const adjustments: ClockAdjustment[] = [];
  const authorityBefore = new Map<string, readonly string[]>();
  // Where each decision settled (index in the log), to tell a redaction that came too late.
  const settledAt = new Map<string, number>();
  const pendingAt: { index: number; pending: readonly string[] }[] = [];
  const groups = options.groups ?? new Map<string, ReadonlySet<string>>();
  const redactedAt = new Map<string, number>();
  let state: GovernanceState = initialGovernanceState();
  let index = 0;
  const context = (): GovernanceContext => ({
    members: roll.members(state.authority),
    resolveGroup: (group) => groups.get(group),
    ...(options.verifySecretResult ? { verifySecretResult: options.verifySecretResult } : {}),
    ...(options.clockSkew === undefined ? {} : { clockSkew: options.clockSkew }),
  });
  const feed = (input: GovernanceInput) => {
    fed.push(input);
    const result = reduce(state, input, context());
    state = result.state;
    for (const id of result.settled) {
      const decision = state.decisions.get(id);
      if (decision && decision.status !== 'open' && decision.status !== 'proposed' && !settledAt.has(id))
        settledAt.set(id, index);
      if (decision) roll.observeDecision(decision);
    }
    if (result.time) adjustments.push({ eventId: input.id, sender: input.sender, ...result.time });
    if (result.rejected) {
      rejected.push(result.rejected);
      warnings.push(warningFor(input, result.rejected));
    }
  };
  const warn = (event: ImagoEvent, code: ImagoWarning['code'], detail: string) =>
    warnings.push({ code, eventId: event.eventId, type: event.type, sender: event.sender, detail });

  for (const entry of log.entries) {
    index++;
    if (entry.status !== 'event') {
      const { warning } = entry;
      if (
        warning.code === 'redacted' &&
        warning.eventId &&
        warning.type?.startsWith('org.imago.governance.')
      ) {
        pendingAt.push({ index, pending: state.pending });
        redactedAt.set(warning.eventId, pendingAt.length - 1);
      }
      continue;
    }
    const event = entry.event;
    authorityBefore.set(event.eventId, state.authority);
    const envelope = { sender: event.sender, timestamp: event.timestamp };
    switch (event.kind) {
      case 'room-create':
        if (creators.length === 0) creators = [event.sender, ...event.content.creators];
        roll.observeCreate(creators);
        break;
      case 'join-rules':
        roll.observeJoinRule(event.content.joinRule);
        break;
      case 'membership':
        if (roll.observeMembership(event.stateKey, event.content.membership, state.authority) === false) {
          warnings.push({
            code: 'unadmitted-member',
            eventId: event.eventId,
            type: event.type,
            sender: event.stateKey,
            detail: `${event.stateKey} joined without an admission of the group: not counted in its decisions`,
          });
        }
        break;
      case 'redaction': {
        const victim = redactedAt.get(event.content.redacts);
        const before = victim === undefined ? undefined : pendingAt[victim];
        if (before === undefined) break;
        // Decisions open when the redacted event was sent that had settled before its redaction.
        for (const decision of before.pending) {
          const settled = settledAt.get(decision);
          if (settled !== undefined && settled > before.index && settled < index) {
            warnings.push({
              code: 'settled-evidence-redacted',
              eventId: event.content.redacts,
              sender: event.sender,
              reason: decision,
              detail: `redacted by ${event.sender} after decision ${decision} had settled`,
            });
          }
        }
        break;
      }
      case 'governance':
        if (event.type === GovernanceEventTypes.init && !creators.includes(event.sender)) {
          warn(event, 'unauthorised', 'only the room creator sets the initial control table');
          break;
        }
        if (event.type === GovernanceEventTypes.propose) {
          const options = Array.isArray(event.content.options) ? event.content.options : ['yes', 'no'];
          proposals.set(event.eventId, { proposer: event.sender, options });
        }
        feed({ id: event.eventId, ...envelope, type: event.type, content: event.content });
        if (event.type === GovernanceEventTypes.init && state.table !== undefined) roll.observeInit();
        break;
      case 'delegations': {
        const before = new Map((delegations.get(event.sender) ?? []).map((d) => [scopeKey(d.scope), d]));
        const after = new Map(event.content.delegations.map((d) => [scopeKey(d.scope), d]));
        delegations.set(event.sender, event.content.delegations);
        for (const [key, delegation] of before) {
          if (!after.has(key)) {
            feed({
              id: `${event.eventId}/${key}`,
              ...envelope,
              type: GovernanceEventTypes.revoke,
              content: { scope: delegation.scope },
            });
          }
        }
        for (const [key, delegation] of after) {
          if (JSON.stringify(before.get(key)) === JSON.stringify(delegation)) continue;
          feed({
            id: `${event.eventId}/${key}`,
            ...envelope,
            type: GovernanceEventTypes.delegate,
            content: { scope: delegation.scope, to: delegation.to },
          });
        }
        break;
      }
      case 'poll-start': {
        const decision = event.content.decision;
        if (decision === undefined) break;
        const proposal = proposals.get(decision);
        if (proposal?.proposer !== event.sender) {
          warn(event, 'unauthorised', 'only the proposer mirrors a decision as a poll');
          break;
        }
        const labels = event.content.answers.map((answer) => answer.label);
        if (
          labels.length !== proposal.options.length ||
          labels.some((label, i) => label !== proposal.options[i])
        ) {
          warn(event, 'malformed-content', 'the poll’s answers are not the decision’s options, in order');
          break;
        }
        if (!mirrors.has(event.eventId)) mirrors.set(event.eventId, { decision, poll: event.content });
        break;
      }
      case 'poll-response': {
        const mirror = mirrors.get(event.content.poll);
        if (!mirror) break;
        const ids = mirror.poll.answers.map((answer) => answer.id);
        const chosen = event.content.answers.slice(0, mirror.poll.maxSelections);
        if (chosen.length === 0 || chosen.some((id) => !ids.includes(id))) {
          warn(event, 'malformed-content', 'poll response with unknown answers');
          break;
        }
        const ballot = ids.map((id) => (chosen.includes(id) ? 1 : 0));
        feed({
          id: event.eventId,
          ...envelope,
          type: GovernanceEventTypes.vote,
          content: { decision: mirror.decision, ballot },
        });
        break;
      }
      default:
        break;
    }
  }
  if (options.now !== undefined) {
    state = evaluateAt(state, options.now, {
      members: roll.members(state.authority),
      resolveGroup: (group) => groups.get(group),
    }).state;
  }
  const current = state.authority;
  return {
    state,
    warnings,
    rejected,
    fed,
    clock: adjustments,
    authorityAt: (eventId) => authorityBefore.get(eventId) ?? current,
  };
}
