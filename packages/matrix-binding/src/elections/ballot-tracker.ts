/**
 * @module
 * A voter's check of the bulletin board: is the ballot it cast (directly, or handed to the
 * authority) in the room's election, and is it the last ballot of its credential — the one that
 * counts? A later ballot of the same credential means someone else holding it (the credential
 * authority is the only other party that ever did) replaced the voter's: the client must say so.
 * Pure.
 */
import { ballotTracker, dataHash } from '@imago/helios-c';
import type { SecretBallotReplay } from './election-state';

/** Where a cast ballot stands on the board. */
export type BallotStatus = 'counted' | 'replaced' | 'missing';

function credentialOf(ballot: string): string | undefined {
  try {
    const credential = (JSON.parse(ballot) as { credential?: unknown }).credential;
    return typeof credential === 'string' ? credential : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a ballot stands in a replayed election.
 *
 * @param election - the election replayed from the room.
 * @param ballot - the ballot's exact JSON text, as cast.
 * @returns `counted` (on the board, last of its credential), `replaced` (a later ballot of its
 * credential is on the board) or `missing` (not on the board).
 */
export function ballotStatus(election: SecretBallotReplay, ballot: string): BallotStatus {
  const hash = dataHash(ballot.replace(/\n$/, ''));
  const credential = credentialOf(ballot);
  const ballots = election.steps.filter((s) => s.type === 'Ballot');
  const at = ballots.findIndex((s) => s.payload === hash);
  if (at < 0) return 'missing';
  return ballots.slice(at + 1).some((s) => credentialOf(s.data[0] ?? '') === credential)
    ? 'replaced'
    : 'counted';
}

/**
 * The smart ballot tracker a voter looks for (Belenios: the hash of the ballot).
 *
 * @param ballot - the ballot's exact JSON text.
 * @returns the tracker.
 */
export function trackerOf(ballot: string): string {
  return ballotTracker(ballot.replace(/\n$/, ''));
}
