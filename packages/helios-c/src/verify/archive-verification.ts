/**
 * Full verification of a public archive (Belenios 2.0 specification §3.5): file hashes, the event
 * hash chain and order, the setup, every ballot, the encrypted tally of `last(B)`, shuffles,
 * partial decryptions and the result. Bad evidence yields issues, never exceptions.
 *
 * @module
 */
import { type Archive, type ArchiveEvent, dataText, readArchive } from '../archive/archive';
import { findLayoutDeviation } from '../archive/canonical-layout';
import type { Ballot } from '../ballot/ballot';
import { decodePublicCredential, type PublicCredential } from '../credentials/public-credentials';
import { type Election, parseElection } from '../election/election';
import type { Ciphertext } from '../elgamal/ciphertext';
import { HeliosCError } from '../errors/helios-c-error';
import { arrayOf, field, hashAt, objectAt, parseJsonText, runDecoder } from '../json/decoder';
import { nonHomomorphicIndices } from '../non-homomorphic/non-homomorphic-question';
import { parseOwnedShuffle, parseShuffle } from '../shuffle/shuffle';
import {
  mergeShuffledCiphertexts,
  nonHomomorphicCiphertexts,
  verifyShuffles,
} from '../shuffle/shuffle-election';
import { checkResult, combineFactors, type ElectionResult, parseResult } from '../tally/election-result';
import {
  computeEncryptedTally,
  type EncryptedTally,
  parseEncryptedTally,
  parseSizedEncryptedTally,
} from '../tally/encrypted-tally';
import {
  type PartialDecryption,
  parseOwned,
  parsePartialDecryption,
  verifyPartialDecryption,
} from '../tally/partial-decryption';
import { trusteeSlots } from '../trustees/trustee-slots';
import { decodeTrustees, type Trustees } from '../trustees/trustees';
import type { BallotVerification } from './ballot-verification';
import { verifyBallot } from './ballot-verification';
import { verifySetup } from './setup-verification';
import type { CheckName, VerificationIssue } from './verification-issue';

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

/** Options of {@link verifyArchive}. */
export interface VerifyArchiveOptions {
  /** Progress of the long steps (ballots, shuffles). */
  readonly onProgress?: (step: 'ballots' | 'shuffles', done: number, total: number) => void;
  /** Replaces sequential ballot checking (e.g. worker threads in Node, batch verification). */
  readonly verifyBallots?: BallotBatchVerifier;
}

/** The outcome of verifying an archive. */
export interface ArchiveVerification {
  /** True when no check failed. */
  readonly ok: boolean;
  /** Every failed check, in archive order (verification stops at the first fatal one), then `archive.layout`. */
  readonly issues: readonly VerificationIssue[];
  /** The election, when the setup could be read. */
  readonly election?: Election<unknown>;
  /** Number of accepted ballot events. */
  readonly ballots: number;
  /** Number of ballots in `last(B)`. */
  readonly tallied: number;
  /** The verified result, when the archive contains one. */
  readonly result?: ElectionResult;
  /** Hash of the last event (to compare with a later archive, §3.5.1 step 2). */
  readonly lastEvent?: string;
}

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

function where(event: ArchiveEvent, index: number): string {
  return `event ${index} (${event.type}${event.payload ? `, payload ${event.payload}` : ''})`;
}

const typeOrder: Record<ArchiveEvent['type'], number> = {
  Setup: 0,
  Ballot: 1,
  EndBallots: 2,
  EncryptedTally: 3,
  Shuffle: 4,
  EndShuffles: 5,
  PartialDecryption: 6,
  Result: 7,
};

/**
 * Checks file names against content hashes, the hash chain, heights, event order and payloads.
 * @param archive - the archive
 * @returns the structural issues
 */
