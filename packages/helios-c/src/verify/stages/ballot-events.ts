/**
 * The `Ballot` events of an archive (Belenios 2.0 specification §3.5, §4.20): every ballot
 * checked against the election and the public credentials, the credentials no ballot proves to be
 * group elements tested for membership, replays refused, and `last(B)` — the last ballot of each
 * credential, with its weight — kept for the tally.
 *
 * @module
 */
import { type Archive, dataText } from '../../archive/archive';
import type { Ballot } from '../../ballot/ballot';
import type { Election } from '../../election/election';
import type { WeightedBallot } from '../../tally/encrypted-tally';
import { type BallotVerification, verifyBallot } from '../ballot-verification';
import type { VerificationIssue } from '../verification-issue';
import type { Setup } from './archive-setup';
import { eventLocation } from './event-location';

/** The ballots of an archive, with the public credentials they are checked against. */
export interface BallotBatch {
  /** Ballot texts, in archive order. */
  readonly texts: readonly string[];
  /** The election's public credentials (canonical strings). */
  readonly credentials: ReadonlySet<string>;
  /**
   * Credentials whose group membership is to be checked as well: those no ballot refers to. (A
   * ballot that parses proves its own credential's membership, with the power chain its
   * signature check needs anyway.)
   */
  readonly membershipChecks: readonly string[];
}

/** What a {@link BallotBatchVerifier} found. */
export interface BallotBatchVerification<E> {
  /** One verification per ballot, in input order. */
  readonly ballots: readonly BallotVerification<E>[];
  /** The credentials of `membershipChecks` that are not group elements. */
  readonly nonMembers: readonly string[];
}

/** Checks ballots (and credential memberships), possibly in parallel; results in input order. */
export type BallotBatchVerifier = <E>(
  election: Election<E>,
  batch: BallotBatch,
  onProgress?: (done: number, total: number) => void,
) => Promise<BallotBatchVerification<E>>;

/**
 * The credentials among `texts` that are not elements of the election's group.
 * @param election - the election
 * @param texts - canonical public credentials (already checked to be well-formed)
 * @returns those outside the group
 */
export function nonMemberCredentials<E>(election: Election<E>, texts: readonly string[]): string[] {
  const group = election.group;
  return texts.filter((text) => {
    const element = group.parse(text);
    return element === undefined || !group.isMember(element);
  });
}

/**
 * Checks ballots one after the other, in the calling thread.
 * @param election - the election
 * @param batch - ballot texts and credentials
 * @param onProgress - progress callback
 * @returns one verification per ballot, and the non-member credentials
 */
export const sequentialBallots: BallotBatchVerifier = async (election, batch, onProgress) => {
  const ballots = [];
  for (const [i, text] of batch.texts.entries()) {
    ballots.push(verifyBallot(election, text, (c) => batch.credentials.has(c)));
    onProgress?.(i + 1, batch.texts.length);
  }
  return { ballots, nonMembers: nonMemberCredentials(election, batch.membershipChecks) };
};

const credentialMention = /"credential"\s*:\s*"([0-9a-fA-F]+)"/;

/** What the ballot stage found. */
export interface BallotEventsVerification {
  /** The failed checks (verification stops after this stage when there is one). */
  readonly issues: readonly VerificationIssue[];
  /** The number of ballot events and of tallied ballots, once every ballot was checked. */
  readonly counts?: { readonly ballots: number; readonly tallied: number };
  /** `last(B)`: the last accepted ballot of each credential, with the credential's weight. */
  readonly tallied: readonly WeightedBallot<unknown>[];
}

/**
 * Checks every `Ballot` event.
 * @param archive - the archive
 * @param setup - its setup
 * @param verifier - how the ballots are checked (sequentially, on worker threads…)
 * @param onProgress - progress callback (ballots checked, ballots in all)
 * @returns the issues, the counts and `last(B)`
 */
export async function verifyBallotEvents(
  archive: Archive,
  setup: Setup<unknown>,
  verifier: BallotBatchVerifier,
  onProgress?: (done: number, total: number) => void,
): Promise<BallotEventsVerification> {
  const { election, credentials } = setup;
  const group = election.group;
  const first = archive.events[0]!;
  const issues: VerificationIssue[] = [];
  const ballotEvents = archive.events.map((e, i) => ({ e, i })).filter(({ e }) => e.type === 'Ballot');
  const texts: string[] = [];
  for (const { e, i } of ballotEvents) {
    const text = dataText(archive, e.payload as string);
    if (text === undefined) {
      issues.push({
        check: 'ballot.malformed',
        where: eventLocation(e, i),
        message: 'ballot is not UTF-8 text',
      });
      return { issues, tallied: [] };
    }
    texts.push(text);
  }
  // Public credentials were read without their membership test: a ballot that parses proves its
  // credential's, and the others are checked by the verifier alongside the ballots.
  const mentioned = new Set(texts.map((t) => credentialMention.exec(t)?.[1]));
  const batch = await verifier(
    election,
    {
      texts,
      credentials: new Set(credentials.keys()),
      membershipChecks: [...credentials.keys()].filter((c) => !mentioned.has(c)),
    },
    onProgress,
  );
  const checked = batch.ballots;
  const proven = new Set<string>();
  for (const result of checked) if (result.ok) proven.add(group.toString(result.ballot.credential));
  const outsiders = new Set([
    ...batch.nonMembers,
    ...nonMemberCredentials(
      election,
      [...credentials.keys()].filter((c) => mentioned.has(c) && !proven.has(c)),
    ),
  ]);
  if (outsiders.size > 0) {
    const index = [...credentials.keys()].findIndex((c) => outsiders.has(c));
    issues.push({
      check: 'setup.credentials',
      where: `${eventLocation(first, 0)} credentials[${index}]`,
      message: `credentials[${index}]: expected a public credential in the group ${group.name}`,
    });
    return { issues, tallied: [] };
  }
  const last = new Map<string, { ballot: Ballot<unknown>; weight: bigint }>();
  const seenPayloads = new Set<string>();
  for (const [k, result] of checked.entries()) {
    const { e, i } = ballotEvents[k]!;
    if (!result.ok) {
      issues.push({
        check: result.rejection.check,
        where: `${eventLocation(e, i)} ${result.rejection.path}`,
        message: result.rejection.message,
      });
      continue;
    }
    if (seenPayloads.has(e.payload as string)) {
      issues.push({
        check: 'ballot.duplicate',
        where: eventLocation(e, i),
        message: 'the same ballot was already cast',
      });
      continue;
    }
    seenPayloads.add(e.payload as string);
    const credential = group.toString(result.ballot.credential);
    last.delete(credential);
    last.set(credential, { ballot: result.ballot, weight: credentials.get(credential)!.weight });
  }
  return {
    issues,
    counts: { ballots: ballotEvents.length, tallied: last.size },
    tallied: [...last.values()],
  };
}
