/**
 * @module
 * Secret ballots on Matrix, replayed: each step of a Helios-C / Belenios election (setup, ballots,
 * end of voting, encrypted tally, shuffles, partial decryptions, result) is an
 * `org.imago.helios.step` event in the decisions room, and the member trustees' key establishment
 * is `org.imago.helios.trustee` events. The replay reads each event and takes it through named
 * stages: the refusal rules (`step-refusal.ts`: only the group's authority sets up an election and
 * its Setup's sender administers it; a shuffle or partial decryption comes from the account the
 * Setup names for its trustee number; the phases' order), the checks of every ballot, shuffle and
 * partial decryption with @imago/helios-c as it comes (`step-verification.ts`), so that nobody can
 * post a step that would make the exported archive fail, then the election's state machine
 * (`election-state.ts`). The archive it rebuilds is exported as the `.bel` that
 * `belenios-tool election verify` (or `verifyElection`) checks (`election-archive.ts`). Pure;
 * verdicts are remembered, so replaying again is cheap.
 */
import { ContentProblem } from '../events/content-reader';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';
import { replayDecisions } from '../governance/replay-decisions';
import { logEvents, type RoomLog } from '../replay/room-log';
import { awaitingRefusal, type BallotListContext, ballotListStage } from './ballot-list';
import { collectPart, joinedParts } from './ballot-parts';
import { BALLOT_PARTS_TYPE, readBallotPart } from './ballot-parts-content';
import {
  applyStep,
  type ElectionState,
  keepDecryptions,
  openElection,
  replayedElection,
  type SecretBallotReplay,
} from './election-state';
import { readSecretBallotStep, SECRET_BALLOT_STEP_TYPE, type SecretBallotStepContent } from './election-step';
import { ownerOf, type Refusal, setupRefusal, stepRefusal, verificationRefusal } from './step-refusal';
import { stepVerification } from './step-verification';
import { readTrusteeContribution, TRUSTEE_CONTRIBUTION_TYPE, type TrusteeStep } from './trustee-contribution';

/** A member trustee's posted contributions to one decision's key establishment (the first of each step). */
export type TrusteeContributions = Readonly<
  Partial<Record<TrusteeStep, { readonly text: string; readonly eventId: string }>>
>;

/** What {@link replaySecretBallots} finds in a room. */
export interface SecretBallotsReplay {
  /** Each election by uuid. */
  readonly elections: Map<string, SecretBallotReplay>;
  /** Key-establishment contributions: by decision, then by member. */
  readonly contributions: ReadonlyMap<string, ReadonlyMap<string, TrusteeContributions>>;
  /** The steps and contributions that had no effect. */
  readonly warnings: ImagoWarning[];
}

/** Options of {@link replaySecretBallots}. */
export interface ReplaySecretBallotsOptions {
  /**
   * Check each ballot, shuffle and partial decryption with @imago/helios-c before it counts, so
   * that a hostile step cannot make the exported archive fail verification. Default `true`;
   * `false` leaves it to the final verification.
   */
  checkBallots?: boolean;
  /**
   * The group's authority before a given event (see `replayDecisions(log).authorityAt`): only
   * they may set up an election. Default: computed from the same log's governance events.
   */
  authorityAt?: (eventId: string) => readonly string[];
}

type ContributionsByDecision = Map<
  string,
  Map<string, Partial<Record<TrusteeStep, { text: string; eventId: string }>>>
>;

function warningOf(event: ImagoEvent, refusal: Refusal): ImagoWarning {
  return {
    code: refusal.code,
    ...(refusal.reason ? { reason: refusal.reason } : {}),
    eventId: event.eventId,
    type: event.type,
    sender: event.sender,
    ...(refusal.path ? { path: refusal.path } : {}),
    detail: refusal.detail,
  };
}

/** A trustee's key-establishment contribution: the first of each step per member and decision. */
function collectContribution(contributions: ContributionsByDecision, event: ImagoEvent): Refusal | undefined {
  try {
    const contribution = readTrusteeContribution(event.content);
    const byMember = contributions.get(contribution.decision) ?? new Map();
    contributions.set(contribution.decision, byMember);
    const posted = byMember.get(event.sender) ?? {};
    if (posted[contribution.step] !== undefined)
      return { code: 'duplicate', detail: `${contribution.step} already posted for this decision` };
    byMember.set(event.sender, {
      ...posted,
      [contribution.step]: { text: contribution.text, eventId: event.eventId },
    });
    return undefined;
  } catch (problem) {
    if (problem instanceof ContentProblem)
      return { code: problem.code, detail: problem.detail, path: problem.path };
    return undefined;
  }
}

/** The Setup of an election not set up yet: the election it opens, or why it opens none. */
function setupStage(
  step: SecretBallotStepContent,
  event: ImagoEvent,
  authorityAt: (eventId: string) => readonly string[],
  checkBallots: boolean,
): ElectionState | Refusal {
  if (step.type !== 'Setup') return { code: 'unknown-reference', detail: 'no Setup for this election' };
  const refused = setupRefusal(step, event.sender, authorityAt(event.eventId));
  if (refused !== undefined) return refused;
  const verification = checkBallots ? stepVerification(step) : undefined;
  if (typeof verification === 'string') return { code: 'malformed-content', detail: verification };
  return openElection(step, event, verification);
}

