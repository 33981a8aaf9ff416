/**
 * Reading the tally state out of an archive: the tallied ballots `last(B)` with their weights
 * (§4.15), the encrypted tally after the last shuffle (§4.17), and the partial decryptions (§4.18).
 *
 * @module
 */
import { type Archive, dataText } from '../archive/archive';
import { parseBallot } from '../ballot/ballot';
import { parsePublicCredentials } from '../credentials/public-credentials';
import type { Election } from '../election/election';
import type { HeliosCError } from '../errors/helios-c-error';
import { MalformedInputError } from '../errors/malformed-input-error';
import { parseJsonText } from '../json/decoder';
import { nonHomomorphicIndices } from '../non-homomorphic/non-homomorphic-question';
import { parseOwnedShuffle, parseShuffle } from '../shuffle/shuffle';
import { mergeShuffledCiphertexts } from '../shuffle/shuffle-election';
import type { EncryptedTally, WeightedBallot } from './encrypted-tally';
import { parseEncryptedTally, parseSizedEncryptedTally, type SizedEncryptedTally } from './encrypted-tally';
import { type PartialDecryption, parseOwned, parsePartialDecryption } from './partial-decryption';

function must<T>(result: { ok: true; value: T } | { ok: false; error: HeliosCError }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * The ballots counted in the tally: the last ballot of each credential, in order, with weights.
 * @param election - the election
 * @param credentialsText - the public credentials JSON
 * @param archive - the archive
 * @param onProgress - called after each ballot event read (`done` of `total`)
 * @returns the weighted ballots
 * @throws MalformedInputError if a ballot or the credentials cannot be read
 */
export function talliedBallots<E>(
  election: Election<E>,
  credentialsText: string,
  archive: Archive,
  onProgress?: (done: number, total: number) => void,
): WeightedBallot<E>[] {
  const group = election.group;
  const total = archive.events.filter((e) => e.type === 'Ballot').length;
  let done = 0;
  const credentials = new Map(
    must(parsePublicCredentials(group, credentialsText)).map((c) => [c.text, c.weight]),
  );
  const last = new Map<string, WeightedBallot<E>>();
  for (const e of archive.events) {
    if (e.type !== 'Ballot' || !e.payload) continue;
    const ballot = must(parseBallot(election, dataText(archive, e.payload) ?? ''));
    const credential = group.toString(ballot.credential);
    const weight = credentials.get(credential);
    if (weight === undefined)
      throw new MalformedInputError(`ballot ${e.payload}`, 'a credential of the election');
    last.delete(credential);
    last.set(credential, { ballot, weight });
    onProgress?.(++done, total);
  }
  return [...last.values()];
}

/**
 * The encrypted tally to decrypt: the published one, with non-homomorphic parts replaced by the
 * output of the last shuffle.
 * @param election - the election
 * @param archive - the archive
 * @returns the tally and its sized summary, or `undefined` before the EncryptedTally event
 */
export function currentTally<E>(
  election: Election<E>,
  archive: Archive,
): { tally: EncryptedTally<E>; sized: SizedEncryptedTally } | undefined {
  const group = election.group;
  const event = archive.events.find((e) => e.type === 'EncryptedTally');
  if (!event?.payload) return undefined;
  const sized = must(parseSizedEncryptedTally(dataText(archive, event.payload) ?? ''));
  let tally: EncryptedTally<E> = must(
    parseEncryptedTally(group, dataText(archive, sized.encryptedTally) ?? ''),
  );
  const shuffles = archive.events.filter((e) => e.type === 'Shuffle' && e.payload);
  const lastShuffle = shuffles.at(-1);
  if (lastShuffle) {
    const owned = parseOwnedShuffle(parseJsonText(dataText(archive, lastShuffle.payload as string) ?? ''));
    const shuffle = parseShuffle(group, parseJsonText(dataText(archive, owned.payload) ?? ''));
    tally = mergeShuffledCiphertexts(tally, nonHomomorphicIndices(election.questions), shuffle.ciphertexts);
  }
  return { tally, sized };
}

/**
 * The partial decryptions published in the archive, by owner.
 * @param election - the election
 * @param archive - the archive
 * @returns the decryptions
 */
export function publishedDecryptions<E>(
  election: Election<E>,
  archive: Archive,
): Map<number, PartialDecryption<E>> {
  const out = new Map<number, PartialDecryption<E>>();
  for (const e of archive.events) {
    if (e.type !== 'PartialDecryption' || !e.payload) continue;
    const owned = must(parseOwned(dataText(archive, e.payload) ?? ''));
    out.set(
      owned.owner,
      must(parsePartialDecryption(election.group, dataText(archive, owned.payload) ?? '')),
    );
  }
  return out;
}
