/**
 * The integration points between a secret democracy decision and Helios-C (`@imago/helios-c`,
 * wire-compatible with Belenios 2.0). No cryptography here: the decision engine says what
 * election to run and how to read its verified result; Helios-C runs and verifies it.
 *
 * - The question comes from the counting method: plurality and approval are homomorphic
 *   questions (`min`/`max` per Belenios), majority judgment, Schulze and STV are
 *   non-homomorphic questions (decrypted after verifiable shuffles), counted afterwards with the
 *   same method as public ballots.
 * - Voter weights come from delegation resolution at opening (homomorphic questions only:
 *   Belenios weights apply to homomorphic tallies; a non-homomorphic election gives every
 *   eligible member weight 1 and delegation does not apply).
 * - The verified result comes back as an `org.imago.governance.secret.result` event, checked by
 *   the context's `verifySecretResult`.
 *
 * @module
 */

import type { MemberId } from '../control-table/protocol-rule';
import type { CountingMethodName } from '../counting/counting-method';
import { isHomomorphicMethod } from '../counting/counting-method';
import type { Decision } from '../decisions/decision';
import type { GovernanceState } from '../decisions/governance-state';
import { SecretBallotError } from '../errors/secret-ballot-error';

/** A Belenios 2.0 homomorphic question (`questions[i]` of the election template). */
export interface HomomorphicQuestion {
  readonly question: string;
  readonly answers: readonly string[];
  readonly min: number;
  readonly max: number;
}

/** A Belenios 2.0 non-homomorphic question (ballots decrypted after shuffles). */
export interface NonHomomorphicQuestion {
  readonly type: 'NonHomomorphic';
  readonly value: { readonly question: string; readonly answers: readonly string[] };
}

/** A question of a Helios-C election. */
export type HeliosQuestion = HomomorphicQuestion | NonHomomorphicQuestion;

/** What a secret democracy decision asks Helios-C to run. */
export interface SecretElectionParameters {
  /** The decision id (use it to name the election and to bind the result back). */
  readonly decision: string;
  readonly method: CountingMethodName;
  /** Whether the question is homomorphic (plurality, approval). */
  readonly homomorphic: boolean;
  /** The single question of the election. */
  readonly question: HeliosQuestion;
  /** Voters and their weights (Belenios voter list `id,login,weight`), sorted by member. */
  readonly voters: readonly { readonly member: MemberId; readonly weight: number }[];
  /** Sum of the weights. */
  readonly totalWeight: number;
  /** Majority judgment grades (1 best … `grades`), for counting the decrypted ballots. */
  readonly grades?: number;
  /** STV seats. */
  readonly seats?: number;
  readonly opensAt: number;
  readonly closesAt: number;
}

/**
 * The Helios-C question for a decision's counting method.
 * @param method - counting method
 * @param title - the question text
 * @param answers - the options
 * @returns a Belenios question
 */
export function heliosQuestion(
  method: CountingMethodName,
  title: string,
  answers: readonly string[],
): HeliosQuestion {
  switch (method) {
    case 'plurality':
      return { question: title, answers, min: 1, max: 1 };
    case 'approval':
      return { question: title, answers, min: 0, max: answers.length };
    default:
      return { type: 'NonHomomorphic', value: { question: title, answers } };
  }
}

/**
 * Election parameters of a secret democracy decision that has opened.
 *
 * @param state - the governance state
 * @param decisionId - the decision
 * @returns what Helios-C must run: question, weighted voter list, period
 * @throws {@link SecretBallotError} if the decision does not exist, is not a secret democracy
 * decision, or has not opened yet (weights are fixed at opening)
 */
export function secretElectionParameters(
  state: GovernanceState,
  decisionId: string,
): SecretElectionParameters {
  const decision = state.decisions.get(decisionId);
  if (decision === undefined) throw new SecretBallotError(`no decision ${decisionId}`);
  return parametersOf(decision);
}

/** @internal */
export function parametersOf(decision: Decision): SecretElectionParameters {
  const rule = decision.rule;
  if (rule.protocol !== 'democracy' || rule.ballot !== 'secret') {
    throw new SecretBallotError(`decision ${decision.id} is not a secret democracy decision`);
  }
  if (decision.secret === undefined) throw new SecretBallotError(`decision ${decision.id} has not opened`);
  let totalWeight = 0;
  for (const voter of decision.secret.voters) totalWeight += voter.weight;
  return {
    decision: decision.id,
    method: rule.method,
    homomorphic: isHomomorphicMethod(rule.method),
    question: heliosQuestion(rule.method, decision.title ?? decision.kind, decision.options),
    voters: decision.secret.voters,
    totalWeight,
    ...(rule.grades === undefined ? {} : { grades: rule.grades }),
    ...(rule.seats === undefined ? {} : { seats: rule.seats }),
    opensAt: decision.opensAt,
    closesAt: decision.closesAt,
  };
}
