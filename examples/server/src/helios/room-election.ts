/**
 * @module
 * An election replayed from the decisions room's `org.imago.helios.step` events with
 * `replaySecretBallots` of @imago/matrix-binding (ballots checked as they come), by uuid or by
 * the governance decision its Setup names.
 *
 * One adjustment: the binding's replay accepts `Shuffle` and `EndShuffles` only before the
 * `EncryptedTally`, whereas Belenios 2.0 (and @imago/helios-c's `shuffleArchive`, and both
 * verifiers) put the shuffles after it. Until the binding follows that order, the shuffle steps
 * it set aside for that reason alone are put back in timeline order, between the
 * `EncryptedTally` and the first `PartialDecryption`.
 */
import {
  type ImagoEvent,
  logEvents,
  type RoomLog,
  readSecretBallotStep,
  replaySecretBallots,
  type SecretBallotReplay,
} from '@imago/matrix-binding';

type ReplayedStep = SecretBallotReplay['steps'][number];

/**
 * Replays the elections of a room.
 *
 * @param log - the room's log.
 * @returns each election by uuid.
 */
export function roomElections(log: RoomLog): Map<string, SecretBallotReplay> {
  const { elections, warnings } = replaySecretBallots(log);
  const setAside = new Set(
    warnings
      .filter((w) => w.detail === 'not after the end of voting' && w.eventId !== undefined)
      .map((w) => w.eventId as string),
  );
  if (setAside.size === 0) return elections;
  const events = new Map<string, ImagoEvent>(logEvents(log).map((e) => [e.eventId, e]));
  const order = new Map([...events.keys()].map((id, i) => [id, i]));
  const result = new Map<string, SecretBallotReplay>();
  for (const [uuid, election] of elections) {
    const tallyAt = election.steps.findIndex((s) => s.type === 'EncryptedTally');
    if (tallyAt < 0) {
      result.set(uuid, election);
      continue;
    }
    const firstDecryption = election.steps.find((s) => s.type === 'PartialDecryption');
    const from = order.get(election.steps[tallyAt]?.eventId ?? '') ?? 0;
    const to = firstDecryption ? (order.get(firstDecryption.eventId) ?? 0) : Number.POSITIVE_INFINITY;
    const shuffles: ReplayedStep[] = [];
    let ended = false;
    for (const id of setAside) {
      const at = order.get(id) ?? -1;
      const event = events.get(id);
      if (!event || at <= from || at >= to || ended) continue;
      let step: ReturnType<typeof readSecretBallotStep>;
      try {
        step = readSecretBallotStep(event.content);
      } catch {
        continue;
      }
      if (step.election !== uuid || (step.type !== 'Shuffle' && step.type !== 'EndShuffles')) continue;
      if (step.type === 'EndShuffles') {
        if (event.sender !== election.administrator) continue;
        ended = true;
      }
      shuffles.push({
        type: step.type,
        ...(step.payload ? { payload: step.payload } : {}),
        data: step.data,
        eventId: event.eventId,
        sender: event.sender,
      });
    }
    const steps = [
      ...election.steps.slice(0, tallyAt + 1),
      ...shuffles,
      ...election.steps.slice(tallyAt + 1),
    ];
    result.set(uuid, { ...election, steps });
  }
  return result;
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
