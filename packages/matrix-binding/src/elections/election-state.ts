/**
 * @module
 * An election as the replay of a room holds it, and how an accepted step moves it on: the phases of
 * a Belenios 2.0 election along the events of its archive's hash chain (specification §4.4: Setup,
 * ballots, `EndBallots`, `EncryptedTally`, shuffles, partial decryptions, `Result`), its accepted
 * steps in chain order with the Matrix events that carried them, and what later steps are refused
 * against (the data hashes on the board, the ballots, the trustees who posted a shuffle or a partial
 * decryption). Whether a step may apply is decided before, by the refusal rules (`step-refusal.ts`)
 * and the checks (`step-verification.ts`). Pure.
 */

import type { CountedIds } from '@imago/governance';
import { type ArchiveStep, dataHash } from '@imago/helios-c';
import type { ImagoEvent } from '../events/parse-imago-event';
import type { SecretBallotStepContent } from './election-step';
import type { StepVerification } from './step-verification';

/** Where an election stands. */
export type ElectionPhase = 'voting' | 'ended' | 'tallied' | 'done';

/** An accepted step and the Matrix event that carried it. */
export type ReplayedStep = ArchiveStep & { readonly eventId: string; readonly sender: string };

/** An election as replayed from a room. */
export interface SecretBallotReplay {
  readonly election: string;
  /** The Setup's sender. */
  readonly administrator: string;
  /** The governance decision the election decides, as the Setup names it. */
  readonly decision?: string;
  /** The Matrix account of each trustee (trustee `owner` 1, 2, …), as the Setup names them. */
  readonly trustees?: readonly string[];
  /** The `delegate` events the weights took into account, as the Setup names them (inline or parts). */
  readonly delegations?: CountedIds;
  readonly timestamp: number;
  readonly phase: ElectionPhase;
  /** Accepted steps in chain order, with the Matrix events that carried them. */
  readonly steps: readonly ReplayedStep[];
  /** The `Result` data (Belenios `result.json` text), once published. */
  readonly result?: string;
  /**
   * The ballots (event ids) the administrator's `EndBallots` names and this copy of the room does
   * not hold yet: the election waits for them, still `voting`, its later steps held.
   */
  readonly awaiting?: readonly string[];
}

/** @internal A step and the event that carried it. */
export interface PendingStep {
  readonly step: SecretBallotStepContent;
  readonly event: ImagoEvent;
}

/** A trustee's own steps, once per trustee number. */
export type OwnedStepType = 'Shuffle' | 'PartialDecryption';

/** @internal An election during the replay. */
export interface ElectionState {
  election: string;
  administrator: string;
  decision?: string;
  trustees?: readonly string[];
  delegations?: CountedIds;
  timestamp: number;
  phase: ElectionPhase;
  steps: ReplayedStep[];
  hashes: Set<string>;
  ballots: Set<string>;
  owners: Record<OwnedStepType, Set<number>>;
  verification?: StepVerification;
  result?: string;
  /** Every ballot step of the election seen while voting, by event id, accepted or not. */
  seen: Map<string, PendingStep>;
  /** The parts of the administrator's list of ballots, by number (`ballot-parts.ts`). */
  parts: Map<number, readonly string[]>;
  /** An `EndBallots` naming ballots not seen yet: what it waits for, the later steps held. */
  waiting?: { end: PendingStep; awaiting: Set<string>; held: PendingStep[] };
}

/**
 * @internal The election an accepted Setup opens, its Setup applied.
 *
 * @param step - the Setup, accepted by the refusal rules.
 * @param event - the event that carried it (its sender administers the election).
 * @param verification - the checks of the election's later steps, unless they are left to the end.
 */
export function openElection(
  step: SecretBallotStepContent,
  event: ImagoEvent,
  verification: StepVerification | undefined,
): ElectionState {
  const state: ElectionState = {
    election: step.election,
    administrator: event.sender,
    ...(step.decision ? { decision: step.decision } : {}),
    ...(step.trustees ? { trustees: step.trustees } : {}),
    ...(step.delegations ? { delegations: step.delegations } : {}),
    timestamp: step.timestamp ?? Math.floor(event.timestamp / 1000),
    phase: 'voting',
    steps: [],
    hashes: new Set(),
    ballots: new Set(),
    owners: { Shuffle: new Set(), PartialDecryption: new Set() },
    seen: new Map(),
    parts: new Map(),
    ...(verification ? { verification } : {}),
  };
  applyStep(state, step, event, undefined);
  return state;
}

