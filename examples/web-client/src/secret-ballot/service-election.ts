/**
 * @module
 * Secret elections run by the group's service (`examples/server`), which acts as credential
 * authority, election administrator and one of the trustees. The election travels as
 * `@imago/matrix-binding`'s `org.imago.helios.step` events in the decisions room (the Setup names
 * the decision):
 *
 * - the voter's private credential comes by the to-device message
 *   `org.imago.example.helios.credential` `{ decision, uuid, credential }` and stays in this
 *   browser;
 * - the ballot, encrypted and signed here, is posted as the election's `Ballot` step;
 * - the result, `org.imago.governance.secret.result` `{ decision, result, evidence }`, names the
 *   hash of the archive's last event: this browser exports the archive from the room's steps and
 *   verifies it completely (setup, every ballot, tally, shuffles, decryptions, result) before the
 *   decision engine accepts the result.
 */
import {
  appendToRoomLog,
  emptyRoomLog,
  exportBelArchive,
  type RawMatrixEvent,
  replaySecretBallots,
  type SecretBallotReplay,
} from '@imago/matrix-binding';
import { type Election, verifyArchive } from './helios';

/** Event types of the service's election exchange outside the room's steps. */
export const ServiceElectionEventTypes = {
  credential: 'org.imago.example.helios.credential',
} as const;

/** A service-run election, as replayed from the room. */
export interface ServiceElection {
  uuid: string;
  /** The election's steps so far (ballots are checked when the archive is verified). */
  replay: SecretBallotReplay;
  /** Event ids of the ballots in the ballot box. */
  ballots: string[];
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

const replays = new WeakMap<readonly RawMatrixEvent[], Map<string, SecretBallotReplay>>();

/** The room's elections (memoised per list of events: replays happen on every render). */
function electionsOf(roomId: string, events: readonly RawMatrixEvent[]): Map<string, SecretBallotReplay> {
  let elections = replays.get(events);
  if (!elections) {
    const log = appendToRoomLog(emptyRoomLog(roomId), events);
    elections = replaySecretBallots(log, { checkBallots: false }).elections;
    replays.set(events, elections);
  }
  return elections;
}

/** The service's election of a decision, if set up (the first Setup naming the decision counts). */
export function readServiceElection(
  roomId: string,
  events: readonly RawMatrixEvent[],
  decision: string,
): ServiceElection | undefined {
  for (const replay of electionsOf(roomId, events).values()) {
    if (replay.decision !== decision) continue;
    return {
      uuid: replay.election,
      replay,
      ballots: replay.steps.filter((s) => s.type === 'Ballot').map((s) => s.eventId),
    };
  }
  return undefined;
}

/** What verifying an election's archive in this browser gave. */
export interface ArchiveCheck {
  ok: boolean;
  election?: Election;
  /** The first question's result, numbers as in `result.json`. */
  result?: unknown;
  /** Hash of the archive's last event. */
  lastEvent?: string;
}

const checks = new Map<string, Promise<ArchiveCheck>>();

/** Exports an election's archive from its steps and verifies it completely, once per key. */
function check(key: string, replay: SecretBallotReplay): Promise<ArchiveCheck> {
  let checked = checks.get(key);
  if (!checked) {
    checked = Promise.resolve()
      .then(() => verifyArchive(exportBelArchive(replay)))
      .then((report) => ({
        ok: report.ok,
        ...(report.election ? { election: report.election } : {}),
        ...(report.lastEvent ? { lastEvent: report.lastEvent } : {}),
        ...(report.result
          ? {
              result: JSON.parse(
                JSON.stringify(report.result[0], (_k, v) => (typeof v === 'bigint' ? Number(v) : v)),
              ) as unknown,
            }
          : {}),
      }))
      .catch(() => ({ ok: false }));
    checks.set(key, checked);
  }
  return checked;
}

/**
 * Verifies an election's Setup alone (the election, its trustees and their proofs, the public
 * credentials), before voting: ballots others posted do not enter this check.
 */
export function checkSetup(replay: SecretBallotReplay): Promise<ArchiveCheck> {
  const setup = replay.steps.slice(0, 1);
  return check(`setup:${replay.election}:${setup[0]?.eventId ?? ''}`, { ...replay, steps: setup });
}

/**
 * Verifies the archive a result names: the room is replayed with every ballot checked (as the
 * service does; invalid ballots are set aside), the decision's election exported and verified.
 *
 * @returns the check, or undefined when the room has no finished election for the decision.
 */
export function checkFinishedElection(
  roomId: string,
  events: readonly RawMatrixEvent[],
  decision: string,
): Promise<ArchiveCheck> | undefined {
  const log = appendToRoomLog(emptyRoomLog(roomId), events);
  for (const replay of replaySecretBallots(log).elections.values()) {
    if (replay.decision !== decision) continue;
    if (replay.phase !== 'done') return undefined;
    return check(`done:${replay.election}:${replay.steps.at(-1)?.eventId ?? ''}`, replay);
  }
  return undefined;
}

/** Verified archives by the hash of their last event (the results' evidence), once known. */
export const verifiedArchives = new Map<string, ArchiveCheck>();

/** A voter's credential for a service-run election. */
export interface VoterCredential {
  uuid: string;
  credential: string;
}

const credentialKey = (decision: string) => `imago.credential.${decision}`;

/**
 * Keeps a credential received by to-device message (`org.imago.example.helios.credential`).
 *
 * @param content - untrusted to-device content.
 */
export function keepCredential(content: unknown): void {
  const c = content as Record<string, unknown> | undefined;
  if (!c || !isString(c.decision) || !isString(c.uuid) || !isString(c.credential)) return;
  localStorage.setItem(credentialKey(c.decision), JSON.stringify({ uuid: c.uuid, credential: c.credential }));
}

/** The credential this browser received for a decision's election. */
export function credentialFor(decision: string): VoterCredential | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(credentialKey(decision)) ?? 'null') as Record<
      string,
      unknown
    > | null;
    if (value && isString(value.uuid) && isString(value.credential))
      return { uuid: value.uuid, credential: value.credential };
  } catch {
    // A corrupt entry is no credential.
  }
  return undefined;
}
