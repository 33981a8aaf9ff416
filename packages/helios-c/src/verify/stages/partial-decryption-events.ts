/**
 * The `PartialDecryption` events (Belenios 2.0 specification §4.14, §4.20): each trustee's
 * decryption factors, once per trustee, with proofs checked against its verification key.
 *
 * @module
 */
import { type Archive, dataText } from '../../archive/archive';
import type { Election } from '../../election/election';
import type { EncryptedTally } from '../../tally/encrypted-tally';
import {
  type PartialDecryption,
  parseOwned,
  parsePartialDecryption,
  verifyPartialDecryption,
} from '../../tally/partial-decryption';
import { trusteeSlots } from '../../trustees/trustee-slots';
import type { Trustees } from '../../trustees/trustees';
import type { VerificationIssue } from '../verification-issue';
import { eventLocation } from './event-location';

/** What the partial-decryption stage found. */
export interface PartialDecryptionEventsVerification {
  /** The failed checks (every event is checked; verification stops after this stage when there is one). */
  readonly issues: readonly VerificationIssue[];
  /** The valid partial decryptions, by trustee number. */
  readonly decryptions: ReadonlyMap<number, PartialDecryption<unknown>>;
}

/**
 * Checks every `PartialDecryption` event.
 * @param archive - the archive
 * @param election - its election
 * @param trustees - its trustees
 * @param tally - the tally they decrypt (after the shuffles)
 * @returns the issues and the valid partial decryptions
 */
export function verifyPartialDecryptionEvents(
  archive: Archive,
  election: Election<unknown>,
  trustees: Trustees<unknown>,
  tally: EncryptedTally<unknown>,
): PartialDecryptionEventsVerification {
  const issues: VerificationIssue[] = [];
  const slots = trusteeSlots(trustees);
  const decryptions = new Map<number, PartialDecryption<unknown>>();
  for (const [i, e] of archive.events.entries()) {
    if (e.type !== 'PartialDecryption') continue;
    const at = eventLocation(e, i);
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
    const pd = parsePartialDecryption(election.group, dataText(archive, owned.value.payload) ?? '');
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
  return { issues, decryptions };
}