/**
 * @internal Applies an accepted step: on the board, its data hashes known, its ballot or trustee
 * noted, the phase moved on.
 *
 * @param owner - the trustee number of a shuffle or partial decryption.
 */
export function applyStep(
  state: ElectionState,
  step: SecretBallotStepContent,
  event: ImagoEvent,
  owner: number | undefined,
): void {
  state.steps.push({
    type: step.type,
    ...(step.payload ? { payload: step.payload } : {}),
    data: step.data,
    eventId: event.eventId,
    sender: event.sender,
  });
  for (const item of step.data) state.hashes.add(dataHash(item));
  if (step.type === 'Ballot' && step.payload) state.ballots.add(step.payload);
  if (owner !== undefined) state.owners[step.type as OwnedStepType].add(owner);
  if (step.type === 'EndBallots') state.phase = 'ended';
  if (step.type === 'EncryptedTally') state.phase = 'tallied';
  if (step.type === 'Result') {
    state.phase = 'done';
    state.result = step.data.find((d) => dataHash(d) === step.payload);
  }
}

/** @internal What the replay shows of an election. */
export function replayedElection(state: ElectionState): SecretBallotReplay {
  return {
    election: state.election,
    administrator: state.administrator,
    ...(state.decision ? { decision: state.decision } : {}),
    ...(state.trustees ? { trustees: state.trustees } : {}),
    ...(state.delegations ? { delegations: state.delegations } : {}),
    timestamp: state.timestamp,
    phase: state.phase,
    steps: state.steps,
    ...(state.result ? { result: state.result } : {}),
    ...(state.waiting ? { awaiting: [...state.waiting.awaiting] } : {}),
  };
}

/**
 * The trustee numbers of an election's partial decryptions, in the archive's order: what its
 * Result names.
 *
 * @param election - an election from the replay.
 * @returns the numbers.
 */
export function decryptionOwners(election: Pick<SecretBallotReplay, 'steps'>): number[] {
  return election.steps
    .filter((s) => s.type === 'PartialDecryption')
    .map((s) => (JSON.parse(s.data[1] ?? '{}') as { owner?: number }).owner)
    .filter((owner): owner is number => owner !== undefined);
}

/**
 * @internal Keeps the partial decryptions a Result names, in its order: the same archive on every
 * homeserver, whichever order each gave the trustees' concurrent decryptions, and without one
 * the authority had not seen when it posted the Result. They are the last steps so far (no shuffle
 * or end of shuffles is taken after a partial decryption).
 *
 * @param state - the election, before its Result.
 * @param named - the trustee numbers the Result names (each with a decryption in `state`).
 */
export function keepDecryptions(state: ElectionState, named: readonly number[]): void {
  const owned = new Map(
    state.steps
      .filter((s) => s.type === 'PartialDecryption')
      .map((s) => [(JSON.parse(s.data[1] ?? '{}') as { owner?: number }).owner, s] as const),
  );
  state.steps = [
    ...state.steps.filter((s) => s.type !== 'PartialDecryption'),
    ...named.map((owner) => owned.get(owner) as ReplayedStep),
  ];
  state.owners.PartialDecryption = new Set(named);
}

/**
 * The trustee numbers (`owner`) that posted a step of a type.
 *
 * @param election - an election from the replay.
 * @param type - `Shuffle` or `PartialDecryption`.
 * @returns the numbers its accepted steps of that type name.
 */
export function owners(election: SecretBallotReplay, type: OwnedStepType): Set<number | undefined> {
  return new Set(
    election.steps
      .filter((s) => s.type === type)
      .map((s) => (JSON.parse(s.data[1] ?? '{}') as { owner?: number }).owner),
  );
}
