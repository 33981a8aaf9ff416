/**
 * @module
 * The decisions room folded into @imago/governance state one log entry at a time. A
 * {@link DecisionsFold} is what {@link replayDecisions} runs over a whole log and what a live
 * follower keeps between events, so a replay from scratch and a follower cannot diverge: they are
 * the same code fed the same entries. A fold can be written down ({@link DecisionsFold.snapshot})
 * and taken up again ({@link DecisionsFold.resume}), which is what a checkpoint carries.
 *
 * Each entry goes through the rules of {@link replayDecisions}: governance events to the reducer as
 * they are, delegation state by difference with the member's previous state, MSC3381 poll
 * responses to a proposer's mirror poll as votes, membership from the room's own member events
 * counted for the members the group admitted ({@link MembershipRoll}), time from governance's group
 * clock. Pure.
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
import type { ImagoEvent } from '../events/imago-event';
import type { ImagoWarning } from '../events/imago-warning';
import type { LogEntry } from '../replay/room-log';
import type { PollStart } from './governance-events';
import { MembershipRoll, type MembershipRollData } from './membership-roll';
import type {
  ClockAdjustment,
  DecisionsReplay,
  GovernanceInput,
  ReplayDecisionsOptions,
} from './replay-decisions';

/** An MSC3381 poll that mirrors a decision (its responses are votes). */
export interface PollMirror {
  readonly decision: string;
  readonly poll: PollStart;
}

/**
 * Everything a {@link DecisionsFold} carries from one entry to the next: enough to take the fold
 * up again after the entry it was written at. Plain data except `state` (governance's immutable
 * state, with its persistent maps); see {@link encodeFoldSnapshot} for its bytes.
 */
export interface DecisionsFoldSnapshot {
  /** Log entries folded so far. */
  readonly entries: number;
  readonly state: GovernanceState;
  /**
   * The room's roll: its creators (the sender of `m.room.create` and its additional creators),
   * joined and invited members, founders, join rule, and the adopted admissions and exclusions.
   */
  readonly roll: MembershipRollData;
  /** Each member's latest delegation state. */
  readonly delegations: readonly (readonly [string, readonly Delegation[]])[];
  /** Proposals seen (accepted or not), for poll mirrors. */
  readonly proposals: readonly (readonly [
    string,
    { readonly proposer: string; readonly options: readonly unknown[] },
  ])[];
  /** Poll mirrors by poll event id. */
  readonly mirrors: readonly (readonly [string, PollMirror])[];
  /** Entry index at which each decision settled. */
  readonly settledAt: readonly (readonly [string, number])[];
  /** Decisions pending when each redacted governance event was sent, by redacted event id. */
  readonly redacted: readonly (readonly [
    string,
    { readonly index: number; readonly pending: readonly string[] },
  ])[];
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
 * A resumable fold of a decisions room's log: {@link DecisionsFold.add} entries in log order,
 * read the result with {@link DecisionsFold.current} at any point.
 *
 * @example
 * ```ts
 * const fold = new DecisionsFold();
 * fold.add(log.entries);            // the history
 * fold.add(newEntries);             // then each new event, as it comes
 * const { state } = fold.current(Date.now());
 * ```
 */
export class DecisionsFold {
  readonly #options: ReplayDecisionsOptions;
  #state: GovernanceState = initialGovernanceState();
  #entries = 0;
  // Who counts: admitted members of the room, not whoever joined it.
  #roll = new MembershipRoll();
  readonly #delegations = new Map<string, readonly Delegation[]>();
  readonly #proposals = new Map<string, { proposer: string; options: readonly unknown[] }>();
  readonly #mirrors = new Map<string, PollMirror>();
  // Where each decision settled (entry index), to tell a redaction that came too late.
  readonly #settledAt = new Map<string, number>();
  readonly #redacted = new Map<string, { index: number; pending: readonly string[] }>();
  readonly #logWarnings: ImagoWarning[] = [];
  readonly #warnings: ImagoWarning[] = [];
  readonly #fed: GovernanceInput[] = [];
  readonly #rejected: RejectedEvent[] = [];
  readonly #clock: ClockAdjustment[] = [];
  readonly #authorityBefore = new Map<string, readonly string[]>();
  readonly #tableBefore = new Map<string, GovernanceState['table']>();

  /**
   * @param options - sub-group memberships, secret-result verification, clock skew (`now` is
   *   ignored here: give it to {@link DecisionsFold.current}).
   */
  constructor(options: ReplayDecisionsOptions = {}) {
    this.#options = options;
  }

