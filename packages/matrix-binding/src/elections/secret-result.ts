/**
 * @module
 * A secret decision's result, `org.imago.governance.secret.result`: what the authority publishes for
 * a finished election (its result, cast weight and evidence), and the one verifier of a published
 * result, the governance hook that counts it only if it is the verified result of the election the
 * decision asked for ({@link checkElectionOfDecision}). Pure, but for the verification of archives.
 */
import type { GovernanceContext, SecretElectionParameters, SecretResultContent } from '@imago/governance';
import { parseSizedEncryptedTally } from '@imago/helios-c';
import { electionEvidence, verifyElection } from './election-archive';
import { checkElectionOfDecision, electionOfDecision } from './election-of-decision';
import type { SecretBallotReplay } from './election-state';
import type { SecretBallotsReplay } from './replay-secret-ballots';

type Verify = NonNullable<GovernanceContext['verifySecretResult']>;

/** The result's first question, numbers as numbers (Belenios writes large weights as strings). */
function publishedResult(election: SecretBallotReplay): unknown {
  try {
    const result = (JSON.parse(election.result ?? 'null') as { result?: unknown[] } | null)?.result;
    const normalise = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(normalise)
        : typeof value === 'string' && /^\d+$/.test(value)
          ? Number(value)
          : value;
    return Array.isArray(result) && result.length === 1 ? normalise(result[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** The total weight of the tallied ballots, from the election's `EncryptedTally` step. */
function castWeightOf(election: SecretBallotReplay): number | undefined {
  const step = election.steps.find((s) => s.type === 'EncryptedTally');
  const sized = step && parseSizedEncryptedTally(step.data.find((d) => d.includes('total_weight')) ?? '');
  return sized?.ok ? Number(sized.value.totalWeight) : undefined;
}

/**
 * What the authority publishes for a finished election (`org.imago.governance.secret.result`).
 *
 * @param election - a finished election (phase `done`).
 * @returns the content, or `undefined` before the `Result` step.
 */
export function secretResultContent(election: SecretBallotReplay): SecretResultContent | undefined {
  const result = publishedResult(election);
  const castWeight = castWeightOf(election);
  const evidence = electionEvidence(election);
  if (election.decision === undefined || !Array.isArray(result) || castWeight === undefined) return undefined;
  return {
    decision: election.decision,
    result: result as SecretResultContent['result'],
    castWeight,
    ...(evidence ? { evidence } : {}),
  };
}

/**
 * The governance hook that checks secret results: a result counts only if it is the published
 * result of the room's election of the decision (the first Setup of the authority naming it),
 * whose archive the caller has verified (`verifyElection`, or belenios-tool), which is the
 * election the decision asked for ({@link checkElectionOfDecision}), with the same cast weight and
 * naming the archive's last event when it names evidence. It also gives governance the delegation
 * events the Setup names (`namedDelegations`), from which every replay resolves the weights.
 *
 * @param replay - the room's elections and contributions (`replaySecretBallots`).
 * @param verified - uuids of the elections whose exported archive verified.
 * @returns a `verifySecretResult` for `replayDecisions`.
 * @example
 * ```ts
 * const ballots = replaySecretBallots(log);
 * const verified = await verifiedElections(ballots.elections);
 * replayDecisions(log, { verifySecretResult: secretResultVerifier(ballots, verified) });
 * ```
 */
export function secretResultVerifier(
  replay: Pick<SecretBallotsReplay, 'elections' | 'contributions'>,
  verified: ReadonlySet<string>,
): Verify {
  const verify = (parameters: SecretElectionParameters, content: SecretResultContent) => {
    const election = electionOfDecision(replay.elections, parameters.decision);
    if (election === undefined || election.phase !== 'done' || !verified.has(election.election)) return false;
    if (!checkElectionOfDecision(election, parameters, replay.contributions.get(parameters.decision)).ok)
      return false;
    const expected = secretResultContent(election);
    if (expected === undefined) return false;
    if (content.evidence !== undefined && content.evidence !== expected.evidence) return false;
    if (content.castWeight !== undefined && content.castWeight !== expected.castWeight) return false;
    return JSON.stringify(content.result) === JSON.stringify(expected.result);
  };
  // The weights are resolved from the delegation events the election's Setup names.
  const namedDelegations = (decision: string) => electionOfDecision(replay.elections, decision)?.delegations;
  return Object.assign(verify, { namedDelegations });
}

/**
 * Verifies the finished elections of a room that are not verified yet (each archive once, by its
 * last event), with @imago/helios-c: what {@link secretResultVerifier} needs.
 *
 * @param elections - the room's elections.
 * @param known - verdicts so far, by archive evidence (kept between calls).
 * @returns the uuids of the elections whose archive verified.
 */
export async function verifiedElections(
  elections: ReadonlyMap<string, SecretBallotReplay>,
  known: Map<string, boolean> = new Map(),
): Promise<Set<string>> {
  const verified = new Set<string>();
  for (const election of elections.values()) {
    if (election.phase !== 'done') continue;
    const evidence = electionEvidence(election) ?? '';
    let ok = known.get(evidence);
    if (ok === undefined) {
      ok = (await verifyElection(election)).ok;
      known.set(evidence, ok);
    }
    if (ok) verified.add(election.election);
  }
  return verified;
}
