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
  markRedacted,
  type ReduceResult,
  reduce,
} from '@imago/governance';
import type { Delegation } from '../delegations/delegation-set';
import type { ImagoEvent } from '../events/imago-event';
import type { ImagoWarning } from '../events/imago-warning';
import type { LogEntry } from '../replay/room-log';
import type { DecisionsFoldSnapshot } from './decisions-fold-snapshot';
import {
  countWarning,
  type DecisionsReplay,
  type GovernanceInput,
  type ReplayDecisionsOptions,
  ReplayReportLists,
  rejectionWarning,
  replayWithReports,
} from './decisions-replay';
import { delegationChanges } from './delegation-changes';
import { MembershipRoll, unadmittedWarning } from './membership-roll';
import { mirroredBallot, type PollMirror, type ProposalSummary, pollMirrorProblem } from './poll-mirrors';
import { type RedactedEvidence, settledEvidenceWarnings } from './settled-evidence';

export type { DecisionsFoldSnapshot } from './decisions-fold-snapshot';
export type { PollMirror } from './poll-mirrors';

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
  readonly #proposals = new Map<string, ProposalSummary>();
  readonly #mirrors = new Map<string, PollMirror>();
  // Where each decision settled (entry index), to tell a redaction that came too late.
  readonly #settledAt = new Map<string, number>();
  readonly #redacted = new Map<string, RedactedEvidence>();
  readonly #reports = new ReplayReportLists();
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
   *   the log's clock, where only the authority's settling events settle decisions.
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
    const { authority, table } = this.#state;
    const [before, tableBefore] = [this.#authorityBefore, this.#tableBefore];
    const authorityAt = (eventId: string) => before.get(eventId) ?? authority;
    const tableAt = (eventId: string) => (tableBefore.has(eventId) ? tableBefore.get(eventId) : table);
    // The reports grow with the history: copied only if read, not after every event.
    return replayWithReports({ state, authorityAt, tableAt }, this.#reports.asOfNow());
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
    this.#reports.fed.push(input);
    this.#take(reduce(this.#state, input, this.#context()), input);
  }

  #take(result: Omit<ReduceResult, 'settled'> & { settled: readonly string[] }, input?: GovernanceInput) {
    const provisional = this.#state.provisional;
    this.#state = result.state;
    // An adoption changes the roll once no close can undo it: when it settles, unless provisional,
    // or when an authority's event confirms it.
    const confirmed = provisional.keys().filter((id) => !this.#state.provisional.has(id));
    for (const id of new Set([...result.settled, ...confirmed])) {
      const decision = this.#state.decisions.get(id);
      if (decision === undefined) continue;
      const settled = decision.status !== 'open' && decision.status !== 'proposed';
      if (settled && !this.#settledAt.has(id)) this.#settledAt.set(id, this.#entries);
      if (!this.#state.provisional.has(id)) this.#roll.observeDecision(decision);
    }
    this.#reports.warnings.push(...(result.count ?? []).map(countWarning));
    if (result.time && input)
      this.#reports.clock.push({ eventId: input.id, sender: input.sender, ...result.time });
    if (result.rejected) {
      this.#reports.rejected.push(result.rejected);
      this.#reports.warnings.push(rejectionWarning(input, result.rejected));
    }
  }

  #warn(event: ImagoEvent, code: ImagoWarning['code'], detail: string): void {
    this.#reports.warnings.push({
      code,
      eventId: event.eventId,
      type: event.type,
      sender: event.sender,
      detail,
    });
  }

  #addEntry(entry: LogEntry): void {
    const index = ++this.#entries;
    if (entry.status !== 'event') {
      const { warning } = entry;
      this.#reports.log.push(warning);
      if (
        warning.code === 'redacted' &&
        warning.eventId &&
        warning.type?.startsWith('org.imago.governance.')
      ) {
        this.#redacted.set(warning.eventId, { index, pending: this.#state.pending });
        // A counted close that names it does not count it, and stops waiting for it.
        this.#take(markRedacted(this.#state, warning.eventId, this.#context()));
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
      case 'membership': {
        const { stateKey, content } = event;
        if (this.#roll.observeMembership(stateKey, content.membership, this.#state.authority) === false)
          this.#reports.warnings.push(unadmittedWarning(event.eventId, event.type, stateKey));
        break;
      }
      case 'redaction': {
        const evidence = this.#redacted.get(event.content.redacts);
        if (evidence === undefined) break;
        const redaction = { redacts: event.content.redacts, sender: event.sender, index };
        this.#reports.warnings.push(...settledEvidenceWarnings(redaction, evidence, this.#settledAt));
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
      case 'delegations': {
        const before = this.#delegations.get(event.sender) ?? [];
        this.#delegations.set(event.sender, event.content.delegations);
        for (const input of delegationChanges(event.eventId, envelope, before, event.content.delegations))
          this.#feed(input);
        break;
      }
      case 'poll-start': {
        const decision = event.content.decision;
        if (decision === undefined) break;
        const problem = pollMirrorProblem(event.content, event.sender, this.#proposals.get(decision));
        if (problem) this.#warn(event, problem.code, problem.detail);
        else if (!this.#mirrors.has(event.eventId))
          this.#mirrors.set(event.eventId, { decision, poll: event.content });
        break;
      }
      case 'poll-response': {
        const mirror = this.#mirrors.get(event.content.poll);
        if (!mirror) break;
        const ballot = mirroredBallot(mirror, event.content.answers);
        if (ballot === undefined) {
          this.#warn(event, 'malformed-content', 'poll response with unknown answers');
          break;
        }
        const content = { decision: mirror.decision, ballot };
        this.#feed({ id: event.eventId, ...envelope, type: GovernanceEventTypes.vote, content });
        break;
      }
      default:
        break;
    }
  }
}
