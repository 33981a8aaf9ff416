/**
 * The functions that read an election's `group` field, with every group helios-c implements
 * (BELENIOS-2048, RFC-3526-2048, Ed25519) as their default: the root entry point's. A bundle that
 * imports them holds the Ed25519 code; `@imago/helios-c/finite-field` offers the same functions
 * without it.
 *
 * @module
 */
import type { Archive } from '../archive/archive';
import { type Election, parseElection as parseElectionIn } from '../election/election';
import { allGroups } from '../groups/group-by-name';
import type { GroupRegistry } from '../groups/group-registry';
import type { ParseResult } from '../json/decoder';
import {
  type ShuffleArchiveOptions,
  type ShuffleLines,
  shuffleArchive as shuffleArchiveIn,
} from '../shuffle/archive-shuffle';
import {
  type ArchiveVerification,
  type VerifyArchiveOptions,
  verifyArchive as verifyArchiveIn,
} from '../verify/archive-verification';

/**
 * Parses an election from its exact serialization (the fingerprint is over these characters).
 * @param text - the JSON text of the election, as stored
 * @param groups - the groups accepted in its `group` field; default: all of them
 * @returns the election or a MalformedInputError naming the path
 * @example
 * const parsed = parseElection(text);
 * if (parsed.ok) console.log(parsed.value.fingerprint);
 */
export function parseElection(
  text: string,
  groups: GroupRegistry = allGroups,
): ParseResult<Election<unknown>> {
  return parseElectionIn(text, groups);
}

/**
 * Verifies a `.bel` archive completely.
 * @param bytes - the archive bytes
 * @param options - progress reporting, ballot verification strategy, accepted groups (default: all)
 * @returns the verification report (never throws on bad evidence)
 * @example
 * const report = await verifyArchive(bytes);
 * if (!report.ok) for (const i of report.issues) console.error(i.check, i.where, i.message);
 */
export function verifyArchive(
  bytes: Uint8Array,
  options: VerifyArchiveOptions = {},
): Promise<ArchiveVerification> {
  return verifyArchiveIn(bytes, { ...options, groups: options.groups ?? allGroups });
}

/**
 * Shuffles the non-homomorphic ciphertexts of an archive, as trustee `owner`.
 * @param archive - the archive read by `readArchive`, with an `EncryptedTally` event and no `EndShuffles`
 * @param owner - the trustee's number (`--trustee-id`)
 * @param options - progress callback, accepted groups (default: all)
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
  return shuffleArchiveIn(archive, owner, { ...options, groups: options.groups ?? allGroups });
}
