/**
 * The `Shuffle` events (Belenios 2.0 specification §4.17, §6): each mix server's proof checked
 * against the ciphertexts the previous one left, and the last shuffle's ciphertexts put in the
 * tally in place of the non-homomorphic questions' ones.
 *
 * @module
 */
import { type Archive, dataText } from '../../archive/archive';
import type { Election } from '../../election/election';
import { HeliosCError } from '../../errors/helios-c-error';
import { parseJsonText } from '../../json/decoder';
import { nonHomomorphicIndices } from '../../non-homomorphic/non-homomorphic-question';
import { parseOwnedShuffle, parseShuffle } from '../../shuffle/shuffle';
import {
  mergeShuffledCiphertexts,
  nonHomomorphicCiphertexts,
  verifyShuffles,
} from '../../shuffle/shuffle-election';
import type { EncryptedTally } from '../../tally/encrypted-tally';
import { eventLocation } from './event-location';
import type { StageOutcome } from './stage-outcome';

/**
 * Checks the `Shuffle` events.
 * @param archive - the archive
 * @param election - its election
 * @param tally - the verified encrypted tally
 * @param onProgress - progress callback (ciphertexts checked, ciphertexts in all)
 * @returns the tally to decrypt (the shuffled ciphertexts for non-homomorphic questions), or the
 *   failed check
 */
export function verifyShuffleEvents(
  archive: Archive,
  election: Election<unknown>,
  tally: EncryptedTally<unknown>,
  onProgress?: (done: number, total: number) => void,
): StageOutcome<EncryptedTally<unknown>> {
  const group = election.group;
  const nhIndices = nonHomomorphicIndices(election.questions);
  const shuffleEvents = archive.events.map((e, i) => ({ e, i })).filter(({ e }) => e.type === 'Shuffle');
  if (shuffleEvents.length === 0) return { ok: true, value: tally };
  const shuffles = [];
  for (const { e, i } of shuffleEvents) {
    try {
      const owned = parseOwnedShuffle(parseJsonText(dataText(archive, e.payload as string) ?? ''));
      shuffles.push(parseShuffle(group, parseJsonText(dataText(archive, owned.payload) ?? '')));
    } catch (error) {
      if (!HeliosCError.isInstance(error)) throw error;
      return {
        ok: false,
        issue: { check: 'shuffle.malformed', where: eventLocation(e, i), message: error.message },
      };
    }
  }
  const verified = verifyShuffles(
    group,
    { publicKey: election.publicKey, fingerprint: election.fingerprint },
    nonHomomorphicCiphertexts(tally, nhIndices),
    shuffles,
    onProgress,
  );
  if (!verified.valid) {
    const { e, i } = shuffleEvents[verified.shuffle]!;
    return {
      ok: false,
      issue: {
        check: 'shuffle.proof',
        where: `${eventLocation(e, i)}${verified.question === undefined ? '' : ` proofs[${verified.question}]`}`,
        message: verified.reason,
      },
    };
  }
  return { ok: true, value: mergeShuffledCiphertexts(tally, nhIndices, verified.ciphertexts) };
}
