import type { SecretElectionParameters } from '@imago/governance';
import { describe, expect, it } from 'vitest';
import { heliosSetup } from '../../test/support/helios-setup';
import { setupStep } from './election-steps';
import type { SecretBallotReplay } from './replay-secret-ballots';
import { secretResultVerifier } from './secret-result-verifier';

// The decision asks for a plurality vote between Ana and Bo among three members weighing 1, 2, 1.
const question = { question: 'Delegate?', answers: ['Ana', 'Bo'], min: 1, max: 1 };
const parameters: SecretElectionParameters = {
  decision: '$decision',
  method: 'plurality',
  homomorphic: true,
  question,
  voters: [
    { member: '@ana:example.org', weight: 1 },
    { member: '@bo:example.org', weight: 2 },
    { member: '@cy:example.org', weight: 1 },
  ],
  totalWeight: 4,
  opensAt: 0,
  closesAt: 1,
};

/** A finished election of the room (Setup only matters here) whose result is 3 for Ana, 1 for Bo. */
function finishedElection(
  weights: readonly number[],
  questions: readonly unknown[] = [question],
): SecretBallotReplay {
  const setup = heliosSetup(
    weights.map((w, i) => ({ id: `voter${i}`, login: `voter${i}`, weight: BigInt(w) })),
    1,
    { description: 'Imago decision', name: 'Delegate?', questions },
  );
  return {
    election: setup.uuid,
    administrator: '@service:example.org',
    decision: parameters.decision,
    timestamp: 1_800_000_000,
    phase: 'done',
    steps: [{ ...setupStep(setup.texts), eventId: '$setup', sender: '@service:example.org' }],
    result: '{"result":[["3","1"]]}',
  };
}

function verdict(election: SecretBallotReplay): boolean {
  const verify = secretResultVerifier(new Map([[election.election, election]]), new Set([election.election]));
  return verify(parameters, { decision: parameters.decision, result: [3, 1] });
}

describe('secretResultVerifier: the election must be the one the decision asked for', () => {
  it('accepts the result of an election with the same question and the voters’ weights, in any order', () => {
    expect(verdict(finishedElection([2, 1, 1]))).toBe(true);
  });

  it('refuses an election whose credentials carry other weights', () => {
    expect(verdict(finishedElection([1, 1, 1]))).toBe(false);
  });

  it('refuses an election with a credential more or less than the eligible voters', () => {
    expect(verdict(finishedElection([1, 2, 1, 1]))).toBe(false);
    expect(verdict(finishedElection([1, 2]))).toBe(false);
  });

  it('refuses an election that asks another question or offers other answers', () => {
    expect(verdict(finishedElection([1, 2, 1], [{ ...question, answers: ['Bo', 'Ana'] }]))).toBe(false);
    expect(verdict(finishedElection([1, 2, 1], [{ ...question, max: 2 }]))).toBe(false);
    expect(verdict(finishedElection([1, 2, 1], [question, question]))).toBe(false);
    expect(verdict(finishedElection([1, 2, 1], [{ ...question, blank: true }]))).toBe(false);
  });

  it('still refuses a result that differs from the election’s', () => {
    const election = finishedElection([1, 2, 1]);
    const verify = secretResultVerifier(
      new Map([[election.election, election]]),
      new Set([election.election]),
    );
    expect(verify(parameters, { decision: parameters.decision, result: [1, 3] })).toBe(false);
  });
});
