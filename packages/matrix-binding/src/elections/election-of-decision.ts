/**
 * @module
 * The one verifier of a secret decision's result. An election that @imago/helios-c verifies
 * (`verifyElection`: every proof, the hash chain, the result) proves that its result is the count
 * of its ballots; it does not prove that it is the election the decision asked for. This module
 * checks that too, from governance's parameters and the room:
 *
 * - the Setup names the decision and the administrator is trustee 1;
 * - the election asks the decision's single question;
 * - its public credentials carry the weights delegation gave the voters (`credentialWeights`: a
 *   multiset, since credentials are anonymous);
 * - its trustees are the authority and the member trustees the decision names, in order, with the
 *   keys those members posted in the room (`org.imago.helios.trustee`): plain keys, or the
 *   certificates of a Pedersen threshold with the decision's threshold — so the authority cannot
 *   hold every key;
 * - on a non-homomorphic question, the members who must shuffled (every member trustee, or
 *   `threshold` of them; the authority alone where the table makes it the only trustee), so that
 *   no party that knows every permutation links a decrypted ballot to its credential;
 * - the published result is the election's result, with its cast weight, and the evidence names
 *   the archive's last event.
 *
 * {@link secretResultVerifier} plugs this into `replayDecisions` (governance's
 * `verifySecretResult`). Pure.
 */
import {
  credentialWeights,
  type GovernanceContext,
  type SecretElectionParameters,
  type SecretResultContent,
} from '@imago/governance';
import {
  type AnyGroup,
  decodeTrusteePublicKey,
  type Election,
  parseCertificate,
  parseElection,
  parsePublicCredentials,
  parseSizedEncryptedTally,
  parseTrustees,
  serializeSignedMessage,
  setupTextsOf,
  type Trustees,
} from '@imago/helios-c';
import {
  electionEvidence,
  electionOfDecision,
  type SecretBallotReplay,
  type SecretBallotsReplay,
  type TrusteeContributions,
  verifyElection,
} from './replay-secret-ballots';

/** A way in which an election is not the one its decision asked for. */
export interface ElectionMismatch {
  /** Stable code: `decision`, `setup`, `question`, `credentials`, `trustees`, `shuffles`. */
  readonly check: 'decision' | 'setup' | 'question' | 'credentials' | 'trustees' | 'shuffles';
  /** Human-readable detail (never parse it). */
  readonly detail: string;
}

/** Whether an election is the one its decision asked for, and why not. */
export interface ElectionOfDecisionReport {
  readonly ok: boolean;
  readonly issues: readonly ElectionMismatch[];
}

const sameStrings = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function questionIssue(election: Election, parameters: SecretElectionParameters): string | undefined {
  if (election.questions.length !== 1) return `${election.questions.length} questions, expected 1`;
  const actual = election.questions[0]!;
  const expected = parameters.question;
  if (actual.kind !== expected.kind) return `a ${actual.kind} question, expected ${expected.kind}`;
  if (actual.question !== expected.question || !sameStrings(actual.answers, expected.answers))
    return 'another question or other answers';
  if (
    actual.kind === 'homomorphic' &&
    expected.kind === 'homomorphic' &&
    (actual.min !== expected.min || actual.max !== expected.max || actual.blank !== expected.blank)
  )
    return 'other bounds or blank votes';
  return undefined;
}

function credentialsIssue(
  election: Election,
  text: string,
  parameters: SecretElectionParameters,
): string | undefined {
  const credentials = parsePublicCredentials(election.group, text);
  if (!credentials.ok) return 'the public credentials do not parse';
  const actual = credentials.value.map((c) => Number(c.weight)).sort((a, b) => a - b);
  const expected = credentialWeights(parameters);
  return sameStrings(actual.map(String), expected.map(String))
    ? undefined
    : `credential weights ${actual.join(',')}, expected ${expected.join(',')}`;
}

