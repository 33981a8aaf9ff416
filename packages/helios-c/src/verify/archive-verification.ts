/**
 * Full verification of a public archive (Belenios 2.0 specification §3.5): file hashes, the event
 * hash chain and order, the setup, every ballot, the encrypted tally of `last(B)`, shuffles,
 * partial decryptions and the result. Bad evidence yields issues, never exceptions.
 *
 * Each stage lives in `stages/`, in the order below; verification stops after the first stage
 * that finds an issue, except for the layout of the archive, which is reported at the end.
 *
 * @module
 */
import { readArchive } from '../archive/archive';
import { findLayoutDeviation } from '../archive/canonical-layout';
import type { Election } from '../election/election';
import { finiteFieldGroups } from '../groups/finite-field-groups';
import type { GroupRegistry } from '../groups/group-registry';
import type { ElectionResult } from '../tally/election-result';
import { verifySetup } from './setup-verification';
import { readSetup } from './stages/archive-setup';
import { verifyArchiveStructure } from './stages/archive-structure';
import { type BallotBatchVerifier, sequentialBallots, verifyBallotEvents } from './stages/ballot-events';
import { verifyEncryptedTallyEvent } from './stages/encrypted-tally-event';
import { eventLocation } from './stages/event-location';
import { verifyPartialDecryptionEvents } from './stages/partial-decryption-events';
import { verifyResultEvent } from './stages/result-event';
import { verifyShuffleEvents } from './stages/shuffle-events';
import type { VerificationIssue } from './verification-issue';

/** Options of {@link verifyArchive}. */
export interface VerifyArchiveOptions {
  /** Progress of the long steps (ballots, shuffles). */
  readonly onProgress?: (step: 'ballots' | 'shuffles', done: number, total: number) => void;
  /** Replaces sequential ballot checking (e.g. worker threads in Node, batch verification). */
  readonly verifyBallots?: BallotBatchVerifier;
  /**
   * The groups the election may name. Default: every group from `@imago/helios-c`, the
   * finite-field groups from `@imago/helios-c/finite-field`.
   */
  readonly groups?: GroupRegistry;
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
 * Verifies a `.bel` archive completely.
 * @param bytes - the archive bytes
 * @param options - progress reporting, ballot verification strategy, accepted groups
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
  const setupRead = readSetup(archive, first, options.groups ?? finiteFieldGroups);
  if (!setupRead.ok) {
    issues.push(setupRead.issue);
    return done();
  }
  const { setup } = setupRead;
  const { election, trustees } = setup;
  const setupRejection = verifySetup(election, trustees);
  if (setupRejection) {
    issues.push({
      check: setupRejection.check,
      where: `${eventLocation(first, 0)} ${setupRejection.path}`,
      message: setupRejection.message,
    });
    return done({ election });
  }

  const onProgress = options.onProgress;
  const ballots = await verifyBallotEvents(
    archive,
    setup,
    options.verifyBallots ?? sequentialBallots,
    onProgress ? (d, t) => onProgress('ballots', d, t) : undefined,
  );
  issues.push(...ballots.issues);
  const summary = { election, ...ballots.counts };
  if (issues.length > 0) return done(summary);

  const published = verifyEncryptedTallyEvent(archive, election, ballots.tallied);
  if (!published.ok) issues.push(published.issue);
  if (!published.ok || published.value === undefined) return done(summary);

  const shuffled = verifyShuffleEvents(
    archive,
    election,
    published.value,
    onProgress ? (d, t) => onProgress('shuffles', d, t) : undefined,
  );
  if (!shuffled.ok) {
    issues.push(shuffled.issue);
    return done(summary);
  }
  const tally = shuffled.value;

  const decryptions = verifyPartialDecryptionEvents(archive, election, trustees, tally);
  issues.push(...decryptions.issues);
  if (issues.length > 0) return done(summary);

  const result = verifyResultEvent(archive, election, trustees, tally, decryptions.decryptions);
  if (!result.ok) {
    issues.push(result.issue);
    return done(summary);
  }
  return done(result.value === undefined ? summary : { ...summary, result: result.value });
}