/** A Result naming a partial decryption this copy of the room has not taken: refused. */
function decryptionsRefusal(state: ElectionState, step: SecretBallotStepContent): Refusal | undefined {
  const missing = step.decryptions?.filter((owner) => !state.owners.PartialDecryption.has(owner));
  return missing?.length
    ? { code: 'unknown-reference', detail: `no partial decryption of trustee(s) ${missing.join(', ')}` }
    : undefined;
}

/** A step of an election already set up: applied, or why not (the ballot list first). */
function stepStage(
  state: ElectionState,
  step: SecretBallotStepContent,
  event: ImagoEvent,
  list: BallotListContext,
): Refusal | undefined {
  const named = step.ballots !== undefined || step.ballotParts !== undefined;
  if (state.waiting === undefined && step.type === 'EndBallots' && named) {
    const joined = stepRefusal(state, step, event.sender) ?? joinedParts(state, step);
    if ('code' in joined) return joined;
    step = joined;
  }
  if (ballotListStage(state, { step, event }, list) === 'taken') return undefined;
  const owner = step.type === 'Shuffle' || step.type === 'PartialDecryption' ? ownerOf(step) : undefined;
  const refused =
    stepRefusal(state, step, event.sender) ??
    verificationRefusal(state, step, owner) ??
    decryptionsRefusal(state, step);
  if (refused !== undefined) return refused;
  if (step.decryptions !== undefined) keepDecryptions(state, step.decryptions);
  applyStep(state, step, event, owner);
  return undefined;
}

/** A part of an `EndBallots`' list of ballots: kept for it, or why not. */
function partStage(elections: Map<string, ElectionState>, event: ImagoEvent): Refusal | undefined {
  try {
    const part = readBallotPart(event.content);
    const state = elections.get(part.election);
    return state
      ? collectPart(state, part, event)
      : { code: 'unknown-reference', detail: 'no Setup for this election' };
  } catch (problem) {
    if (problem instanceof ContentProblem)
      return { code: problem.code, detail: problem.detail, path: problem.path };
    return undefined;
  }
}

/** The content of an `org.imago.helios.step` event, or why it does not read. */
function readStepStage(event: ImagoEvent): SecretBallotStepContent | Refusal | undefined {
  if (event.type !== SECRET_BALLOT_STEP_TYPE)
    return { code: 'malformed-content', detail: 'unknown secret-ballot event type', path: 'type' };
  try {
    return readSecretBallotStep(event.content);
  } catch (problem) {
    if (problem instanceof ContentProblem)
      return { code: problem.code, detail: problem.detail, path: problem.path };
    return undefined;
  }
}

/**
 * Replays the elections of a room and the trustees' key establishment.
 *
 * @param log - the room's log.
 * @param options - whether to check steps as they come (default: yes), who the authority is.
 * @returns each election by uuid, the contributions by decision, and warnings for what had no effect.
 * @example
 * ```ts
 * const { elections } = replaySecretBallots(appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room)));
 * ```
 */
export function replaySecretBallots(
  log: RoomLog,
  options: ReplaySecretBallotsOptions = {},
): SecretBallotsReplay {
  const elections = new Map<string, ElectionState>();
  const contributions: ContributionsByDecision = new Map();
  const warnings: ImagoWarning[] = [];
  // Replaying the governance log is costly: only once a Setup asks who the authority is.
  let authorityAt = options.authorityAt;
  const authority = (eventId: string) => {
    authorityAt ??= replayDecisions(log).authorityAt;
    return authorityAt(eventId);
  };
  const read = new Set<string>();
  const list: BallotListContext = {
    warn: (event, refusal) => warnings.push(warningOf(event, refusal)),
    known: (eventId) => read.has(eventId),
    replayStep: ({ step, event }) => {
      const state = elections.get(step.election) as ElectionState;
      const refused = stepStage(state, step, event, list);
      if (refused !== undefined) warnings.push(warningOf(event, refused));
    },
  };
  const replayEvent = (event: ImagoEvent): Refusal | undefined => {
    if (event.type === TRUSTEE_CONTRIBUTION_TYPE) return collectContribution(contributions, event);
    if (event.type === BALLOT_PARTS_TYPE) return partStage(elections, event);
    const step = readStepStage(event);
    if (step === undefined || 'code' in step) return step;
    const known = elections.get(step.election);
    if (known) return stepStage(known, step, event, list);
    const opened = setupStage(step, event, authority, options.checkBallots !== false);
    if ('code' in opened) return opened;
    elections.set(step.election, opened);
    return undefined;
  };
  for (const event of logEvents(log)) {
    read.add(event.eventId);
    if (event.kind !== 'helios') continue;
    const refused = replayEvent(event);
    if (refused !== undefined) warnings.push(warningOf(event, refused));
  }
  for (const state of elections.values()) {
    const waiting = awaitingRefusal(state);
    if (waiting !== undefined) warnings.push(warningOf(waiting.event, waiting.refusal));
  }
  const result = new Map<string, SecretBallotReplay>();
  for (const [uuid, state] of elections) result.set(uuid, replayedElection(state));
  return { elections: result, contributions, warnings };
}
