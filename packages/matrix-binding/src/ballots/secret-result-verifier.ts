/**
 * @module
 * Plugging secret ballots into @imago/governance: the `verifySecretResult` hook of its context
 * accepts an `org.imago.governance.secret.result` only when it is the result of an election of the
 * room that names the decision, has reached its `Result` step, and whose archive the caller has
 * verified (with `belenios-tool election verify` or @imago/helios-c, before replaying). Pure.
 */
import type { GovernanceContext, SecretResultContent } from '@imago/governance';
import { belArchiveFromSteps } from './bel-steps';
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
        !verified.has(election.election)
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
