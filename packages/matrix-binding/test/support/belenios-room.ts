/**
 * A belenios-tool election posted step by step as the events of a decisions room, as the
 * secret-ballot replay reads them: the archive's bytes, its uuid, and one `org.imago.helios.step`
 * event a step (ids `$<prefix><index>`, timestamps increasing from 1000).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { archiveSteps } from '@imago/helios-c';
import { type BeleniosVectorName, beleniosVector } from '../../../../test-support/belenios-vectors';
import type { RawMatrixEvent } from '../../src/events/raw-matrix-event';

/** Who posts what, and where. */
export interface BeleniosRoomOptions {
  /** The room the events are in. */
  readonly room: string;
  /** The sender of every step but the ballots (the election's administrator). */
  readonly admin: string;
  /** The sender of the ballot at index `i` (default: the administrator). */
  readonly voter?: (i: number) => string;
  /** The event ids' prefix (default `step`). */
  readonly idPrefix?: string;
}

/**
 * Reads belenios-tool's archive of a test vector and turns it into room events.
 *
 * @param name - the vector (`test/vectors/belenios/<name>`).
 * @param options - room, senders and ids.
 * @returns the uuid, the archive's bytes and the events in the archive's order.
 */
export async function beleniosRoom(name: BeleniosVectorName, options: BeleniosRoomOptions) {
  const fixture = beleniosVector(name);
  const { uuid } = JSON.parse(await readFile(`${fixture}/meta.json`, 'utf8')) as { uuid: string };
  const bytes = new Uint8Array(await readFile(`${fixture}/${uuid}.bel`));
  const { timestamp, steps } = archiveSteps(bytes);
  const events = steps.map(
    (step, i): RawMatrixEvent => ({
      type: 'org.imago.helios.step',
      event_id: `$${options.idPrefix ?? 'step'}${i}`,
      sender: step.type === 'Ballot' && options.voter ? options.voter(i) : options.admin,
      room_id: options.room,
      origin_server_ts: 1_000 + i,
      content: {
        election: uuid,
        type: step.type,
        ...(step.payload ? { payload: step.payload } : {}),
        data: [...step.data],
        ...(i === 0 ? { timestamp } : {}),
      },
    }),
  );
  return { uuid, bytes, events };
}
