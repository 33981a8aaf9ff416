/**
 * @module
 * The parts of an `EndBallots`' list of ballots as a replay takes them (see
 * `ballot-parts-content.ts` for the events): the administrator's parts, posted while voting, once per
 * number, joined into the list when the `EndBallots` names them, if their SHA-256 is the one it
 * names. Pure.
 */
import type { ImagoEvent } from '../events/parse-imago-event';
import { type BallotPartContent, ballotsDigest } from './ballot-parts-content';
import type { ElectionState } from './election-state';
import type { SecretBallotStepContent } from './election-step';
import type { Refusal } from './step-refusal';

/** @internal Takes a part: the administrator's, while voting, once per number. */
export function collectPart(
  state: ElectionState,
  part: BallotPartContent,
  event: ImagoEvent,
): Refusal | undefined {
  if (event.sender !== state.administrator) return { code: 'unauthorised', detail: 'only the administrator' };
  if (state.phase !== 'voting' || state.waiting) return { code: 'rejected', detail: 'voting has ended' };
  if (state.parts.has(part.part)) return { code: 'duplicate', detail: `part ${part.part} already posted` };
  state.parts.set(part.part, part.ballots);
  return undefined;
}

/**
 * @internal The list an `EndBallots` names in parts, joined, or why it does not join.
 *
 * @returns the step with its list inline, or the refusal.
 */
export function joinedParts(
  state: ElectionState,
  step: SecretBallotStepContent,
): SecretBallotStepContent | Refusal {
  const reference = step.ballotParts;
  if (reference === undefined) return step;
  const ids: string[] = [];
  for (let part = 0; part < reference.parts; part++) {
    const ballots = state.parts.get(part);
    if (ballots === undefined)
      return { code: 'unknown-reference', detail: `no part ${part} of the ballot list` };
    ids.push(...ballots);
  }
  if (ballotsDigest(ids) !== reference.digest || new Set(ids).size !== ids.length)
    return {
      code: 'malformed-content',
      detail: 'the parts do not join into the list named',
      path: 'content.ballots.digest',
    };
  return { ...step, ballots: ids };
}
