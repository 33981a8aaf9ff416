/**
 * @module
 * The room event of one election step: `org.imago.helios.step`, one per event of the Belenios
 * archive's hash chain (specification §4.4), with the data files stored before it. The Setup also
 * carries what the archive does not: its header timestamp, the governance decision it decides, and
 * the Matrix account of each trustee by trustee number, which every replay holds the shuffles and
 * partial decryptions to. The Result names the partial decryptions it combines, in the archive's
 * order: trustees on several homeservers post theirs at the same time, and each server orders such
 * concurrent events its own way (and may place one the authority never saw before the Result), so
 * only the authority's list makes every server rebuild the same archive. For the same reason the
 * EndBallots names the ballots the archive holds, in its order: voters on several homeservers vote
 * at the same time.
 */
import { type CountedIds, MAX_COUNTED_IDS } from '@imago/governance';
import { type ArchiveStep, eventTypes } from '@imago/helios-c';
import { fail, readArray, readEnum, readInteger, readObject, readString } from '../events/content-reader';
import { type BallotPartsReference, readBallotIds, readBallotPartsReference } from './ballot-parts-content';

/** The event type of an election step. */
export const SECRET_BALLOT_STEP_TYPE = 'org.imago.helios.step';

/** Content of `org.imago.helios.step`. */
export interface SecretBallotStepContent extends ArchiveStep {
  /** The election's uuid. */
  readonly election: string;
  /** Setup only: the archive header's timestamp (seconds). */
  readonly timestamp?: number;
  /** Setup only: the governance decision this election decides. */
  readonly decision?: string;
  /** Setup only: the Matrix account of trustee 1, 2, … (their `owner` numbers), in order. */
  readonly trustees?: readonly string[];
  /**
   * Setup only: the `delegate` events the credentials' weights took into account (@imago/governance
   * `secretDelegationEvidence`), inline or as `org.imago.governance.counted` parts naming the
   * decision as `<decision>/weights` (`{ parts, digest }`). Every replay resolves the weights from
   * exactly those; without it, from its own order at the opening.
   */
  readonly delegations?: CountedIds;
  /**
   * Result only: the trustee numbers (`owner`) of the partial decryptions the result combines, in
   * the archive's order (without it, the room's order, and every partial decryption before it).
   */
  readonly decryptions?: readonly number[];
  /**
   * EndBallots only: the event ids of the ballot steps the archive holds, in its order (without
   * it, the room's order, and every ballot accepted before it).
   */
  readonly ballots?: readonly string[];
  /** EndBallots only: the list sent before it in parts (content `ballots: { parts, digest }`). */
  readonly ballotParts?: BallotPartsReference;
}

/** A Setup's delegation list: event ids inline, or the number and digest of its parts. */
function readDelegations(value: unknown, path: string): CountedIds {
  if (!Array.isArray(value)) return readBallotPartsReference(value, path);
  return readArray(value, path, MAX_COUNTED_IDS).map((item, i) => readString(item, `${path}[${i}]`, 512));
}

/** Most trustees a Setup may name (the authority and up to twenty member trustees). */
const MAX_TRUSTEES = 21;

/**
 * Reads `org.imago.helios.step` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the step.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readSecretBallotStep(content: unknown, path = 'content'): SecretBallotStepContent {
  const object = readObject(content, path);
  const type = readEnum(object.type, `${path}.type`, eventTypes);
  const data = readArray(object.data ?? [], `${path}.data`, 20).map((item, i) =>
    readString(item, `${path}.data[${i}]`, 60_000),
  );
  const payload =
    object.payload === undefined ? undefined : readString(object.payload, `${path}.payload`, 64);
  if (payload !== undefined && !/^[0-9a-f]{64}$/.test(payload))
    fail(`${path}.payload`, 'expected a SHA-256 hex hash');
  const election = readString(object.election, `${path}.election`, 64);
  if (!/^[1-9A-HJ-NP-Za-km-z]{10,22}$/.test(election)) fail(`${path}.election`, 'expected a Belenios uuid');
  const timestamp =
    object.timestamp === undefined ? undefined : readInteger(object.timestamp, `${path}.timestamp`, 0);
  const decision =
    object.decision === undefined ? undefined : readString(object.decision, `${path}.decision`, 255);
  const trustees =
    object.trustees === undefined
      ? undefined
      : readArray(object.trustees, `${path}.trustees`, MAX_TRUSTEES).map((item, i) =>
          readString(item, `${path}.trustees[${i}]`, 255),
        );
  if (trustees !== undefined && (trustees.length === 0 || type !== 'Setup'))
    fail(`${path}.trustees`, 'a Setup names one trustee at least; other steps none');
  const delegations =
    object.delegations === undefined ? undefined : readDelegations(object.delegations, `${path}.delegations`);
  if (delegations !== undefined && type !== 'Setup')
    fail(`${path}.delegations`, 'only a Setup names delegations');
  const decryptions =
    object.decryptions === undefined
      ? undefined
      : readArray(object.decryptions, `${path}.decryptions`, MAX_TRUSTEES).map((item, i) =>
          readInteger(item, `${path}.decryptions[${i}]`, 1, MAX_TRUSTEES),
        );
  if (decryptions !== undefined && (decryptions.length === 0 || type !== 'Result'))
    fail(`${path}.decryptions`, 'a Result names one partial decryption at least; other steps none');
  if (decryptions !== undefined && new Set(decryptions).size !== decryptions.length)
    fail(`${path}.decryptions`, 'a trustee named twice');
  const inline = object.ballots === undefined || Array.isArray(object.ballots);
  const ballots =
    inline && object.ballots !== undefined ? readBallotIds(object.ballots, `${path}.ballots`) : undefined;
  const ballotParts = inline ? undefined : readBallotPartsReference(object.ballots, `${path}.ballots`);
  if (object.ballots !== undefined && type !== 'EndBallots')
    fail(`${path}.ballots`, 'only an EndBallots names ballots');
  if (ballots !== undefined && new Set(ballots).size !== ballots.length)
    fail(`${path}.ballots`, 'a ballot named twice');
  return {
    election,
    type,
    data,
    ...(payload ? { payload } : {}),
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(decision === undefined ? {} : { decision }),
    ...(trustees === undefined ? {} : { trustees }),
    ...(delegations === undefined ? {} : { delegations }),
    ...(decryptions === undefined ? {} : { decryptions }),
    ...(ballots === undefined ? {} : { ballots }),
    ...(ballotParts === undefined ? {} : { ballotParts }),
  };
}
