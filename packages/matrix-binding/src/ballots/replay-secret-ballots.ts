/**
 * @module
 * Secret ballots on Matrix: each step of a Helios-C / Belenios election (setup, ballots, end of
 * voting, encrypted tally, shuffles, partial decryptions, result) is an `org.imago.helios.step`
 * event in the decisions room. The replay keeps the steps that respect the election's phases and
 * roles (only the group's authority sets up an election, and the Setup's sender administers it;
 * trustees and voters are checked cryptographically by the verifier), rebuilds the archive's
 * hash chain, and exports the `.bel` that `belenios-tool election verify` (or @imago/helios-c)
 * checks. Pure.
 */
import {
  type ArchiveVerification,
  parseElection,
  parsePublicCredentials,
  verifyArchive,
  verifyBallot,
} from '@imago/helios-c';
import {
  ContentProblem,
  fail,
  readArray,
  readEnum,
  readInteger,
  readObject,
  readString,
} from '../events/content-reader';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';
import { replayDecisions } from '../governance/replay-decisions';
import { logEvents, type RoomLog } from '../replay/room-log';
import { BEL_EVENT_TYPES, type BelStep, belArchiveFromSteps, belDataHash } from './bel-steps';

/** The event type of an election step. */
export const SECRET_BALLOT_STEP_TYPE = 'org.imago.helios.step';

/** Content of `org.imago.helios.step`. */
export interface SecretBallotStepContent extends BelStep {
  /** The election's uuid. */
  readonly election: string;
  /** Setup only: the archive header's timestamp (seconds). */
  readonly timestamp?: number;
  /** Setup only: the governance decision this election decides. */
  readonly decision?: string;
}

/** Where an election stands. */
export type ElectionPhase = 'voting' | 'ended' | 'tallied' | 'done';

/** An election as replayed from a room. */
export interface SecretBallotReplay {
  readonly election: string;
  /** The Setup's sender. */
  readonly administrator: string;
  /** The governance decision the election decides, as the Setup names it. */
  readonly decision?: string;
  readonly timestamp: number;
  readonly phase: ElectionPhase;
  /** Accepted steps in chain order, with the Matrix events that carried them. */
  readonly steps: readonly (BelStep & { readonly eventId: string; readonly sender: string })[];
  /** The `Result` data (Belenios `result.json` text), once published. */
  readonly result?: string;
}

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
  const type = readEnum(object.type, `${path}.type`, BEL_EVENT_TYPES);
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
  return {
    election,
    type,
    data,
    ...(payload ? { payload } : {}),
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(decision === undefined ? {} : { decision }),
  };
}

const ADMIN_STEPS = new Set(['EndBallots', 'EncryptedTally', 'EndShuffles', 'Result']);

/** Options of {@link replaySecretBallots}. */
export interface ReplaySecretBallotsOptions {
  /**
   * Check each ballot with @imago/helios-c (election, credential, signature, proofs) before it
   * counts, so that a hostile ballot cannot make the exported archive fail verification. Default
   * `true`; `false` leaves it to the final verification.
   */
  checkBallots?: boolean;
  /**
   * The group's authority before a given event (see `replayDecisions(log).authorityAt`): only
   * they may set up an election. Default: computed from the same log's governance events.
   */
  authorityAt?: (eventId: string) => readonly string[];
}

type BallotCheck = (text: string) => { check: string; path: string } | undefined;

/** A ballot checker for the election a Setup carries, or why the Setup is unusable. */
function ballotCheckerOf(step: SecretBallotStepContent): BallotCheck | string {
  const byHash = new Map(step.data.map((text) => [belDataHash(text), text]));
  let setup: { election?: unknown; credentials?: unknown };
  try {
    setup = JSON.parse(byHash.get(step.payload ?? '') ?? 'null') as typeof setup;
  } catch {
    return 'the Setup payload is not JSON';
  }
  const electionText = typeof setup?.election === 'string' ? byHash.get(setup.election) : undefined;
  const credentialsText = typeof setup?.credentials === 'string' ? byHash.get(setup.credentials) : undefined;
  if (electionText === undefined || credentialsText === undefined)
    return 'the Setup lacks its election or credentials';
  const election = parseElection(electionText);
  if (!election.ok) return `election: ${election.error.message}`;
  const credentials = parsePublicCredentials(election.value.group, credentialsText);
  if (!credentials.ok) return `credentials: ${credentials.error.message}`;
  const known = new Set(credentials.value.map((c) => c.text));
  const setupHash = step.payload ?? '';
  return (text) => {
    // Verification is deterministic: remember verdicts, so that replaying a room again is cheap.
    const key = `${setupHash}:${belDataHash(text)}`;
    const remembered = verdicts.get(key);
    if (remembered !== undefined) return remembered === true ? undefined : remembered;
    const verified = verifyBallot(election.value, text, (credential) => known.has(credential));
    const verdict = verified.ok
      ? undefined
      : { check: verified.rejection.check, path: verified.rejection.path };
    if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value as string);
    verdicts.set(key, verdict ?? true);
    return verdict;
  };
}

