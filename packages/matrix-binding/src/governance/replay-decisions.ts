/**
 * @module
 * Turning a decisions room's log into @imago/governance state: the room's timeline events of type
 * `org.imago.governance.*` go to governance's reducer as they are; a member's delegation state
 * (`org.imago.governance.delegations`, own state key) becomes `delegate`/`revoke` events by
 * difference with their previous state; MSC3381 poll responses to a poll the proposer opened as
 * the mirror of a decision become votes. Membership at each event comes from the room's own
 * `m.room.member` events, so every member replaying the room gets the same outcome. Pure.
 */
import {
  evaluateAt,
  type GovernanceContext,
  GovernanceEventTypes,
  type GovernanceState,
  type RejectedEvent,
  replay,
} from '@imago/governance';
import { type Delegation, scopeKey } from '../delegations/delegation-set';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent, PollStart } from '../events/parse-imago-event';
import { logWarnings, type RoomLog } from '../replay/room-log';

/** Options of {@link replayDecisions}. */
export interface ReplayDecisionsOptions {
  /**
   * Members of other groups (sub-groups) by space id, for delegations to a whole group; e.g. the
   * joined members of each sub-group's space.
   */
  groups?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Plugs Helios-C verification of secret results (see @imago/governance `GovernanceContext`). */
  verifySecretResult?: GovernanceContext['verifySecretResult'];
  /** Evaluate the state at this time (settles decisions whose period ended); default: the log's clock. */
  now?: number;
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
  const members = new Set<string>();
  let creators: readonly string[] = [];
  const delegations = new Map<string, readonly Delegation[]>();
  const proposals = new Map<string, { proposer: string; options: readonly unknown[] }>();
  const mirrors = new Map<string, Mirror>();
  const warnings: ImagoWarning[] = [...logWarnings(log)];
  const fed: GovernanceInput[] = [];
  const contexts: GovernanceContext[] = [];
  const groups = options.groups ?? new Map<string, ReadonlySet<string>>();
  const feed = (input: GovernanceInput) => {
    fed.push(input);
    contexts.push({
      members: new Set(members),
      resolveGroup: (group) => groups.get(group),
      ...(options.verifySecretResult ? { verifySecretResult: options.verifySecretResult } : {}),
    });
  };
  const warn = (event: ImagoEvent, code: ImagoWarning['code'], detail: string) =>
    warnings.push({ code, eventId: event.eventId, type: event.type, sender: event.sender, detail });

  for (const entry of log.entries) {
    if (entry.status !== 'event') continue;
    const event = entry.event;
    const envelope = { sender: event.sender, timestamp: event.timestamp };
    switch (event.kind) {
      case 'room-create':
        if (creators.length === 0) creators = [event.sender, ...event.content.creators];
        break;
      case 'membership':
        if (event.content.membership === 'join') members.add(event.stateKey);
        else members.delete(event.stateKey);
        break;
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
  const result = replay(fed, (_event, index) => contexts[index] as GovernanceContext);
  const byId = new Map(fed.map((input) => [input.id, input]));
  for (const rejection of result.rejected) {
    warnings.push(warningFor(rejection.id ? byId.get(rejection.id) : undefined, rejection));
  }
  let state = result.state;
  if (options.now !== undefined) {
    state = evaluateAt(state, options.now, {
      members: new Set(members),
      resolveGroup: (group) => groups.get(group),
    }).state;
  }
  return { state, warnings, rejected: result.rejected, fed };
}