export function verifyArchiveStructure(archive: Archive): VerificationIssue[] {
  const issues: VerificationIssue[] = [];
  for (const m of archive.misnamed) {
    issues.push({
      check: 'archive.file_hash',
      where: `${m.name} at byte ${m.offset}`,
      message: `content hash is ${m.actualHash}`,
    });
  }
  let previous: ArchiveEvent | undefined;
  for (const [i, e] of archive.events.entries()) {
    const at = where(e, i);
    if (e.height !== i)
      issues.push({ check: 'archive.chain', where: at, message: `height ${e.height}, expected ${i}` });
    if (previous === undefined) {
      if (e.parent !== undefined)
        issues.push({ check: 'archive.chain', where: at, message: 'first event has a parent' });
      if (e.type !== 'Setup')
        issues.push({ check: 'archive.event_order', where: at, message: 'first event is not Setup' });
    } else {
      if (e.parent !== previous.hash)
        issues.push({
          check: 'archive.chain',
          where: at,
          message: `parent is not the previous event ${previous.hash}`,
        });
      const before = typeOrder[previous.type];
      const now = typeOrder[e.type];
      const repeatable = e.type === 'Ballot' || e.type === 'Shuffle' || e.type === 'PartialDecryption';
      if (now < before || (now === before && !repeatable) || e.type === 'Setup') {
        issues.push({
          check: 'archive.event_order',
          where: at,
          message: `${e.type} cannot follow ${previous.type}`,
        });
      }
    }
    const needsPayload = !(e.type === 'EndBallots' || e.type === 'EndShuffles');
    if (needsPayload && e.payload === undefined)
      issues.push({ check: 'archive.payload', where: at, message: 'missing payload' });
    if (!needsPayload && e.payload !== undefined)
      issues.push({ check: 'archive.payload', where: at, message: 'unexpected payload' });
    if (e.payload !== undefined && !archive.data.has(e.payload))
      issues.push({ check: 'archive.payload', where: at, message: 'payload not in archive' });
    previous = e;
  }
  return issues;
}

interface Setup<E> {
  readonly election: Election<E>;
  readonly trustees: Trustees<E>;
  readonly credentials: Map<string, PublicCredential<E>>;
}

function readSetup(
  archive: Archive,
  event: ArchiveEvent,
): { ok: true; setup: Setup<unknown> } | { ok: false; issue: VerificationIssue } {
  const at = where(event, 0);
  const fail = (check: CheckName, message: string) => ({
    ok: false as const,
    issue: { check, where: at, message },
  });
  const setupText = event.payload === undefined ? undefined : dataText(archive, event.payload);
  if (setupText === undefined) return fail('setup.malformed', 'setup data missing');
  const setup = runDecoder(() => {
    const o = objectAt(parseJsonText(setupText), 'setup');
    return {
      election: hashAt(field(o, 'election', 'setup'), 'setup.election'),
      trustees: hashAt(field(o, 'trustees', 'setup'), 'setup.trustees'),
      credentials: hashAt(field(o, 'credentials', 'setup'), 'setup.credentials'),
    };
  });
  if (!setup.ok) return fail('setup.malformed', setup.error.message);
  const electionText = dataText(archive, setup.value.election);
  if (electionText === undefined) return fail('setup.malformed', 'election data missing');
  const election = parseElection(electionText);
  if (!election.ok) return fail('setup.malformed', `election ${election.error.message}`);
  const group = election.value.group;
  const trusteesText = dataText(archive, setup.value.trustees);
  if (trusteesText === undefined) return fail('setup.malformed', 'trustees data missing');
  const trustees = runDecoder(() => decodeTrustees(group, parseJsonText(trusteesText), 'trustees'));
  if (!trustees.ok) return fail('setup.malformed', trustees.error.message);
  const credentialsText = dataText(archive, setup.value.credentials);
  if (credentialsText === undefined) return fail('setup.malformed', 'credentials data missing');
  const credentials = runDecoder(() =>
    arrayOf(parseJsonText(credentialsText), 'credentials', (v, p) =>
      decodePublicCredential(group, v, p, { membership: false }),
    ),
  );
  if (!credentials.ok) return fail('setup.credentials', credentials.error.message);
  const map = new Map<string, PublicCredential<unknown>>();
  for (const c of credentials.value) {
    if (map.has(c.text)) return fail('setup.credentials', `duplicate public credential ${c.text}`);
    map.set(c.text, c);
  }
  return { ok: true, setup: { election: election.value, trustees: trustees.value, credentials: map } };
}