const MAX_VERDICTS = 100_000;
const verdicts = new Map<string, true | { check: string; path: string }>();

interface Election {
  election: string;
  administrator: string;
  decision?: string;
  timestamp: number;
  phase: ElectionPhase;
  steps: (BelStep & { eventId: string; sender: string })[];
  hashes: Set<string>;
  ballots: Set<string>;
  checkBallot?: BallotCheck;
  result?: string;
}

function uuidOf(data: readonly string[]): string | undefined {
  for (const item of data) {
    try {
      const parsed = JSON.parse(item) as { uuid?: unknown };
      if (typeof parsed?.uuid === 'string') return parsed.uuid;
    } catch {
      // not JSON: the verifier will say so; it cannot name the election
    }
  }
  return undefined;
}

/** Why a step is refused, or `undefined` when it applies. */
function refusal(election: Election, step: SecretBallotStepContent, sender: string): string | undefined {
  if (election.phase === 'done') return 'the election is over';
  if (step.type === 'Setup') return 'the election is already set up';
  if (ADMIN_STEPS.has(step.type) && sender !== election.administrator) return 'only the administrator';
  const known = (hash: string) => election.hashes.has(hash) || step.data.some((d) => belDataHash(d) === hash);
  if (step.payload !== undefined && !known(step.payload)) return 'payload not among the data';
  switch (step.type) {
    case 'Ballot':
      if (election.phase !== 'voting') return 'voting has ended';
      if (
        step.payload === undefined ||
        step.data.length !== 1 ||
        belDataHash(step.data[0] as string) !== step.payload
      ) {
        return 'a ballot carries exactly its own data';
      }
      if (election.ballots.has(step.payload)) return 'duplicate ballot';
      return undefined;
    case 'EndBallots':
      return election.phase === 'voting' ? undefined : 'voting already ended';
    case 'EncryptedTally':
      return election.phase === 'ended' ? undefined : 'not after the end of voting';
    case 'Shuffle':
    case 'EndShuffles':
      // Belenios 2.0 order: EncryptedTally, then Shuffle* and EndShuffles, then partial decryptions.
      if (election.phase !== 'tallied') return 'shuffles come after the encrypted tally';
      if (election.steps.some((s) => s.type === 'EndShuffles' || s.type === 'PartialDecryption')) {
        return 'shuffling has ended';
      }
      return undefined;
    case 'PartialDecryption':
    case 'Result':
      return election.phase === 'tallied' ? undefined : 'no encrypted tally yet';
    default:
      return undefined;
  }
}

/**
 * Replays the elections of a room.
 *
 * @param log - the room's log.
 * @param options - whether to check ballots as they come (default: yes).
 * @returns each election by uuid, and warnings for the steps that had no effect.
 */
