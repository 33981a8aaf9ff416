/**
 * The `EncryptedTally` event (Belenios 2.0 specification §3.5, §4.13): its counts, and the
 * published encrypted tally checked to be the product of `last(B)` (belenios-tool 2.0 recomputes
 * it and ignores the published one; helios-c checks both agree).
 *
 * @module
 */
import { type Archive, dataText } from '../../archive/archive';
import type { Election } from '../../election/election';
import type { Ciphertext } from '../../elgamal/ciphertext';
import {
  computeEncryptedTally,
  type EncryptedTally,
  parseEncryptedTally,
  parseSizedEncryptedTally,
  type WeightedBallot,
} from '../../tally/encrypted-tally';
import { eventLocation } from './event-location';
import type { StageOutcome } from './stage-outcome';

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
 * Checks the `EncryptedTally` event against the tallied ballots.
 * @param archive - the archive
 * @param election - its election
 * @param tallied - `last(B)`
 * @returns the published tally (`undefined` when the archive has none yet), or the failed check
 */
export function verifyEncryptedTallyEvent(
  archive: Archive,
  election: Election<unknown>,
  tallied: readonly WeightedBallot<unknown>[],
): StageOutcome<EncryptedTally<unknown> | undefined> {
  const tallyIndex = archive.events.findIndex((e) => e.type === 'EncryptedTally');
  if (tallyIndex < 0) return { ok: true, value: undefined };
  const tallyEvent = archive.events[tallyIndex]!;
  const where = eventLocation(tallyEvent, tallyIndex);
  const sized = parseSizedEncryptedTally(dataText(archive, tallyEvent.payload as string) ?? '');
  if (!sized.ok) {
    return {
      ok: false,
      issue: {
        check: 'tally.malformed',
        where: `${where} ${sized.error.path}`,
        message: sized.error.message,
      },
    };
  }
  const totalWeight = tallied.reduce((s, b) => s + b.weight, 0n);
  if (sized.value.numTallied !== tallied.length || sized.value.totalWeight !== totalWeight) {
    return {
      ok: false,
      issue: {
        check: 'tally.counts',
        where,
        message: `num_tallied ${sized.value.numTallied} / total_weight ${sized.value.totalWeight}, expected ${tallied.length} / ${totalWeight}`,
      },
    };
  }
  const published = parseEncryptedTally(election.group, dataText(archive, sized.value.encryptedTally) ?? '');
  if (!published.ok) {
    return {
      ok: false,
      issue: {
        check: 'tally.malformed',
        where: `${where} encrypted_tally ${published.error.path}`,
        message: published.error.message,
      },
    };
  }
  const computed = computeEncryptedTally(election, tallied);
  if (!tallyEquals(election, computed, published.value)) {
    return {
      ok: false,
      issue: {
        check: 'tally.encrypted_tally',
        where,
        message: 'the encrypted tally is not the product of the tallied ballots',
      },
    };
  }
  return { ok: true, value: published.value };
}
