/**
 * The integration points between a secret democracy decision and Helios-C (`@imago/helios-c`,
 * wire-compatible with Belenios 2.0). No cryptography here: the decision engine says what
 * election to run and how to read its verified result; Helios-C runs and verifies it.
 *
 * - The question is one of Helios-C's question types, chosen by the counting method: plurality
 *   and approval are homomorphic questions (`min`/`max` per Belenios), majority judgment, Schulze
 *   and STV are non-homomorphic questions (decrypted after verifiable shuffles), counted
 *   afterwards with the same method as public ballots.
 * - Voter weights come from delegation resolution at opening (see `secretSetup`), for every
 *   method. Each voter receives credentials that carry their weight
 *   ({@link voterCredentialWeights}): one credential of the voter's weight on a homomorphic
 *   question (Belenios weighs the tally), or as many credentials of weight 1 as the weight on a
 *   non-homomorphic question (Belenios decrypts each shuffled ballot unweighted, so weight can
 *   only travel as ballots: a voter of weight 3 casts three ballots, the same or not).
 * - The trustees are the authority and the members the rule or the proposal names
 *   (`election-trustees`).
 * - The verified result comes back as an `org.imago.governance.secret.result` event, checked by
 *   the context's `verifySecretResult` against the election whose credentials' weights are
 *   {@link credentialWeights}.
 *
 * @module
 */
import type { Question } from '@imago/helios-c';
import type { CountingMethodName } from '../counting/counting-method';
import { isHomomorphicMethod } from '../counting/counting-method';
import type { Decision } from '../decisions/decision';
import type { GovernanceState } from '../decisions/governance-state';
import { SecretBallotError } from '../errors/secret-ballot-error';
import type { MemberId } from '../membership/member-id';
import type { ElectionTrustees } from './election-trustees';

/** What a secret democracy decision asks Helios-C to run. */
export interface SecretElectionParameters {
  /** The decision id (use it to name the election and to bind the result back). */
  readonly decision: string;
  readonly method: CountingMethodName;
  /** Whether the question is homomorphic (plurality, approval). */
  readonly homomorphic: boolean;
  /** The single question of the election, in Helios-C's terms. */
  readonly question: Question;
  /** Voters and their weights (fixed at opening), sorted by member. */
  readonly voters: readonly { readonly member: MemberId; readonly weight: number }[];
  /** Sum of the weights. */
  readonly totalWeight: number;
  /** Who holds the decryption key besides the group's authority. */
  readonly trustees: ElectionTrustees;
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
 * @returns a Helios-C question (serialise it with `serializeQuestion` of @imago/helios-c)
 */
export function heliosQuestion(
  method: CountingMethodName,
  title: string,
  answers: readonly string[],
): Question {
  switch (method) {
    case 'plurality':
    case 'approval':
      return {
        kind: 'homomorphic',
        question: title,
        answers,
        min: method === 'plurality' ? 1 : 0,
        max: method === 'plurality' ? 1 : answers.length,
        blank: false,
        blankPresent: false,
      };
    default:
      return { kind: 'non-homomorphic', question: title, answers, value: { answers, question: title } };
  }
}

/**
 * The weights of the credentials one voter receives.
 *
 * @param parameters - the election parameters (homomorphic or not)
 * @param weight - the voter's weight
 * @returns `[weight]` on a homomorphic question, `weight` ones otherwise
 * @example
 * voterCredentialWeights({ homomorphic: false }, 3); // [1, 1, 1]
 */
export function voterCredentialWeights(
  parameters: Pick<SecretElectionParameters, 'homomorphic'>,
  weight: number,
): number[] {
  return parameters.homomorphic ? [weight] : Array.from({ length: weight }, () => 1);
}

/**
 * The weights of all the election's credentials, as a sorted multiset: what the public
 * credentials of the election of this decision must carry (credentials are anonymous, so only the
 * multiset can be compared).
 *
 * @param parameters - the election parameters
 * @returns the weights, ascending
 */
export function credentialWeights(parameters: SecretElectionParameters): number[] {
  return parameters.voters
    .flatMap((voter) => voterCredentialWeights(parameters, voter.weight))
    .sort((a, b) => a - b);
}

/**
 * Election parameters of a secret democracy decision that has opened.
 *
 * @param state - the governance state
 * @param decisionId - the decision
 * @returns what Helios-C must run: question, weighted voter list, trustees, period
 * @throws {@link SecretBallotError} if the decision does not exist, is not a secret democracy
 * decision, has not opened yet (weights are fixed at opening) or names no trustees
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
  if (decision.secret.trustees === undefined) {
    throw new SecretBallotError(`decision ${decision.id} names no trustees`);
  }
  let totalWeight = 0;
  for (const voter of decision.secret.voters) totalWeight += voter.weight;
  return {
    decision: decision.id,
    method: rule.method,
    homomorphic: isHomomorphicMethod(rule.method),
    question: heliosQuestion(rule.method, decision.title ?? decision.kind, decision.options),
    voters: decision.secret.voters,
    totalWeight,
    trustees: decision.secret.trustees,
    ...(rule.grades === undefined ? {} : { grades: rule.grades }),
    ...(rule.seats === undefined ? {} : { seats: rule.seats }),
    opensAt: decision.opensAt,
    closesAt: decision.closesAt,
  };
}