/** Why the election's trustees are not the authority and the decision's member trustees. */
function trusteesIssue(
  election: Election,
  replay: SecretBallotReplay,
  trusteesText: string,
  parameters: SecretElectionParameters,
  contributions: ReadonlyMap<string, TrusteeContributions>,
): string | undefined {
  const group = election.group as AnyGroup;
  const members = parameters.trustees.members;
  const declared = [replay.administrator, ...members];
  if (replay.trustees === undefined || !sameStrings(replay.trustees, declared))
    return 'the Setup does not name the authority and the decision’s trustees, in order';
  const parsed = parseTrustees(group, trusteesText);
  if (!parsed.ok) return 'the trustees do not parse';
  const trustees: Trustees<unknown> = parsed.value;
  if (trustees[0]?.kind !== 'Single') return 'trustee 1 (the authority) is not a single key';
  const posted = (member: string, step: 'key' | 'certificate') => contributions.get(member)?.[step]?.text;
  if (parameters.trustees.threshold === undefined) {
    if (trustees.length !== 1 + members.length)
      return `${trustees.length} trustees, expected ${1 + members.length}`;
    for (const [i, member] of members.entries()) {
      const item = trustees[i + 1]!;
      const text = posted(member, 'key');
      if (item.kind !== 'Single' || text === undefined)
        return `trustee ${i + 2} is not ${member}’s posted key`;
      try {
        const key = decodeTrusteePublicKey(JSON.parse(text), 'key', group);
        if (!group.equals(key.publicKey, item.key.publicKey))
          return `trustee ${i + 2} is not ${member}’s posted key`;
      } catch {
        return `${member}’s posted key does not parse`;
      }
    }
    return undefined;
  }
  const pedersen = trustees[1];
  if (trustees.length !== 2 || pedersen?.kind !== 'Pedersen')
    return 'expected the authority and one threshold group';
  const { threshold, certs, coefexps, verificationKeys } = pedersen.parameters;
  if (threshold !== parameters.trustees.threshold)
    return `threshold ${threshold}, expected ${parameters.trustees.threshold}`;
  if (
    certs.length !== members.length ||
    coefexps.length !== members.length ||
    verificationKeys.length !== members.length
  )
    return `${certs.length} threshold trustees, expected ${members.length}`;
  for (const [i, member] of members.entries()) {
    const text = posted(member, 'certificate');
    const cert = text === undefined ? undefined : parseCertificate(group, text);
    if (!cert?.ok || serializeSignedMessage(cert.value) !== serializeSignedMessage(certs[i]!))
      return `threshold trustee ${i + 1} is not ${member}’s posted certificate`;
  }
  return undefined;
}

/** Which trustee numbers must have shuffled a non-homomorphic election, and how many of them. */
function requiredShufflers(parameters: SecretElectionParameters): { owners: number[]; count: number } {
  const members = parameters.trustees.members;
  if (members.length === 0) return { owners: [1], count: 1 };
  return { owners: members.map((_, i) => i + 2), count: parameters.trustees.threshold ?? members.length };
}

/**
 * Checks that an election is the one a secret decision asked for (see the module's list).
 *
 * @param election - the election replayed from the room.
 * @param parameters - the decision's parameters (`secretElectionParameters` of @imago/governance).
 * @param contributions - the decision's trustee contributions, by member (`replaySecretBallots(log).contributions.get(decision)`).
 * @returns the report; `ok` only without issues.
 */
export function checkElectionOfDecision(
  election: SecretBallotReplay,
  parameters: SecretElectionParameters,
  contributions: ReadonlyMap<string, TrusteeContributions> = new Map(),
): ElectionOfDecisionReport {
  const issues: ElectionMismatch[] = [];
  const report = () => ({ ok: issues.length === 0, issues });
  if (election.decision !== parameters.decision) {
    issues.push({ check: 'decision', detail: 'the Setup names another decision' });
    return report();
  }
  const texts = election.steps[0] && setupTextsOf(election.steps[0]);
  const parsed = texts && parseElection(texts.election);
  if (texts === undefined || !parsed?.ok) {
    issues.push({ check: 'setup', detail: 'the Setup does not carry a readable election' });
    return report();
  }
  const question = questionIssue(parsed.value, parameters);
  if (question) issues.push({ check: 'question', detail: question });
  const credentials = credentialsIssue(parsed.value, texts.credentials, parameters);
  if (credentials) issues.push({ check: 'credentials', detail: credentials });
  const trustees = trusteesIssue(parsed.value, election, texts.trustees, parameters, contributions);
  if (trustees) issues.push({ check: 'trustees', detail: trustees });
  if (!parameters.homomorphic && election.steps.some((s) => s.type === 'EndShuffles')) {
    const { owners, count } = requiredShufflers(parameters);
    const shuffled = new Set(
      election.steps
        .filter((s) => s.type === 'Shuffle')
        .map((s) => (JSON.parse(s.data[1] ?? '{}') as { owner?: number }).owner),
    );
    const done = owners.filter((owner) => shuffled.has(owner)).length;
    if (done < count)
      issues.push({ check: 'shuffles', detail: `${done} required trustees shuffled, expected ${count}` });
  }
  return report();
}

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
 * naming the archive's last event when it names evidence.
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
  return (parameters, content) => {
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
