/**
 * @module
 * The election a secret decision is decided by, and whether it is the one the decision asked for.
 * An election that @imago/helios-c verifies
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
 * `secret-result.ts` plugs this into `replayDecisions` (governance's `verifySecretResult`). Pure.
 */
import { credentialWeights, type SecretElectionParameters } from '@imago/governance';
import {
  type AnyGroup,
  decodeTrusteePublicKey,
  type Election,
  parseCertificate,
  parseElection,
  parsePublicCredentials,
  parseTrustees,
  serializeSignedMessage,
  setupTextsOf,
  type Trustees,
} from '@imago/helios-c';
import { owners, type SecretBallotReplay } from './election-state';
import type { TrusteeContributions } from './replay-secret-ballots';

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

/**
 * The election a governance decision is decided by: the first Setup naming it (only the group's
 * authority's Setups are in the replay).
 *
 * @param elections - the room's elections.
 * @param decision - the decision id.
 * @returns the election, or `undefined` before its Setup.
 */
export function electionOfDecision(
  elections: ReadonlyMap<string, SecretBallotReplay>,
  decision: string,
): SecretBallotReplay | undefined {
  for (const election of elections.values()) if (election.decision === decision) return election;
  return undefined;
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
    const required = requiredShufflers(parameters);
    const shuffled = owners(election, 'Shuffle');
    const done = required.owners.filter((owner) => shuffled.has(owner)).length;
    const count = required.count;
    if (done < count)
      issues.push({ check: 'shuffles', detail: `${done} required trustees shuffled, expected ${count}` });
  }
  return report();
}
