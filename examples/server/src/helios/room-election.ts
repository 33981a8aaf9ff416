/**
 * @module
 * An election replayed from the decisions room's `org.imago.helios.step` events with
 * `replaySecretBallots` of @imago/matrix-binding (ballots checked as they come), by uuid or by
 * the governance decision its Setup names.
 */
import { type RoomLog, replaySecretBallots, type SecretBallotReplay } from '@imago/matrix-binding';

/**
 * Replays the elections of a room.
 *
 * @param log - the room's log.
 * @returns each election by uuid.
 */
export function roomElections(log: RoomLog): Map<string, SecretBallotReplay> {
  return replaySecretBallots(log).elections;
}

/**
 * The election a governance decision is decided by (its Setup names the decision).
 *
 * @param log - the room's log.
 * @param decision - the decision id.
 * @param administrator - only a Setup from this account counts.
 * @returns the election, or undefined before its Setup.
 */
export function electionOfDecision(
  log: RoomLog,
  decision: string,
  administrator?: string,
): SecretBallotReplay | undefined {
  for (const election of roomElections(log).values())
    if (
      election.decision === decision &&
      (administrator === undefined || election.administrator === administrator)
    )
      return election;
  return undefined;
}
