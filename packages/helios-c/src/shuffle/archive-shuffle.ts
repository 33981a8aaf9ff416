/**
 * One mix server's step on a `.bel` archive (Belenios 2.0 specification §4.17, §4.20 events):
 * read the election, the encrypted tally and the shuffles already made, shuffle the latest
 * non-homomorphic ciphertexts, and return the two lines `belenios-tool election shuffle` prints —
 * the `shuffle` and the `owned_shuffle` that references it — ready for `archive add-event
 * --type=Shuffle`.
 *
 * @module
 */
import { type Archive, dataText } from '../archive/archive';
import { serializeOwned } from '../archive/archive-steps';
import { parseElection } from '../election/election';
import type { Ciphertext } from '../elgamal/ciphertext';
import { sha256Hex } from '../encoding/sha256';
import { HeliosCError } from '../errors/helios-c-error';
import { ShuffleError } from '../errors/shuffle-error';
import { finiteFieldGroups } from '../groups/finite-field-groups';
import type { GroupRegistry } from '../groups/group-registry';
import { parseJsonText } from '../json/decoder';
import { nonHomomorphicIndices } from '../non-homomorphic/non-homomorphic-question';
import { parseEncryptedTally, parseSizedEncryptedTally } from '../tally/encrypted-tally';
import { parseOwnedShuffle, parseShuffle, shuffleToJson } from './shuffle';
import { nonHomomorphicCiphertexts, shuffleCiphertexts } from './shuffle-election';

/** The two JSON lines of a shuffle step. */
export interface ShuffleLines {
  /** The `shuffle` structure (compact JSON, no newline). */
  readonly shuffle: string;
  /** The `owned_shuffle` structure: `{"owner":N,"payload":"<SHA-256 of shuffle>"}`. */
  readonly ownedShuffle: string;
}

/** Options of {@link shuffleArchive}. */
export interface ShuffleArchiveOptions {
  /** Called while shuffling with (done, total), counted in ciphertexts over all non-homomorphic questions. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The groups the election may name. Default: every group from `@imago/helios-c`, the
   * finite-field groups from `@imago/helios-c/finite-field`.
   */
  readonly groups?: GroupRegistry;
}

function payloadText(archive: Archive, hash: string | undefined, what: string): string {
  const text = hash === undefined ? undefined : dataText(archive, hash);
  if (text === undefined) throw new ShuffleError(`the archive lacks the ${what}`);
  return text;
}

/**
 * Shuffles the non-homomorphic ciphertexts of an archive, as trustee `owner`.
 * @param archive - the archive read by `readArchive`, with an `EncryptedTally` event and no `EndShuffles`
 * @param owner - the trustee's number (`--trustee-id`)
 * @param options - progress callback, accepted groups
 * @returns the `shuffle` and `owned_shuffle` lines
 * @throws {@link ShuffleError} if the archive cannot be shuffled (no tally yet, shuffles closed,
 *   no non-homomorphic question, malformed data)
 * @example
 * const read = readArchive(bytes);
 * if (read.ok) {
 *   const { shuffle, ownedShuffle } = shuffleArchive(read.value, 1);
 *   process.stdout.write(`${shuffle}\n${ownedShuffle}\n`);
 * }
 */
export function shuffleArchive(
  archive: Archive,
  owner: number,
  options: ShuffleArchiveOptions = {},
): ShuffleLines {
  if (!Number.isSafeInteger(owner) || owner < 1)
    throw new ShuffleError('the trustee id must be a positive integer');
  const setupEvent = archive.events.find((e) => e.type === 'Setup');
  const setup = parseJsonText(payloadText(archive, setupEvent?.payload, 'Setup event')) as {
    election?: unknown;
  };
  const parsedElection = parseElection(
    payloadText(archive, typeof setup?.election === 'string' ? setup.election : undefined, 'election'),
    options.groups ?? finiteFieldGroups,
  );
  if (!parsedElection.ok) throw new ShuffleError(`malformed election: ${parsedElection.error.message}`);
  const election = parsedElection.value;
  const { group } = election;
  if (archive.events.some((e) => e.type === 'EndShuffles'))
    throw new ShuffleError('the shuffle phase is over');
  const tallyEvent = archive.events.find((e) => e.type === 'EncryptedTally');
  if (!tallyEvent) throw new ShuffleError('the archive has no encrypted tally yet');
  const sized = parseSizedEncryptedTally(payloadText(archive, tallyEvent.payload, 'EncryptedTally payload'));
  if (!sized.ok) throw new ShuffleError(`malformed sized encrypted tally: ${sized.error.message}`);
  const tally = parseEncryptedTally(
    group,
    payloadText(archive, sized.value.encryptedTally, 'encrypted tally'),
  );
  if (!tally.ok) throw new ShuffleError(`malformed encrypted tally: ${tally.error.message}`);
  const indices = nonHomomorphicIndices(election.questions);
  if (indices.length === 0) throw new ShuffleError('the election has no non-homomorphic question');

  let current: readonly (readonly Ciphertext<unknown>[])[] = nonHomomorphicCiphertexts(tally.value, indices);
  const shuffleEvents = archive.events.filter((e) => e.type === 'Shuffle');
  const last = shuffleEvents.at(-1);
  if (last) {
    try {
      const owned = parseOwnedShuffle(parseJsonText(payloadText(archive, last.payload, 'Shuffle payload')));
      current = parseShuffle(
        group,
        parseJsonText(payloadText(archive, owned.payload, 'shuffle')),
      ).ciphertexts;
    } catch (error) {
      if (HeliosCError.isInstance(error) && error.code !== ShuffleError.code) {
        throw new ShuffleError(`malformed previous shuffle: ${error.message}`);
      }
      throw error;
    }
  }
  const shuffle = shuffleCiphertexts(
    group,
    { publicKey: election.publicKey, fingerprint: election.fingerprint },
    current,
    options.onProgress,
  );
  const text = JSON.stringify(shuffleToJson(group, shuffle));
  return { shuffle: text, ownedShuffle: serializeOwned(owner, sha256Hex(text)) };
}