  /**
   * Takes a fold up again from a snapshot: the result is the fold that wrote it, except for the
   * reports (warnings, rejections, inputs fed, clock adjustments) of the entries before it.
   *
   * @param snapshot - a snapshot from {@link DecisionsFold.snapshot} (or decoded from a checkpoint).
   * @param options - as for the constructor.
   * @returns the fold, ready for the entries after the snapshot.
   */
  static resume(snapshot: DecisionsFoldSnapshot, options: ReplayDecisionsOptions = {}): DecisionsFold {
    const fold = new DecisionsFold(options);
    fold.#entries = snapshot.entries;
    fold.#state = snapshot.state;
    fold.#roll = MembershipRoll.from(snapshot.roll);
    for (const [member, delegations] of snapshot.delegations) fold.#delegations.set(member, delegations);
    for (const [id, proposal] of snapshot.proposals) fold.#proposals.set(id, proposal);
    for (const [id, mirror] of snapshot.mirrors) fold.#mirrors.set(id, mirror);
    for (const [id, index] of snapshot.settledAt) fold.#settledAt.set(id, index);
    for (const [id, before] of snapshot.redacted) fold.#redacted.set(id, before);
    return fold;
  }

  /** Log entries folded so far. */
  get entries(): number {
    return this.#entries;
  }

  /** The governance state so far (as the log settles it, without evaluating at a time). */
  get state(): GovernanceState {
    return this.#state;
  }

  /**
   * Folds entries, in log order, after those already folded.
   *
   * @param entries - the next entries of the room's log.
   * @returns this fold.
   */
  add(entries: Iterable<LogEntry>): this {
    for (const entry of entries) this.#addEntry(entry);
    return this;
  }