export function replaySecretBallots(
  log: RoomLog,
  options: ReplaySecretBallotsOptions = {},
): {
  elections: Map<string, SecretBallotReplay>;
  warnings: ImagoWarning[];
} {
  const elections = new Map<string, Election>();
  const warnings: ImagoWarning[] = [];
  let authorityAt = options.authorityAt;
  const warn = (
    event: ImagoEvent,
    code: ImagoWarning['code'],
    detail: string,
    path?: string,
    reason?: string,
  ) =>
    warnings.push({
      code,
      ...(reason ? { reason } : {}),
      eventId: event.eventId,
      type: event.type,
      sender: event.sender,
      ...(path ? { path } : {}),
      detail,
    });
  for (const event of logEvents(log)) {
    if (event.kind !== 'helios') continue;
    if (event.type !== SECRET_BALLOT_STEP_TYPE) {
      warn(event, 'malformed-content', 'unknown secret-ballot event type', 'type');
      continue;
    }
    let step: SecretBallotStepContent;
    try {
      step = readSecretBallotStep(event.content);
    } catch (problem) {
      if (problem instanceof ContentProblem) warn(event, problem.code, problem.detail, problem.path);
      continue;
    }
    const known = elections.get(step.election);
    if (!known) {
      if (step.type !== 'Setup') {
        warn(event, 'unknown-reference', 'no Setup for this election');
        continue;
      }
      authorityAt ??= replayDecisions(log).authorityAt;
      if (!authorityAt(event.eventId).includes(event.sender)) {
        warn(event, 'unauthorised', 'only the group’s authority sets up an election');
        continue;
      }
      if (
        uuidOf(step.data) !== step.election ||
        step.payload === undefined ||
        !step.data.some((d) => belDataHash(d) === step.payload)
      ) {
        warn(event, 'malformed-content', 'the Setup does not carry this election');
        continue;
      }
      const checker = options.checkBallots === false ? undefined : ballotCheckerOf(step);
      if (typeof checker === 'string') {
        warn(event, 'malformed-content', checker);
        continue;
      }
      elections.set(step.election, {
        election: step.election,
        administrator: event.sender,
        ...(step.decision ? { decision: step.decision } : {}),
        timestamp: step.timestamp ?? Math.floor(event.timestamp / 1000),
        phase: 'voting',
        steps: [
          {
            type: step.type,
            payload: step.payload,
            data: step.data,
            eventId: event.eventId,
            sender: event.sender,
          },
        ],
        hashes: new Set(step.data.map(belDataHash)),
        ballots: new Set(),
        ...(checker ? { checkBallot: checker } : {}),
      });
      continue;
    }
    const why = refusal(known, step, event.sender);
    if (why === undefined && step.type === 'Ballot' && known.checkBallot) {
      const rejection = known.checkBallot(step.data[0] as string);
      if (rejection) {
        warn(
          event,
          'rejected',
          'the ballot does not verify',
          `content.data[0]${rejection.path.slice(1)}`,
          rejection.check,
        );
        continue;
      }
    }
    if (why !== undefined) {
      warn(
        event,
        why === 'duplicate ballot'
          ? 'duplicate'
          : why === 'only the administrator'
            ? 'unauthorised'
            : 'rejected',
        why,
      );
      continue;
    }
    known.steps.push({
      type: step.type,
      ...(step.payload ? { payload: step.payload } : {}),
      data: step.data,
      eventId: event.eventId,
      sender: event.sender,
    });
    for (const item of step.data) known.hashes.add(belDataHash(item));
    if (step.type === 'Ballot' && step.payload) known.ballots.add(step.payload);
    if (step.type === 'EndBallots') known.phase = 'ended';
    if (step.type === 'EncryptedTally') known.phase = 'tallied';
    if (step.type === 'Result') {
      known.phase = 'done';
      known.result = step.data.find((d) => belDataHash(d) === step.payload);
    }
  }
  const result = new Map<string, SecretBallotReplay>();
  for (const [uuid, e] of elections) {
    result.set(uuid, {
      election: e.election,
      administrator: e.administrator,
      ...(e.decision ? { decision: e.decision } : {}),
      timestamp: e.timestamp,
      phase: e.phase,
      steps: e.steps,
      ...(e.result ? { result: e.result } : {}),
    });
  }
  return { elections: result, warnings };
}

/**
 * Exports an election replayed from a room as a `.bel` archive.
 *
 * @param election - an election from {@link replaySecretBallots}.
 * @returns the archive bytes (verify them with `belenios-tool election verify` or @imago/helios-c).
 */
export function exportBelArchive(election: SecretBallotReplay): Uint8Array {
  return belArchiveFromSteps(election.timestamp, election.steps).bytes;
}

/**
 * Verifies an election replayed from a room with @imago/helios-c (in the browser as in Node): the
 * whole exported archive — setup, every ballot, tally, shuffles, partial decryptions and result.
 *
 * @param election - an election from {@link replaySecretBallots}.
 * @returns the verification report (`ok`, issues, verified result, last event hash).
 */
export function verifyElection(election: SecretBallotReplay): Promise<ArchiveVerification> {
  return verifyArchive(exportBelArchive(election));
}
