/**
 * @module
 * Posting election steps (from a `.bel` archive produced by @imago/helios-c or belenios-tool, or a
 * single ballot) as `org.imago.helios.step` events, and a member trustee's key-establishment
 * contribution as `org.imago.helios.trustee`. Thin I/O.
 */
import type { CountedIds } from '@imago/governance';
import { type ArchiveStep, archiveSteps, dataHash } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent } from '../client/send';
import { BALLOT_PARTS_TYPE, type BallotPartContent, type BallotPartsReference } from './ballot-parts-content';
import { SECRET_BALLOT_STEP_TYPE } from './election-step';
import { TRUSTEE_CONTRIBUTION_TYPE, type TrusteeContributionContent } from './trustee-contribution';

/** What a Result step carries besides the archive's records. */
export interface ResultOptions {
  /** The trustee numbers of the partial decryptions the result combines, in the archive's order. */
  readonly decryptions: readonly number[];
}

/** What an EndBallots step carries besides the archive's records. */
export interface EndBallotsOptions {
  /**
   * The event ids of the ballot steps the archive holds, in its order, or the parts they were
   * posted in (`ballotParts` of `ballot-parts.ts`).
   */
  readonly ballots: readonly string[] | BallotPartsReference;
}

/** What a Setup step carries besides the archive's records. */
export interface SetupOptions {
  /** The archive header's timestamp (seconds). */
  readonly timestamp: number;
  /** The governance decision the election decides. */
  readonly decision?: string;
  /** The Matrix account of trustee 1, 2, …; trustee 1 is the sender (the administrator). */
  readonly trustees?: readonly string[];
  /** The `delegate` events the credentials' weights took into account (inline, or its parts). */
  readonly delegations?: CountedIds;
}

/**
 * Posts the steps of an archive that come after `after` (all of them without it).
 *
 * @param client - the sender (the administrator for Setup and closing steps, a trustee for its own).
 * @param roomId - the decisions room.
 * @param election - the election uuid.
 * @param archive - the `.bel` bytes holding the new steps.
 * @param after - hash of the last event already in the room (see `archiveSteps` of @imago/helios-c).
 * @param setup - Setup only: the decision and trustees (the timestamp is the archive's).
 * @returns the Matrix event ids, in order.
 * @throws {@link HomeserverError} when refused; RangeError on a malformed archive.
 */
export async function postArchiveSteps(
  client: MatrixClient,
  roomId: string,
  election: string,
  archive: Uint8Array,
  after?: string,
  setup: Omit<SetupOptions, 'timestamp'> = {},
): Promise<string[]> {
  const { timestamp, steps } = archiveSteps(archive, after);
  const ids: string[] = [];
  for (const step of steps) {
    ids.push(
      await postStep(
        client,
        roomId,
        election,
        step,
        step.type === 'Setup' ? { ...setup, timestamp } : undefined,
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
 * @param step - the step (e.g. `setupStep` of @imago/helios-c, or one of this package's election steps).
 * @param fields - Setup: the archive timestamp, the decision, the trustees' accounts; Result: the
 *   partial decryptions it combines; EndBallots: the ballots the archive holds.
 * @returns the Matrix event id.
 * @throws {@link HomeserverError} when refused.
 */
export function postStep(
  client: MatrixClient,
  roomId: string,
  election: string,
  step: ArchiveStep,
  fields?: SetupOptions | ResultOptions | EndBallotsOptions,
): Promise<string> {
  const end = fields !== undefined && 'ballots' in fields ? fields : undefined;
  const setup = fields !== undefined && 'timestamp' in fields ? fields : undefined;
  const result = fields !== undefined && 'decryptions' in fields ? fields : undefined;
  return sendEvent(client, roomId, SECRET_BALLOT_STEP_TYPE, {
    election,
    type: step.type,
    ...(step.payload ? { payload: step.payload } : {}),
    data: [...step.data],
    ...(setup === undefined ? {} : { timestamp: setup.timestamp }),
    ...(setup?.decision === undefined ? {} : { decision: setup.decision }),
    ...(setup?.trustees === undefined ? {} : { trustees: [...setup.trustees] }),
    ...(setup?.delegations === undefined ? {} : { delegations: setup.delegations }),
    ...(result === undefined ? {} : { decryptions: [...result.decryptions] }),
    ...(end === undefined
      ? {}
      : { ballots: Array.isArray(end.ballots) ? [...end.ballots] : { ...end.ballots } }),
  });
}

/**
 * Casts a ballot (the JSON text made by @imago/helios-c or `belenios-tool election generate-ballot`).
 *
 * @param client - the voter's client (or the authority's, relaying a ballot).
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
  return postStep(client, roomId, election, { type: 'Ballot', payload: dataHash(text), data: [text] });
}

/**
 * Posts a member trustee's key-establishment contribution.
 *
 * @param client - the trustee's client.
 * @param roomId - the decisions room.
 * @param contribution - the decision, the step and its text.
 * @returns the Matrix event id.
 * @throws {@link HomeserverError} when refused.
 */
export function postTrusteeContribution(
  client: MatrixClient,
  roomId: string,
  contribution: TrusteeContributionContent,
): Promise<string> {
  return sendEvent(client, roomId, TRUSTEE_CONTRIBUTION_TYPE, { ...contribution });
}

/**
 * Posts a part of an `EndBallots`' list of ballots (the administrator, before the `EndBallots`).
 *
 * @param client - the administrator's client.
 * @param roomId - the decisions room.
 * @param part - a part from `ballotParts`.
 * @returns the Matrix event id.
 * @throws {@link HomeserverError} when refused.
 */
export function postBallotPart(
  client: MatrixClient,
  roomId: string,
  part: BallotPartContent,
): Promise<string> {
  return sendEvent(client, roomId, BALLOT_PARTS_TYPE, { ...part, ballots: [...part.ballots] });
}