function tallyEquals<E>(election: Election<E>, a: EncryptedTally<E>, b: EncryptedTally<E>): boolean {
  const g = election.group;
  return (
    a.length === b.length &&
    a.every((q, i) => {
      const r = b[i] as readonly Ciphertext<E>[];
      return (
        q.length === r.length &&
        q.every((c, j) => g.equals(c.alpha, r[j]!.alpha) && g.equals(c.beta, r[j]!.beta))
      );
    })
  );
}

/**
 * Verifies a `.bel` archive completely.
 * @param bytes - the archive bytes
 * @param options - progress reporting and ballot verification strategy
 * @returns the verification report (never throws on bad evidence)
 * @example
 * const report = await verifyArchive(bytes);
 * if (!report.ok) for (const i of report.issues) console.error(i.check, i.where, i.message);
 */
export async function verifyArchive(
  bytes: Uint8Array,
  options: VerifyArchiveOptions = {},
): Promise<ArchiveVerification> {
  const read = readArchive(bytes);
  if (!read.ok) {
    return {
      ok: false,
      issues: [
        'offset' in read.error
          ? { check: 'archive.format', where: `byte ${read.error.offset}`, message: read.error.reason }
          : { check: 'archive.format', where: 'archive', message: read.error.message },
      ],
      ballots: 0,
      tallied: 0,
    };
  }
  const archive = read.value;
  const issues = verifyArchiveStructure(archive);
  const lastEvent = archive.events.at(-1)?.hash;
  // belenios-tool regenerates the archive from the event chain and requires the very same bytes;
  // a deviation is reported after the other findings and does not stop the cryptographic checks.
  const deviation = issues.length === 0 ? findLayoutDeviation(bytes, archive) : undefined;
  const layout: VerificationIssue[] = deviation
    ? [{ check: 'archive.layout', where: `byte ${deviation.offset}`, message: deviation.reason }]
    : [];
  const done = (extra: Partial<ArchiveVerification> = {}): ArchiveVerification => ({
    ok: issues.length === 0 && layout.length === 0,
    issues: [...issues, ...layout],
    ballots: 0,
    tallied: 0,
    ...(lastEvent === undefined ? {} : { lastEvent }),
    ...extra,
  });
  const first = archive.events[0];
  if (issues.length > 0 || first === undefined) {
    if (first === undefined)
      issues.push({ check: 'archive.event_order', where: 'archive', message: 'no Setup event' });
    return done();
  }
  const setupRead = readSetup(archive, first);
  if (!setupRead.ok) {
    issues.push(setupRead.issue);
    return done();
  }
  const { election, trustees, credentials } = setupRead.setup;
  const group = election.group;
  const setupRejection = verifySetup(election, trustees);
  if (setupRejection) {
    issues.push({
      check: setupRejection.check,
      where: `${where(first, 0)} ${setupRejection.path}`,
      message: setupRejection.message,
    });
    return done({ election });
  }

  // Ballots.
  const ballotEvents = archive.events.map((e, i) => ({ e, i })).filter(({ e }) => e.type === 'Ballot');
  const texts: string[] = [];
  for (const { e, i } of ballotEvents) {
    const text = dataText(archive, e.payload as string);
    if (text === undefined) {
      issues.push({ check: 'ballot.malformed', where: where(e, i), message: 'ballot is not UTF-8 text' });
      return done({ election });
    }
    texts.push(text);
  }
  // Public credentials were read without their membership test: a ballot that parses proves its
  // credential's, and the others are checked by the verifier alongside the ballots.
  const mentioned = new Set(texts.map((t) => credentialMention.exec(t)?.[1]));
  const verifier = options.verifyBallots ?? sequentialBallots;
  const batch = await verifier(
    election,
    {
      texts,
      credentials: new Set(credentials.keys()),
      membershipChecks: [...credentials.keys()].filter((c) => !mentioned.has(c)),
    },
    options.onProgress ? (d, t) => options.onProgress?.('ballots', d, t) : undefined,
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
      where: `${where(first, 0)} credentials[${index}]`,
      message: `credentials[${index}]: expected a public credential in the group ${group.name}`,
    });
    return done({ election });
  }
  const last = new Map<string, { ballot: Ballot<unknown>; weight: bigint }>();
  const seenPayloads = new Set<string>();
  for (const [k, result] of checked.entries()) {
    const { e, i } = ballotEvents[k]!;
    if (!result.ok) {
      issues.push({
        check: result.rejection.check,
        where: `${where(e, i)} ${result.rejection.path}`,
        message: result.rejection.message,
      });
      continue;
    }
    if (seenPayloads.has(e.payload as string)) {
      issues.push({
        check: 'ballot.duplicate',
        where: where(e, i),
        message: 'the same ballot was already cast',
      });
      continue;
    }
    seenPayloads.add(e.payload as string);
    const credential = group.toString(result.ballot.credential);
    last.delete(credential);
    last.set(credential, { ballot: result.ballot, weight: credentials.get(credential)!.weight });
  }
  if (issues.length > 0) return done({ election, ballots: ballotEvents.length, tallied: last.size });
  const summary = { election, ballots: ballotEvents.length, tallied: last.size };

  // Encrypted tally.
  const tallyIndex = archive.events.findIndex((e) => e.type === 'EncryptedTally');
  if (tallyIndex < 0) return done(summary);
  const tallyEvent = archive.events[tallyIndex]!;
  const tallyAt = where(tallyEvent, tallyIndex);
  const sized = parseSizedEncryptedTally(dataText(archive, tallyEvent.payload as string) ?? '');
  if (!sized.ok) {
    issues.push({
      check: 'tally.malformed',
      where: `${tallyAt} ${sized.error.path}`,
      message: sized.error.message,
    });
    return done(summary);
  }
  const weighted = [...last.values()];
  const totalWeight = weighted.reduce((s, b) => s + b.weight, 0n);
  if (sized.value.numTallied !== weighted.length || sized.value.totalWeight !== totalWeight) {
    issues.push({
      check: 'tally.counts',
      where: tallyAt,
      message: `num_tallied ${sized.value.numTallied} / total_weight ${sized.value.totalWeight}, expected ${weighted.length} / ${totalWeight}`,
    });
    return done(summary);
  }
  const published = parseEncryptedTally(group, dataText(archive, sized.value.encryptedTally) ?? '');
  if (!published.ok) {
    issues.push({
      check: 'tally.malformed',
      where: `${tallyAt} encrypted_tally ${published.error.path}`,
      message: published.error.message,
    });
    return done(summary);
  }
  const computed = computeEncryptedTally(election, weighted);
  if (!tallyEquals(election, computed, published.value)) {
    issues.push({
      check: 'tally.encrypted_tally',
      where: tallyAt,
      message: 'the encrypted tally is not the product of the tallied ballots',
    });
    return done(summary);
  }
  let tally: EncryptedTally<unknown> = published.value;

  // Shuffles.
  const nhIndices = nonHomomorphicIndices(election.questions);
  const shuffleEvents = archive.events.map((e, i) => ({ e, i })).filter(({ e }) => e.type === 'Shuffle');
  if (shuffleEvents.length > 0) {
    const shuffles = [];
    for (const { e, i } of shuffleEvents) {
      try {
        const owned = parseOwnedShuffle(parseJsonText(dataText(archive, e.payload as string) ?? ''));
        shuffles.push(parseShuffle(group, parseJsonText(dataText(archive, owned.payload) ?? '')));
      } catch (error) {
        if (!HeliosCError.isInstance(error)) throw error;
        issues.push({ check: 'shuffle.malformed', where: where(e, i), message: error.message });
        return done(summary);
      }
    }
    const verified = verifyShuffles(
      group,
      { publicKey: election.publicKey, fingerprint: election.fingerprint },
      nonHomomorphicCiphertexts(tally, nhIndices),
      shuffles,
      options.onProgress ? (d, t) => options.onProgress?.('shuffles', d, t) : undefined,
    );
    if (!verified.valid) {
      const { e, i } = shuffleEvents[verified.shuffle]!;
      issues.push({
        check: 'shuffle.proof',
        where: `${where(e, i)}${verified.question === undefined ? '' : ` proofs[${verified.question}]`}`,
        message: verified.reason,
      });
      return done(summary);
    }
    tally = mergeShuffledCiphertexts(tally, nhIndices, verified.ciphertexts);
  }

  // Partial decryptions.
  const slots = trusteeSlots(trustees);
  const decryptions = new Map<number, PartialDecryption<unknown>>();
  for (const [i, e] of archive.events.entries()) {
    if (e.type !== 'PartialDecryption') continue;
    const at = where(e, i);
    const owned = parseOwned(dataText(archive, e.payload as string) ?? '');
    if (!owned.ok) {
      issues.push({
        check: 'decryption.malformed',
        where: `${at} ${owned.error.path}`,
        message: owned.error.message,
      });
      continue;
    }
    const slot = slots.find((s) => s.owner === owned.value.owner);
    if (!slot || decryptions.has(owned.value.owner)) {
      issues.push({
        check: 'decryption.owner',
        where: at,
        message: slot ? `trustee ${owned.value.owner} decrypted twice` : `no trustee ${owned.value.owner}`,
      });
      continue;
    }
    const pd = parsePartialDecryption(group, dataText(archive, owned.value.payload) ?? '');
    if (!pd.ok) {
      issues.push({
        check: 'decryption.malformed',
        where: `${at} ${pd.error.path}`,
        message: pd.error.message,
      });
      continue;
    }
    const bad = verifyPartialDecryption(election, tally, slot.verificationKey, pd.value);
    if (bad) {
      issues.push({
        check: 'decryption.proof',
        where: `${at} ${bad}`,
        message: `invalid partial decryption of trustee ${slot.owner}`,
      });
      continue;
    }
    decryptions.set(owned.value.owner, pd.value);
  }
  if (issues.length > 0) return done(summary);

  // Result.
  const resultIndex = archive.events.findIndex((e) => e.type === 'Result');
  if (resultIndex < 0) return done(summary);
  const resultEvent = archive.events[resultIndex]!;
  const resultAt = where(resultEvent, resultIndex);
  const published2 = parseResult(dataText(archive, resultEvent.payload as string) ?? '');
  if (!published2.ok) {
    issues.push({
      check: 'result.malformed',
      where: `${resultAt} ${published2.error.path}`,
      message: published2.error.message,
    });
    return done(summary);
  }
  const combined = combineFactors(group, trustees, tally, decryptions);
  if (!combined.ok) {
    issues.push({ check: 'result.missing_decryptions', where: resultAt, message: combined.missing.message });
    return done(summary);
  }
  const wrong = checkResult(election, tally, combined.factors, published2.value);
  if (wrong !== undefined) {
    issues.push({
      check: 'result.value',
      where: `${resultAt} $.result[${wrong}]`,
      message: 'the published result is not the decryption of the tally',
    });
    return done(summary);
  }
  const result = published2.value;
  return done({ ...summary, result });
}
