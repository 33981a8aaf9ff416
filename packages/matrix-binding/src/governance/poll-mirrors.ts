/**
 * @module
 * MSC3381 polls that mirror a decision, so that Matrix clients without Imago can vote: the
 * proposer posts the poll with the decision's options as answers, in order, and each response
 * becomes a vote.
 */
import type { PollStart } from './governance-events';

/** An MSC3381 poll that mirrors a decision (its responses are votes). */
export interface PollMirror {
  readonly decision: string;
  readonly poll: PollStart;
}

/** A proposal as the fold remembers it: who proposed it and its options. */
export interface ProposalSummary {
  readonly proposer: string;
  readonly options: readonly unknown[];
}

/**
 * Checks a poll start that names a decision: only the proposer mirrors it, with the decision's
 * options as answers, in order.
 *
 * @returns `undefined` when the poll mirrors the decision, otherwise the warning's code and detail.
 */
export function pollMirrorProblem(
  poll: PollStart,
  sender: string,
  proposal: ProposalSummary | undefined,
): { readonly code: 'unauthorised' | 'malformed-content'; readonly detail: string } | undefined {
  if (proposal?.proposer !== sender)
    return { code: 'unauthorised', detail: 'only the proposer mirrors a decision as a poll' };
  const labels = poll.answers.map((answer) => answer.label);
  if (labels.length !== proposal.options.length || labels.some((label, i) => label !== proposal.options[i])) {
    return {
      code: 'malformed-content',
      detail: 'the poll’s answers are not the decision’s options, in order',
    };
  }
  return undefined;
}

/**
 * The approval ballot of a poll response: 1 for each chosen answer (up to the poll's
 * `maxSelections`), 0 for the others.
 *
 * @returns the ballot, or `undefined` when nothing or an unknown answer is chosen.
 */
export function mirroredBallot(mirror: PollMirror, answers: readonly string[]): number[] | undefined {
  const ids = mirror.poll.answers.map((answer) => answer.id);
  const chosen = answers.slice(0, mirror.poll.maxSelections);
  if (chosen.length === 0 || chosen.some((id) => !ids.includes(id))) return undefined;
  return ids.map((id) => (chosen.includes(id) ? 1 : 0));
}
