/**
 * @module
 * Posting election steps (from a `.bel` archive produced by @imago/helios-c or belenios-tool, or a
 * single ballot) as `org.imago.helios.step` events. Thin I/O.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent } from '../client/send';
import { type BelStep, belDataHash, belStepsFromArchive } from './bel-steps';
import { SECRET_BALLOT_STEP_TYPE } from './replay-secret-ballots';

/**
 * Posts the steps of an archive that come after `after` (all of them without it).
 *
 * @param client - the sender (the administrator for Setup and closing steps, a trustee for its own).
 * @param roomId - the decisions room.
 * @param election - the election uuid.
 * @param archive - the `.bel` bytes holding the new steps.
 * @param after - hash of the last event already in the room (see {@link belStepsFromArchive}).
 * @param decision - Setup only: the governance decision the election decides.
 * @returns the Matrix event ids, in order.
 * @throws {@link HomeserverError} when refused; RangeError on a malformed archive.
 */
export async function postArchiveSteps(
  client: MatrixClient,
  roomId: string,
  election: string,
  archive: Uint8Array,
  after?: string,
  decision?: string,
): Promise<string[]> {
  const { timestamp, steps } = belStepsFromArchive(archive, after);
  const ids: string[] = [];
  for (const step of steps) {
    const setup = step.type === 'Setup';
    ids.push(
      await postStep(
        client,
        roomId,
        election,
        step,
        setup ? timestamp : undefined,
        setup ? decision : undefined,
      ),
    );
  }
  return ids;
}

/**
 * Posts one step.
 *
 * @param client - the sender.
 * @param roomId - the decisions room.
 * @param election - the election uuid.
 * @param step - the step.
 * @param timestamp - Setup only: the archive header's timestamp.
 * @param decision - Setup only: the governance decision the election decides.
 * @returns the Matrix event id.
 * @throws {@link HomeserverError} when refused.
 */
export function postStep(
  client: MatrixClient,
  roomId: string,
  election: string,
  step: BelStep,
  timestamp?: number,
  decision?: string,
): Promise<string> {
  return sendEvent(client, roomId, SECRET_BALLOT_STEP_TYPE, {
    election,
    type: step.type,
    ...(step.payload ? { payload: step.payload } : {}),
    data: [...step.data],
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(decision === undefined ? {} : { decision }),
  });
}

/**
 * Casts a ballot (the JSON text made by @imago/helios-c or `belenios-tool election generate-ballot`).
 *
 * @param client - the voter's client.
 * @param roomId - the decisions room.
 * @param election - the election uuid.
 * @param ballot - the ballot's exact JSON text.
 * @returns the Matrix event id.
 * @throws {@link HomeserverError} when refused.
 */
export function castBallot(
  client: MatrixClient,
  roomId: string,
  election: string,
  ballot: string,
): Promise<string> {
  const text = ballot.replace(/\n$/, '');
  return postStep(client, roomId, election, { type: 'Ballot', payload: belDataHash(text), data: [text] });
}