  /**
   * The fold written down after its last entry.
   *
   * @returns a snapshot that {@link DecisionsFold.resume} takes up again.
   */
  snapshot(): DecisionsFoldSnapshot {
    return {
      entries: this.#entries,
      state: this.#state,
      roll: this.#roll.toData(),
      delegations: [...this.#delegations],
      proposals: [...this.#proposals],
      mirrors: [...this.#mirrors],
      settledAt: [...this.#settledAt],
      redacted: [...this.#redacted],
    };
  }

  /**
   * The replay so far.
   *
   * @param now - evaluate the state at this time (settles decisions whose period ended); default:
   *   the log's clock, where only the authority's events settle decisions.
   * @returns what {@link replayDecisions} returns for the entries folded so far.
   */
  current(now?: number): DecisionsReplay {
    let state = this.#state;
    if (now !== undefined) {
      const groups = this.#options.groups;
      state = evaluateAt(state, now, {
        members: this.#roll.members(this.#state.authority),
        resolveGroup: (group) => groups?.get(group),
      }).state;
    }
    const authority = this.#state.authority;
    const before = this.#authorityBefore;
    const table = this.#state.table;
    const tableBefore = this.#tableBefore;
    return {
      state,
      warnings: [...this.#logWarnings, ...this.#warnings],
      rejected: [...this.#rejected],
      fed: [...this.#fed],
      clock: [...this.#clock],
      authorityAt: (eventId) => before.get(eventId) ?? authority,
      tableAt: (eventId) => (tableBefore.has(eventId) ? tableBefore.get(eventId) : table),
    };
  }

  #context(): GovernanceContext {
    const groups = this.#options.groups;
    return {
      members: this.#roll.members(this.#state.authority),
      resolveGroup: (group) => groups?.get(group),
      ...(this.#options.verifySecretResult ? { verifySecretResult: this.#options.verifySecretResult } : {}),
      ...(this.#options.clockSkew === undefined ? {} : { clockSkew: this.#options.clockSkew }),
    };
  }

  #feed(input: GovernanceInput): void {
    this.#fed.push(input);
    const result = reduce(this.#state, input, this.#context());
    this.#state = result.state;
    for (const id of result.settled) {
      const decision = this.#state.decisions.get(id);
      if (
        decision &&
        decision.status !== 'open' &&
        decision.status !== 'proposed' &&
        !this.#settledAt.has(id)
      )
        this.#settledAt.set(id, this.#entries);
      if (decision) this.#roll.observeDecision(decision);
    }
    if (result.time) this.#clock.push({ eventId: input.id, sender: input.sender, ...result.time });
    if (result.rejected) {
      this.#rejected.push(result.rejected);
      this.#warnings.push(warningFor(input, result.rejected));
    }
  }

  #warn(event: ImagoEvent, code: ImagoWarning['code'], detail: string): void {
    this.#warnings.push({ code, eventId: event.eventId, type: event.type, sender: event.sender, detail });
  }

  #addEntry(entry: LogEntry): void {
    const index = ++this.#entries;
    if (entry.status !== 'event') {
      const { warning } = entry;
      this.#logWarnings.push(warning);
      if (
        warning.code === 'redacted' &&
        warning.eventId &&
        warning.type?.startsWith('org.imago.governance.')
      ) {
        this.#redacted.set(warning.eventId, { index, pending: this.#state.pending });
      }
      return;
    }
    const event = entry.event;
    this.#authorityBefore.set(event.eventId, this.#state.authority);
    this.#tableBefore.set(event.eventId, this.#state.table);
    const envelope = { sender: event.sender, timestamp: event.timestamp };
    switch (event.kind) {
      case 'room-create':
        this.#roll.observeCreate([event.sender, ...event.content.creators]);
        break;
      case 'join-rules':
        this.#roll.observeJoinRule(event.content.joinRule);
        break;
      case 'membership':
        if (
          this.#roll.observeMembership(event.stateKey, event.content.membership, this.#state.authority) ===
          false
        ) {
          this.#warnings.push({
            code: 'unadmitted-member',
            eventId: event.eventId,
            type: event.type,
            sender: event.stateKey,
            detail: `${event.stateKey} joined without an admission of the group: not counted in its decisions`,
          });
        }
        break;
      case 'redaction': {
        const before = this.#redacted.get(event.content.redacts);
        if (before === undefined) break;
        // Decisions open when the redacted event was sent that had settled before its redaction.
        for (const decision of before.pending) {
          const settled = this.#settledAt.get(decision);
          if (settled !== undefined && settled > before.index && settled < index) {
            this.#warnings.push({
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
        if (event.type === GovernanceEventTypes.init && !this.#roll.creators.includes(event.sender)) {
          this.#warn(event, 'unauthorised', 'only the room creator sets the initial control table');
          break;
        }
        if (event.type === GovernanceEventTypes.propose) {
          const options = Array.isArray(event.content.options) ? event.content.options : ['yes', 'no'];
          this.#proposals.set(event.eventId, { proposer: event.sender, options });
        }
        this.#feed({ id: event.eventId, ...envelope, type: event.type, content: event.content });
        if (event.type === GovernanceEventTypes.init && this.#state.table !== undefined)
          this.#roll.observeInit();
        break;
      case 'delegations':
        this.#delegationsChanged(event.eventId, envelope, event.content.delegations);
        break;
      case 'poll-start': {
        const decision = event.content.decision;
        if (decision === undefined) break;
        const proposal = this.#proposals.get(decision);
        if (proposal?.proposer !== event.sender) {
          this.#warn(event, 'unauthorised', 'only the proposer mirrors a decision as a poll');
          break;
        }
        const labels = event.content.answers.map((answer) => answer.label);
        if (
          labels.length !== proposal.options.length ||
          labels.some((label, i) => label !== proposal.options[i])
        ) {
          this.#warn(
            event,
            'malformed-content',
            'the poll’s answers are not the decision’s options, in order',
          );
          break;
        }
        if (!this.#mirrors.has(event.eventId))
          this.#mirrors.set(event.eventId, { decision, poll: event.content });
        break;
      }
      case 'poll-response': {
        const mirror = this.#mirrors.get(event.content.poll);
        if (!mirror) break;
        const ids = mirror.poll.answers.map((answer) => answer.id);
        const chosen = event.content.answers.slice(0, mirror.poll.maxSelections);
        if (chosen.length === 0 || chosen.some((id) => !ids.includes(id))) {
          this.#warn(event, 'malformed-content', 'poll response with unknown answers');
          break;
        }
        const ballot = ids.map((id) => (chosen.includes(id) ? 1 : 0));
        this.#feed({
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

  // A member's delegation state becomes delegate/revoke events by difference with the previous one.
  #delegationsChanged(
    eventId: string,
    envelope: { sender: string; timestamp: number },
    delegations: readonly Delegation[],
  ): void {
    const before = new Map((this.#delegations.get(envelope.sender) ?? []).map((d) => [scopeKey(d.scope), d]));
    const after = new Map(delegations.map((d) => [scopeKey(d.scope), d]));
    this.#delegations.set(envelope.sender, delegations);
    for (const [key, delegation] of before) {
      if (!after.has(key)) {
        this.#feed({
          id: `${eventId}/${key}`,
          ...envelope,
          type: GovernanceEventTypes.revoke,
          content: { scope: delegation.scope },
        });
      }
    }
    for (const [key, delegation] of after) {
      if (JSON.stringify(before.get(key)) === JSON.stringify(delegation)) continue;
      this.#feed({
        id: `${eventId}/${key}`,
        ...envelope,
        type: GovernanceEventTypes.delegate,
        content: { scope: delegation.scope, to: delegation.to },
      });
    }
  }
}
