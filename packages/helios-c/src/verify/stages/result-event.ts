/**
 * The `Result` event (Belenios 2.0 specification §4.16): the published result checked to be the
 * decryption of the tally with the trustees' combined decryption factors.
 *
 * @module
 */
import { type Archive, dataText } from '../../archive/archive';
import type { Election } from '../../election/election';
import { checkResult, combineFactors, type ElectionResult, parseResult } from '../../tally/election-result';
import type { EncryptedTally } from '../../tally/encrypted-tally';
import type { PartialDecryption } from '../../tally/partial-decryption';
import type { Trustees } from '../../trustees/trustees';
import { eventLocation } from './event-location';
import type { StageOutcome } from './stage-outcome';

/**
 * Checks the `Result` event.
 * @param archive - the archive
 * @param election - its election
 * @param trustees - its trustees
 * @param tally - the decrypted tally (after the shuffles)
 * @param decryptions - the valid partial decryptions, by trustee number
 * @returns the verified result (`undefined` when the archive has none yet), or the failed check
 */
export function verifyResultEvent(
  archive: Archive,
  election: Election<unknown>,
  trustees: Trustees<unknown>,
  tally: EncryptedTally<unknown>,
  decryptions: ReadonlyMap<number, PartialDecryption<unknown>>,
): StageOutcome<ElectionResult | undefined> {
  const resultIndex = archive.events.findIndex((e) => e.type === 'Result');
  if (resultIndex < 0) return { ok: true, value: undefined };
  const resultEvent = archive.events[resultIndex]!;
  const where = eventLocation(resultEvent, resultIndex);
  const published = parseResult(dataText(archive, resultEvent.payload as string) ?? '');
  if (!published.ok) {
    return {
      ok: false,
      issue: {
        check: 'result.malformed',
        where: `${where} ${published.error.path}`,
        message: published.error.message,
      },
    };
  }
  const combined = combineFactors(election.group, trustees, tally, decryptions);
  if (!combined.ok) {
    return {
      ok: false,
      issue: { check: 'result.missing_decryptions', where, message: combined.missing.message },
    };
  }
  const wrong = checkResult(election, tally, combined.factors, published.value);
  if (wrong !== undefined) {
    return {
      ok: false,
      issue: {
        check: 'result.value',
        where: `${where} $.result[${wrong}]`,
        message: 'the published result is not the decryption of the tally',
      },
    };
  }
  return { ok: true, value: published.value };
}
