/**
 * @module
 * The ballots an `EndBallots` names, when they do not fit in one event (Matrix: 64 KiB). The
 * administrator first posts the list in `org.imago.helios.ballots` parts (`election`, `part` 0, 1,
 * …, `ballots`: at most {@link MAX_NAMED_BALLOTS} event ids each), then the `EndBallots` names their
 * number and the SHA-256 of the whole list (`ballots: { parts, digest }`). A replay joins the parts
 * the administrator posted before the `EndBallots` (the same sender's events keep their order on
 * every homeserver); a part from anyone else, or a second copy of a part, has no effect. Pure.
 */
import { sha256Hex } from '@imago/helios-c';
import { fail, readArray, readInteger, readObject, readString } from '../events/content-reader';

/** The event type of a part of an `EndBallots`' list. */
export const BALLOT_PARTS_TYPE = 'org.imago.helios.ballots';

/**
 * Most ballots an `EndBallots` or a part names: its event ids (`$` and 43 characters in current
 * room versions, at most 72 here) keep the event under Matrix's 64 KiB.
 */
export const MAX_NAMED_BALLOTS = 800;
/** Longest event id a list may name. */
export const MAX_BALLOT_ID = 72;

/** Most parts an `EndBallots` names (800 × 250 ballots). */
export const MAX_BALLOT_PARTS = 250;

/** One part of the list. */
export interface BallotPartContent {
  readonly election: string;
  readonly part: number;
  readonly ballots: readonly string[];
}

/** How an `EndBallots` names a list sent in parts. */
export interface BallotPartsReference {
  readonly parts: number;
  /** SHA-256 hex of the JSON text of the whole list. */
  readonly digest: string;
}

/** @internal The digest an `EndBallots` names for a list. */
export const ballotsDigest = (ids: readonly string[]): string => sha256Hex(JSON.stringify(ids));

/**
 * @internal Reads the event ids of a list (inline, or one part's).
 *
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readBallotIds(value: unknown, path: string): readonly string[] {
  const ids = readArray(value, path, MAX_NAMED_BALLOTS).map((item, i) =>
    readString(item, `${path}[${i}]`, MAX_BALLOT_ID),
  );
  if (ids.some((id) => !id.startsWith('$'))) fail(path, 'expected event ids');
  return ids;
}

/** @internal Reads `{ parts, digest }`. */
export function readBallotPartsReference(value: unknown, path: string): BallotPartsReference {
  const object = readObject(value, path);
  const parts = readInteger(object.parts, `${path}.parts`, 1, MAX_BALLOT_PARTS);
  const digest = readString(object.digest, `${path}.digest`, 64);
  if (!/^[0-9a-f]{64}$/.test(digest)) fail(`${path}.digest`, 'expected a SHA-256 hex hash');
  return { parts, digest };
}

/** @internal Reads `org.imago.helios.ballots` content. */
export function readBallotPart(content: unknown, path = 'content'): BallotPartContent {
  const object = readObject(content, path);
  const election = readString(object.election, `${path}.election`, 64);
  const part = readInteger(object.part, `${path}.part`, 0, MAX_BALLOT_PARTS - 1);
  return { election, part, ballots: readBallotIds(object.ballots, `${path}.ballots`) };
}

/**
 * The contents to post for a list of ballots: the parts (none when it fits inline) and what the
 * `EndBallots` carries.
 *
 * @param election - the election uuid.
 * @param ids - the ballots' event ids, in the archive's order.
 * @returns the parts to post first, and the `EndBallots`' `ballots` field.
 */
export function ballotParts(
  election: string,
  ids: readonly string[],
): { parts: BallotPartContent[]; ballots: readonly string[] | BallotPartsReference } {
  if (ids.length <= MAX_NAMED_BALLOTS) return { parts: [], ballots: ids };
  const parts: BallotPartContent[] = [];
  for (let at = 0; at < ids.length; at += MAX_NAMED_BALLOTS)
    parts.push({ election, part: parts.length, ballots: ids.slice(at, at + MAX_NAMED_BALLOTS) });
  return { parts, ballots: { parts: parts.length, digest: ballotsDigest(ids) } };
}
