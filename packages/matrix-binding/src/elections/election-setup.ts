/**
 * @module
 * The authority's Setup of a decision's election, with @imago/helios-c: its own trustee key
 * (trustee 1), the member trustees' keys as they posted them (plain keys, or the Pedersen threshold
 * parameters combined from their certificates, polynomials and verification outputs — step 6), the
 * credentials — each voter gets the credentials governance's weights give them
 * (`voterCredentialWeights`) — and the election of the decision's question under the product of
 * the trustees' keys. The authority is the credential authority: it learns the private credentials
 * and must deliver them (Olm-encrypted) and forget them. Pure but for the random keys and
 * credentials.
 */
import { type SecretElectionParameters, voterCredentialWeights } from '@imago/governance';
import {
  type ArchiveStep,
  base58Alphabet,
  decodeTrusteePublicKey,
  electionPublicKey,
  generateCredentials,
  generateTrusteeKey,
  makeThresholdParameters,
  parseCertificate,
  parsePolynomial,
  parseVerificationOutput,
  randomBelow,
  serializeElection,
  serializeTrustees,
  setupStep,
  type TrusteeKind,
  verifyTrusteePublicKey,
} from '@imago/helios-c';
import { electionGroup } from './election-group';
import type { TrusteeContributions } from './replay-secret-ballots';

/** An election the authority has prepared for a decision (keep it in its store before posting). */
export interface PreparedElection {
  readonly decision: string;
  readonly uuid: string;
  /** The archive header's timestamp (seconds). */
  readonly timestamp: number;
  /** The Setup step to post. */
  readonly setup: ArchiveStep;
  /** The Matrix account of each trustee, in trustee order (the authority first). */
  readonly trustees: readonly string[];
  /** The authority's trustee secret key (decimal). */
  readonly secretKey: string;
  /** Each voter's private credentials (several on a non-homomorphic question); dropped once delivered and voting ends. */
  readonly credentials?: Readonly<Record<string, readonly string[]>>;
}

/** Why the Setup cannot be made yet. */
export type SetupBlocked =
  | { readonly waiting: readonly string[] }
  | { readonly invalid: string; readonly member?: string };

function uuid(): string {
  let token = '';
  for (let i = 0; i < 14; i++) token += base58Alphabet[Number(randomBelow(58n))];
  return token;
}

/** The member trustees' part of the trustees structure, or why it cannot be made. */
function memberTrustees(
  parameters: SecretElectionParameters,
  contributions: ReadonlyMap<string, TrusteeContributions>,
): TrusteeKind<unknown>[] | SetupBlocked {
  const group = electionGroup(parameters);
  const members = parameters.trustees.members;
  const step = parameters.trustees.threshold === undefined ? 'key' : 'verification';
  const waiting = members.filter((m) => contributions.get(m)?.[step] === undefined);
  if (waiting.length > 0) return { waiting };
  if (parameters.trustees.threshold === undefined) {
    const items: TrusteeKind<unknown>[] = [];
    for (const member of members) {
      try {
        const key = decodeTrusteePublicKey(
          JSON.parse(contributions.get(member)?.key?.text ?? ''),
          'key',
          group,
        );
        if (!verifyTrusteePublicKey(group, key))
          return { invalid: 'the key does not prove its secret', member };
        items.push({ kind: 'Single', key });
      } catch {
        return { invalid: 'the key does not parse', member };
      }
    }
    return items;
  }
  const read = <T>(
    member: string,
    parse: (text: string) => { ok: true; value: T } | { ok: false },
    s: 'certificate' | 'polynomial' | 'verification',
  ) => {
    const parsed = parse(contributions.get(member)?.[s]?.text ?? '');
    return parsed.ok ? parsed.value : undefined;
  };
  const certs = members.map((m) => read(m, (t) => parseCertificate(group, t), 'certificate'));
  const polynomials = members.map((m) => read(m, (t) => parsePolynomial(group, t), 'polynomial'));
  const outputs = members.map((m) => read(m, (t) => parseVerificationOutput(group, t), 'verification'));
  const broken = members.find((_, i) => !certs[i] || !polynomials[i] || !outputs[i]);
  if (broken !== undefined) return { invalid: 'a key-establishment step does not parse', member: broken };
  try {
    return [
      {
        kind: 'Pedersen',
        parameters: makeThresholdParameters(group, certs as never, polynomials as never, outputs as never),
      },
    ];
  } catch (error) {
    return { invalid: `the threshold parameters do not combine: ${(error as Error).message}` };
  }
}

/**
 * Prepares the election of a decision, once every member trustee's key is in the room.
 *
 * @param parameters - the decision's election parameters (`secretElectionParameters`).
 * @param contributions - the decision's key-establishment contributions, by member.
 * @param authority - the authority's account (trustee 1, the Setup's sender).
 * @param now - the current time (ms), for the archive timestamp.
 * @returns the prepared election, or what it waits for (trustees who have not posted) or why it
 * cannot be made (a member's step that does not verify).
 */
export function prepareElection(
  parameters: SecretElectionParameters,
  contributions: ReadonlyMap<string, TrusteeContributions>,
  authority: string,
  now: number,
): PreparedElection | SetupBlocked {
  const members = memberTrustees(parameters, contributions);
  if (!Array.isArray(members)) return members;
  const group = electionGroup(parameters);
  const key = generateTrusteeKey(group);
  const items: TrusteeKind<unknown>[] = [{ kind: 'Single', key: key.publicKey }, ...members];
  const publicKey = electionPublicKey(group, items);
  if (publicKey === undefined) return { invalid: 'no election key from the trustees' };
  const id = uuid();
  // One voter line per credential, in voter order; weights only where one differs from 1.
  const owners: string[] = [];
  const lines = parameters.voters.flatMap((voter) =>
    voterCredentialWeights(parameters, voter.weight).map((weight) => {
      owners.push(voter.member);
      return { id: String(owners.length), login: String(owners.length), weight: BigInt(weight) };
    }),
  );
  const weighted = lines.some((line) => line.weight !== 1n);
  const generated = generateCredentials(
    group,
    id,
    lines.map((line) => (weighted ? line : { id: line.id, login: line.login })),
  );
  const credentials: Record<string, string[]> = {};
  generated.privateLines.forEach((line, i) => {
    const owner = owners[i] as string;
    credentials[owner] = [...(credentials[owner] ?? []), line.slice(line.indexOf(' ') + 1)];
  });
  const question = parameters.question;
  const election = serializeElection(
    group,
    {
      description: `Secret ballot of decision ${parameters.decision}`,
      name: question.question,
      questions: [question],
    },
    id,
    publicKey,
  );
  return {
    decision: parameters.decision,
    uuid: id,
    timestamp: Math.floor(now / 1000),
    setup: setupStep({
      election,
      trustees: serializeTrustees(group, items),
      credentials: generated.publicCredentials,
    }),
    trustees: [authority, ...parameters.trustees.members],
    secretKey: String(key.secretKey),
    credentials,
  };
}
