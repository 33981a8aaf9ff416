/**
 * @module
 * Plugging secret ballots into @imago/governance: the `verifySecretResult` hook of its context
 * accepts an `org.imago.governance.secret.result` only when it is the result of an election of the
 * room that names the decision, has reached its `Result` step, and whose archive the caller has
 * verified (with `belenios-tool election verify` or @imago/helios-c, before replaying), and when
 * that election is the one the decision asked for: the same single question, and one public
 * credential per eligible voter with the weights the decision computed (credentials are anonymous,
 * so the weights are compared as a multiset). Pure.
 */
import type { GovernanceContext, SecretElectionParameters, SecretResultContent } from '@imago/governance';
import { belArchiveFromSteps } from './bel-steps';
import { electionSetupTexts } from './election-steps';
import type { SecretBallotReplay } from './replay-secret-ballots';

type Verify = NonNullable<GovernanceContext['verifySecretResult']>;

function sameResult(published: unknown, claimed: SecretResultContent['result']): boolean {
  if (!Array.isArray(published) || published.length !== 1) return false;
  const normalise = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(normalise)
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : value;
  return JSON.stringify(normalise(published[0])) === JSON.stringify(normalise(claimed));
}

const sameStrings = (a: unknown, b: readonly string[]): boolean =>
  Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether a Belenios question (election JSON) is the question the decision asked for. */
function sameQuestion(actual: unknown, expected: SecretElectionParameters['question']): boolean {
  if (typeof actual !== 'object' || actual === null) return false;
  const q = actual as Record<string, unknown>;
  if ('type' in expected) {
    const value = q.value as Record<string, unknown> | undefined;
    return (
      q.type === expected.type &&
      typeof value === 'object' &&
      value !== null &&
      value.question === expected.value.question &&
      sameStrings(value.answers, expected.value.answers)
    );
  }
  return (
    q.type === undefined &&
    q.question === expected.question &&
    sameStrings(q.answers, expected.answers) &&
    q.min === expected.min &&
    q.max === expected.max &&
    (q.blank === undefined || q.blank === false)
  );
}

/**
 * Whether the election is the one the decision asked for: its single question, and its public
 * credentials' weights equal to the voters' weights (as multisets).
 */
function isElectionOf(election: SecretBallotReplay, parameters: SecretElectionParameters): boolean {
  try {
    const texts = electionSetupTexts(election);
    const questions = (JSON.parse(texts.election) as { questions?: unknown }).questions;
    if (
      !Array.isArray(questions) ||
      questions.length !== 1 ||
      !sameQuestion(questions[0], parameters.question)
    )
      return false;
    const credentials = JSON.parse(texts.credentials) as unknown;
    if (!Array.isArray(credentials)) return false;
    const weights = credentials.map((c) => {
      const comma = typeof c === 'string' ? c.indexOf(',') : -2;
      return comma === -2 ? Number.NaN : comma < 0 ? 1 : Number((c as string).slice(comma + 1));
    });
    const expected = parameters.voters.map((v) => v.weight);
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
    return JSON.stringify(sorted(weights)) === JSON.stringify(sorted(expected));
  } catch {
    return false;
  }
}

/**
 * The governance hook that checks secret results against the room's elections.
 *
 * @param elections - the room's elections ({@link replaySecretBallots}).
 * @param verified - uuids of the elections whose exported archive has been verified.
 * @returns a `verifySecretResult` for {@link replayDecisions}.
 * @example
 * ```ts
 * const { elections } = replaySecretBallots(log);
 * // verify each exportBelArchive(election) with belenios-tool or @imago/helios-c, then:
 * replayDecisions(log, { verifySecretResult: secretResultVerifier(elections, new Set([uuid])) });
 * ```
 */
export function secretResultVerifier(
  elections: ReadonlyMap<string, SecretBallotReplay>,
  verified: ReadonlySet<string>,
): Verify {
  return (parameters, content) => {
    for (const election of elections.values()) {
      if (
        election.decision !== parameters.decision ||
        election.phase !== 'done' ||
        !verified.has(election.election) ||
        !isElectionOf(election, parameters)
      )
        continue;
      if (
        content.evidence !== undefined &&
        content.evidence !== belArchiveFromSteps(election.timestamp, election.steps).lastEvent
      ) {
        continue;
      }
      try {
        if (
          sameResult((JSON.parse(election.result ?? 'null') as { result?: unknown })?.result, content.result)
        )
          return true;
      } catch {
        // a Result that is not JSON cannot match
      }
    }
    return false;
  };
}
