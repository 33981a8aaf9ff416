/**
 * @module
 * The ballots an election's archive holds, as the administrator's `EndBallots` names them. Voters
 * on several homeservers vote at the same time, and each server orders such concurrent events its
 * own way: replayed in room order, two servers would build two hash chains, and the secret result
 * (which names the chain's last event) would verify on one and not on the other. An `EndBallots`
 * that names its ballots (event ids, in the archive's order) makes every replay keep exactly
 * those, in that order: a ballot it does not name does not count (`uncounted`), one this copy of
 * the room has not shown yet leaves the election waiting (`awaiting-evidence`, its later steps
 * held until the ballot comes), one that does not verify or is not a ballot of this election does
 * not count (`invalid-evidence`). Which of a voter's ballots counts when they voted again is the
 * list's order too, as in the archive. An `EndBallots` without the list keeps the room's order.
 * Pure.
 */
import { dataHash } from '@imago/helios-c';
import type { ImagoEvent } from '../events/parse-imago-event';
import { applyStep, type ElectionState, type PendingStep, type ReplayedStep } from './election-state';
import { type Refusal, verificationRefusal } from './step-refusal';

/** @internal How the ballot list reports an event that has no effect. */
export type Warn = (event: ImagoEvent, refusal: Refusal) => void;

/** @internal What the ballot list needs from the replay around it. */
export interface BallotListContext {
  readonly warn: Warn;
  /** Whether the replay has read an event with this id (of any kind) so far. */
  readonly known: (eventId: string) => boolean;
  /** Takes a step of this election through the replay's stages (for the steps held). */
  readonly replayStep: (pending: PendingStep) => void;
}

const invalid = (detail: string, from?: Refusal): Refusal => ({
  ...from,
  code: 'invalid-evidence',
  detail,
});

/** Why a named ballot does not count, or `undefined`. */
function namedRefusal(state: ElectionState, kept: Set<string>, id: string, named?: PendingStep) {
  if (named === undefined) return invalid(`${id} is not a ballot of this election`);
  const { step } = named;
  if (
    step.payload === undefined ||
    step.data.length !== 1 ||
    dataHash(step.data[0] as string) !== step.payload
  )
    return invalid(`${id} does not carry exactly its own ballot`);
  if (kept.has(step.payload)) return invalid(`${id} repeats a ballot named before it`);
  const refused = verificationRefusal(state, step, undefined);
  return refused === undefined ? undefined : invalid(`${id}: ${refused.detail}`, refused);
}

/** The archive's ballots become the named ones, in their order; then the `EndBallots` applies. */
function endBallots(state: ElectionState, end: PendingStep, context: BallotListContext): void {
  const named = end.step.ballots ?? [];
  const kept: ReplayedStep[] = [];
  const payloads = new Set<string>();
  for (const id of named) {
    const ballot = state.seen.get(id);
    const refused = namedRefusal(state, payloads, id, ballot);
    if (refused !== undefined) {
      context.warn(ballot?.event ?? end.event, refused);
      continue;
    }
    const { step, event } = ballot as PendingStep;
    kept.push({ type: 'Ballot', payload: step.payload, data: step.data, eventId: id, sender: event.sender });
    payloads.add(step.payload as string);
  }
  const listed = new Set(named);
  for (const step of state.steps)
    if (step.type === 'Ballot' && !listed.has(step.eventId))
      context.warn(state.seen.get(step.eventId)?.event as ImagoEvent, {
        code: 'uncounted',
        detail: 'the administrator’s EndBallots does not name this ballot',
      });
  state.steps = [...state.steps.filter((s) => s.type !== 'Ballot'), ...kept];
  state.ballots = payloads;
  state.hashes = new Set(state.steps.flatMap((s) => s.data.map((d) => dataHash(d))));
  delete state.waiting;
  applyStep(state, end.step, end.event, undefined);
}

/**
 * @internal Takes a step through the ballot list, when it concerns it: a ballot seen while voting
 * (noted, then left to the other stages), an accepted `EndBallots` naming its ballots, or any step
 * while such an `EndBallots` waits for ballots.
 *
 * @param state - the election so far.
 * @param pending - the step and its event, accepted by the refusal rules when it is an `EndBallots`.
 * @param context - warnings, the events read so far, the replay of held steps.
 * @returns `'taken'` when the ballot list took the step (its warnings reported), `undefined` when
 *   the other stages take it.
 */
export function ballotListStage(
  state: ElectionState,
  pending: PendingStep,
  context: BallotListContext,
): 'taken' | undefined {
  const { step, event } = pending;
  const waiting = state.waiting;
  if (waiting === undefined) {
    if (step.type === 'Ballot' && state.phase === 'voting') state.seen.set(event.eventId, pending);
    if (step.type !== 'EndBallots' || step.ballots === undefined) return undefined;
    const awaiting = step.ballots.filter((id) => !state.seen.has(id) && !context.known(id));
    if (awaiting.length === 0) endBallots(state, pending, context);
    else state.waiting = { end: pending, awaiting: new Set(awaiting), held: [] };
    return 'taken';
  }
  if (step.type !== 'Ballot') {
    waiting.held.push(pending);
    return 'taken';
  }
  if (!waiting.awaiting.delete(event.eventId)) {
    context.warn(event, {
      code: 'uncounted',
      detail: 'the administrator’s EndBallots does not name this ballot',
    });
    return 'taken';
  }
  state.seen.set(event.eventId, pending);
  if (waiting.awaiting.size > 0) return 'taken';
  endBallots(state, waiting.end, context);
  for (const held of waiting.held) context.replayStep(held);
  return 'taken';
}

/**
 * @internal The warning of an election still waiting for ballots its `EndBallots` names.
 *
 * @returns the event to warn about and why, or `undefined` when it waits for none.
 */
export function awaitingRefusal(state: ElectionState): { event: ImagoEvent; refusal: Refusal } | undefined {
  const waiting = state.waiting;
  if (waiting === undefined) return undefined;
  return {
    event: waiting.end.event,
    refusal: {
      code: 'awaiting-evidence',
      detail: `waiting for ballot(s) ${[...waiting.awaiting].join(', ')}`,
    },
  };
}
