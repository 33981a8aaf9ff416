/**
 * @module
 * Who may send which election step, and when: the rules the replay of a room holds every
 * `org.imago.helios.step` to before it checks its cryptography. Only the group's authority sets up
 * an election, and a Setup that names trustees names its sender trustee 1; the Setup's sender alone
 * ends the vote, posts the encrypted tally, ends the shuffles and posts the result; steps come in
 * the order of Belenios 2.0 (ballots while voting, then the encrypted tally, then shuffles, then
 * partial decryptions); a ballot counts once; a shuffle or partial decryption comes once per
 * trustee, from the account the Setup names for its number. Pure.
 */
import { dataHash, parseOwnedRecord } from '@imago/helios-c';
import type { ImagoWarning } from '../events/imago-warning';
import type { ElectionState, OwnedStepType } from './election-state';
import type { SecretBallotStepContent } from './election-step';

/** @internal Why a step has no effect, as the replay's warning says it. */
export interface Refusal {
  readonly code: ImagoWarning['code'];
  readonly detail: string;
  /** The offending field, when one is named. */
  readonly path?: string;
  /** @imago/helios-c's failed check, when it rejected the step. */
  readonly reason?: string;
}

const ADMIN_STEPS = new Set(['EndBallots', 'EncryptedTally', 'EndShuffles', 'Result']);

function uuidOf(data: readonly string[]): string | undefined {
  for (const item of data) {
    try {
      const parsed = JSON.parse(item) as { uuid?: unknown };
      if (typeof parsed?.uuid === 'string') return parsed.uuid;
    } catch {
      // not JSON: the verifier will say so; it cannot name the election
    }
  }
  return undefined;
}

/**
 * @internal Why the Setup of an election not set up yet is refused, or `undefined` when it opens it.
 *
 * @param step - the Setup.
 * @param sender - its sender.
 * @param authority - the group's authority before the event.
 */
export function setupRefusal(
  step: SecretBallotStepContent,
  sender: string,
  authority: readonly string[],
): Refusal | undefined {
  if (!authority.includes(sender))
    return { code: 'unauthorised', detail: 'only the group’s authority sets up an election' };
  if (
    uuidOf(step.data) !== step.election ||
    step.payload === undefined ||
    !step.data.some((d) => dataHash(d) === step.payload)
  )
    return { code: 'malformed-content', detail: 'the Setup does not carry this election' };
  if (step.trustees !== undefined && step.trustees[0] !== sender)
    return {
      code: 'malformed-content',
      detail: 'the administrator is trustee 1',
      path: 'content.trustees[0]',
    };
  return undefined;
}

/**
 * @internal The trustee number an owned step names (`{"owner":N,…}`, its second data text).
 *
 * @returns the number, or `undefined` when it names none.
 */
export function ownerOf(step: SecretBallotStepContent): number | undefined {
  const owned = parseOwnedRecord(step.data[1] ?? '');
  return owned.ok ? owned.value.owner : undefined;
}

/**
 * @internal Why a step of an election already set up is refused, or `undefined` when it applies.
 *
 * @param state - the election so far.
 * @param step - the step.
 * @param sender - its sender.
 */
export function stepRefusal(
  state: ElectionState,
  step: SecretBallotStepContent,
  sender: string,
): Refusal | undefined {
  const rejected = (detail: string): Refusal => ({ code: 'rejected', detail });
  if (state.phase === 'done') return rejected('the election is over');
  if (step.type === 'Setup') return rejected('the election is already set up');
  if (ADMIN_STEPS.has(step.type) && sender !== state.administrator)
    return { code: 'unauthorised', detail: 'only the administrator' };
  const known = (hash: string) => state.hashes.has(hash) || step.data.some((d) => dataHash(d) === hash);
  if (step.payload !== undefined && !known(step.payload)) return rejected('payload not among the data');
  switch (step.type) {
    case 'Ballot':
      if (state.phase !== 'voting') return rejected('voting has ended');
      if (
        step.payload === undefined ||
        step.data.length !== 1 ||
        dataHash(step.data[0] as string) !== step.payload
      )
        return rejected('a ballot carries exactly its own data');
      if (state.ballots.has(step.payload)) return { code: 'duplicate', detail: 'duplicate ballot' };
      return undefined;
    case 'EndBallots':
      return state.phase === 'voting' ? undefined : rejected('voting already ended');
    case 'EncryptedTally':
      return state.phase === 'ended' ? undefined : rejected('not after the end of voting');
    case 'Shuffle':
    case 'EndShuffles':
      // Belenios 2.0 order: EncryptedTally, then Shuffle* and EndShuffles, then partial decryptions.
      if (state.phase !== 'tallied') return rejected('shuffles come after the encrypted tally');
      if (state.steps.some((s) => s.type === 'EndShuffles' || s.type === 'PartialDecryption'))
        return rejected('shuffling has ended');
      return step.type === 'Shuffle' ? ownedRefusal(state, step, sender) : undefined;
    case 'PartialDecryption':
      if (state.phase !== 'tallied') return rejected('no encrypted tally yet');
      return ownedRefusal(state, step, sender);
    case 'Result':
      return state.phase === 'tallied' ? undefined : rejected('no encrypted tally yet');
    default:
      return undefined;
  }
}

/** A shuffle or partial decryption: once per trustee, from the account the Setup names for it. */
function ownedRefusal(
  state: ElectionState,
  step: SecretBallotStepContent,
  sender: string,
): Refusal | undefined {
  const owner = ownerOf(step);
  if (owner === undefined || step.data.length !== 2 || dataHash(step.data[1] as string) !== step.payload)
    return { code: 'rejected', detail: 'a trustee’s step carries its data and its owned record' };
  if (state.trustees !== undefined && state.trustees[owner - 1] !== sender)
    return { code: 'unauthorised', detail: `trustee ${owner} is another account` };
  if (state.owners[step.type as OwnedStepType].has(owner))
    return { code: 'duplicate', detail: `trustee ${owner} already posted this step` };
  return undefined;
}

/**
 * @internal Why an accepted step's cryptography does not verify (a ballot, a trustee's shuffle or
 * partial decryption), or `undefined`; nothing is checked when the replay leaves it to the end.
 *
 * @param state - the election so far.
 * @param step - a step the rules accept.
 * @param owner - its trustee number, for a shuffle or partial decryption.
 */
export function verificationRefusal(
  state: ElectionState,
  step: SecretBallotStepContent,
  owner: number | undefined,
): Refusal | undefined {
  const verification = state.verification;
  if (verification === undefined) return undefined;
  if (step.type === 'Ballot') {
    const rejection = verification.ballot(step.data[0] as string);
    if (rejection)
      return {
        code: 'rejected',
        detail: 'the ballot does not verify',
        path: `content.data[0]${rejection.path.slice(1)}`,
        reason: rejection.check,
      };
  }
  if (owner !== undefined) {
    const wrong = verification.owned(state, step, owner);
    if (wrong !== undefined) return { code: 'rejected', detail: wrong, path: 'content.data[0]' };
  }
  return undefined;
}
