/**
 * @module
 * Secret ballots on Matrix, replayed: each step of a Helios-C / Belenios election (setup, ballots,
 * end of voting, encrypted tally, shuffles, partial decryptions, result) is an
 * `org.imago.helios.step` event in the decisions room, and the member trustees' key establishment
 * is `org.imago.helios.trustee` events. The replay keeps the steps that respect the election's
 * phases and roles — only the group's authority sets up an election and its Setup's sender
 * administers it; a shuffle or partial decryption comes from the account the Setup names for its
 * trustee number — and checks every ballot, shuffle and partial decryption with @imago/helios-c as
 * it comes, so that nobody can post a step that would make the exported archive fail. It rebuilds
 * the archive's hash chain and exports the `.bel` that `belenios-tool election verify` (or
 * {@link verifyElection}) checks. Pure; verdicts are remembered, so replaying again is cheap.
 */
import {
  type ArchiveStep,
  type ArchiveVerification,
  archiveFromSteps,
  currentTally,
  dataHash,
  type Election,
  nonHomomorphicCiphertexts,
  nonHomomorphicIndices,
  parseElection,
  parseOwned,
  parseOwnedShuffle,
  parsePartialDecryption,
  parsePublicCredentials,
  parseShuffle,
  parseTrustees,
  readArchive,
  setupTextsOf,
  trusteeSlots,
  verifyArchive,
  verifyBallot,
  verifyPartialDecryption,
  verifyShuffles,
} from '@imago/helios-c';
import { ContentProblem } from '../events/content-reader';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';
import { replayDecisions } from '../governance/replay-decisions';
import { logEvents, type RoomLog } from '../replay/room-log';
import { readSecretBallotStep, SECRET_BALLOT_STEP_TYPE, type SecretBallotStepContent } from './election-step';
import { readTrusteeContribution, TRUSTEE_CONTRIBUTION_TYPE, type TrusteeStep } from './trustee-contribution';

/** Where an election stands. */
export type ElectionPhase = 'voting' | 'ended' | 'tallied' | 'done';

/** An accepted step and the Matrix event that carried it. */
export type ReplayedStep = ArchiveStep & { readonly eventId: string; readonly sender: string };

/** An election as replayed from a room. */
export interface SecretBallotReplay {
  readonly election: string;
  /** The Setup's sender. */
  readonly administrator: string;
  /** The governance decision the election decides, as the Setup names it. */
  readonly decision?: string;
  /** The Matrix account of each trustee (trustee `owner` 1, 2, …), as the Setup names them. */
  readonly trustees?: readonly string[];
  readonly timestamp: number;
  readonly phase: ElectionPhase;
  /** Accepted steps in chain order, with the Matrix events that carried them. */
  readonly steps: readonly ReplayedStep[];
  /** The `Result` data (Belenios `result.json` text), once published. */
  readonly result?: string;
}

/** A member trustee's posted contributions to one decision's key establishment (the first of each step). */
export type TrusteeContributions = Readonly<
  Partial<Record<TrusteeStep, { readonly text: string; readonly eventId: string }>>
>;

/** What {@link replaySecretBallots} finds in a room. */
export interface SecretBallotsReplay {
  /** Each election by uuid. */
  readonly elections: Map<string, SecretBallotReplay>;
  /** Key-establishment contributions: by decision, then by member. */
  readonly contributions: ReadonlyMap<string, ReadonlyMap<string, TrusteeContributions>>;
  /** The steps and contributions that had no effect. */
  readonly warnings: ImagoWarning[];
}

/** Options of {@link replaySecretBallots}. */
export interface ReplaySecretBallotsOptions {
  /**
   * Check each ballot, shuffle and partial decryption with @imago/helios-c before it counts, so
   * that a hostile step cannot make the exported archive fail verification. Default `true`;
   * `false` leaves it to the final verification.
   */
  checkBallots?: boolean;
  /**
   * The group's authority before a given event (see `replayDecisions(log).authorityAt`): only
   * they may set up an election. Default: computed from the same log's governance events.
   */
  authorityAt?: (eventId: string) => readonly string[];
}

const ADMIN_STEPS = new Set(['EndBallots', 'EncryptedTally', 'EndShuffles', 'Result']);
const MAX_VERDICTS = 100_000;
/** Verification is deterministic: verdicts by what was checked, shared by every replay. */
const verdicts = new Map<string, string | true>();

function remembered(key: string, check: () => string | undefined): string | undefined {
  const known = verdicts.get(key);
  if (known !== undefined) return known === true ? undefined : known;
  const verdict = check();
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(key, verdict ?? true);
  return verdict;
}

interface ElectionState {
  election: string;
  administrator: string;
  decision?: string;
  trustees?: readonly string[];
  timestamp: number;
  phase: ElectionPhase;
  steps: ReplayedStep[];
  hashes: Set<string>;
  ballots: Set<string>;
  owners: { Shuffle: Set<number>; PartialDecryption: Set<number> };
  checker?: StepChecker;
  result?: string;
}

/** The cryptographic checks of one election's steps. */
interface StepChecker {
  /** A ballot's failed check and path, or `undefined`. */
  ballot(text: string): { check: string; path: string } | undefined;
  /** Why a trustee's shuffle or partial decryption does not verify on top of the accepted steps. */
  owned(state: ElectionState, step: SecretBallotStepContent, owner: number): string | undefined;
}

/** The checks for the election a Setup carries, or why the Setup is unusable. */
function checkerOf(step: SecretBallotStepContent): StepChecker | string {
  const texts = setupTextsOf(step);
  if (texts === undefined) return 'the Setup lacks its election, trustees or credentials';
  const parsed = parseElection(texts.election);
  if (!parsed.ok) return `election: ${parsed.error.message}`;
  const election: Election = parsed.value;
  const credentials = parsePublicCredentials(election.group, texts.credentials);
  if (!credentials.ok) return `credentials: ${credentials.error.message}`;
  const trustees = parseTrustees(election.group, texts.trustees);
  if (!trustees.ok) return `trustees: ${trustees.error.message}`;
  const slots = trusteeSlots(trustees.value);
  const known = new Set(credentials.value.map((c) => c.text));
  const setupHash = step.payload ?? '';
  return {
    ballot: (text) => {
      const key = `ballot:${setupHash}:${dataHash(text)}`;
      const verdict = remembered(key, () => {
        const verified = verifyBallot(election, text, (credential) => known.has(credential));
        return verified.ok ? undefined : `${verified.rejection.check}\n${verified.rejection.path}`;
      });
      if (verdict === undefined) return undefined;
      const [check = '', path = '$'] = verdict.split('\n');
      return { check, path };
    },
    owned: (state, candidate, owner) => {
      const before = archiveFromSteps(state.timestamp, state.steps).lastEvent ?? '';
      return remembered(`${candidate.type}:${setupHash}:${before}:${candidate.payload}`, () => {
        const archive = readArchive(archiveFromSteps(state.timestamp, state.steps).bytes);
        if (!archive.ok) return 'the archive so far does not read';
        let tally: ReturnType<typeof currentTally>;
        try {
          tally = currentTally(election, archive.value);
        } catch {
          return 'the archive so far has no usable tally';
        }
        if (tally === undefined) return 'no encrypted tally yet';
        const [text = '', ownedText = ''] = candidate.data;
        try {
          if (candidate.type === 'Shuffle') {
            const ownedShuffle = parseOwnedShuffle(JSON.parse(ownedText));
            if (ownedShuffle.owner !== owner || ownedShuffle.payload !== dataHash(text))
              return 'not its own shuffle';
            const indices = nonHomomorphicIndices(election.questions);
            const verified = verifyShuffles(
              election.group,
              { publicKey: election.publicKey, fingerprint: election.fingerprint },
              nonHomomorphicCiphertexts(tally.tally, indices),
              [parseShuffle(election.group, JSON.parse(text))],
            );
            return verified.valid ? undefined : `the shuffle does not verify (${verified.reason})`;
          }
          const ownedDecryption = parseOwned(ownedText);
          if (
            !ownedDecryption.ok ||
            ownedDecryption.value.owner !== owner ||
            ownedDecryption.value.payload !== dataHash(text)
          )
            return 'not its own partial decryption';
          const decryption = parsePartialDecryption(election.group, text);
          const slot = slots.find((s) => s.owner === owner);
          if (!decryption.ok || slot === undefined) return 'a partial decryption of no trustee';
          const wrong = verifyPartialDecryption(
            election,
            tally.tally,
            slot.verificationKey,
            decryption.value,
          );
          return wrong === undefined ? undefined : `the partial decryption does not verify at ${wrong}`;
        } catch {
          return 'a malformed shuffle or partial decryption';
        }
      });
    },
  };
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

/** The trustee number an owned step names (`{"owner":N,…}`, its second data text). */
function ownerOf(step: SecretBallotStepContent): number | undefined {
  try {
    const owner = (JSON.parse(step.data[1] ?? 'null') as { owner?: unknown } | null)?.owner;
    return typeof owner === 'number' && Number.isSafeInteger(owner) && owner >= 1 ? owner : undefined;
  } catch {
    return undefined;
  }
}

type Refusal = { code: ImagoWarning['code']; detail: string };

/** Why a step is refused, or `undefined` when it applies. */
function refusal(state: ElectionState, step: SecretBallotStepContent, sender: string): Refusal | undefined {
  const rejected = (detail: string): Refusal => ({ code: 'rejected', detail });
  if (state.phase === 'done') return rejected('the election is over');
  if (step.type === 'Setup') return rejected('the election is already set up');
  if (ADMIN_STEPS.has(step.type) && sender !== state.administrator)
    return { code: 'unauthorised', detail: 'only the administrator' };
  const known = (hash: string) => state.hashes.has(hash) || step.data.some((d) => dataHash(d) === hash);
  if (step.payload !== undefined && !known(step.payload)) return rejected('payload not among the data');
  switch (step.type) {
    case 'Ballot':
      if (state.phase !== 'voting') return rejected('voting has ended');
      if (
        step.payload === undefined ||
        step.data.length !== 1 ||
        dataHash(step.data[0] as string) !== step.payload
      )
        return rejected('a ballot carries exactly its own data');
      if (state.ballots.has(step.payload)) return { code: 'duplicate', detail: 'duplicate ballot' };
      return undefined;
    case 'EndBallots':
      return state.phase === 'voting' ? undefined : rejected('voting already ended');
    case 'EncryptedTally':
      return state.phase === 'ended' ? undefined : rejected('not after the end of voting');
    case 'Shuffle':
    case 'EndShuffles':
      // Belenios 2.0 order: EncryptedTally, then Shuffle* and EndShuffles, then partial decryptions.
      if (state.phase !== 'tallied') return rejected('shuffles come after the encrypted tally');
      if (state.steps.some((s) => s.type === 'EndShuffles' || s.type === 'PartialDecryption'))
        return rejected('shuffling has ended');
      return step.type === 'Shuffle' ? ownedRefusal(state, step, sender) : undefined;
    case 'PartialDecryption':
      if (state.phase !== 'tallied') return rejected('no encrypted tally yet');
      return ownedRefusal(state, step, sender);
    case 'Result':
      return state.phase === 'tallied' ? undefined : rejected('no encrypted tally yet');
    default:
      return undefined;
  }
}

/** A shuffle or partial decryption: once per trustee, from the account the Setup names for it. */
function ownedRefusal(
  state: ElectionState,
  step: SecretBallotStepContent,
  sender: string,
): Refusal | undefined {
  const owner = ownerOf(step);
  if (owner === undefined || step.data.length !== 2 || dataHash(step.data[1] as string) !== step.payload)
    return { code: 'rejected', detail: 'a trustee’s step carries its data and its owned record' };
  if (state.trustees !== undefined && state.trustees[owner - 1] !== sender)
    return { code: 'unauthorised', detail: `trustee ${owner} is another account` };
  if (state.owners[step.type as 'Shuffle' | 'PartialDecryption'].has(owner))
    return { code: 'duplicate', detail: `trustee ${owner} already posted this step` };
  return undefined;
}

/**
 * Replays the elections of a room and the trustees' key establishment.
 *
 * @param log - the room's log.
 * @param options - whether to check steps as they come (default: yes), who the authority is.
 * @returns each election by uuid, the contributions by decision, and warnings for what had no effect.
 * @example
 * ```ts
 * const { elections } = replaySecretBallots(appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room)));
 * ```
 */
export function replaySecretBallots(
  log: RoomLog,
  options: ReplaySecretBallotsOptions = {},
): SecretBallotsReplay {
  const elections = new Map<string, ElectionState>();
  const contributions = new Map<
    string,
    Map<string, Partial<Record<TrusteeStep, { text: string; eventId: string }>>>
  >();
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
    if (event.type === TRUSTEE_CONTRIBUTION_TYPE) {
      try {
        const contribution = readTrusteeContribution(event.content);
        const byMember = contributions.get(contribution.decision) ?? new Map();
        contributions.set(contribution.decision, byMember);
        const posted = byMember.get(event.sender) ?? {};
        if (posted[contribution.step] !== undefined) {
          warn(event, 'duplicate', `${contribution.step} already posted for this decision`);
          continue;
        }
        byMember.set(event.sender, {
          ...posted,
          [contribution.step]: { text: contribution.text, eventId: event.eventId },
        });
      } catch (problem) {
        if (problem instanceof ContentProblem) warn(event, problem.code, problem.detail, problem.path);
      }
      continue;
    }
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
        !step.data.some((d) => dataHash(d) === step.payload)
      ) {
        warn(event, 'malformed-content', 'the Setup does not carry this election');
        continue;
      }
      if (step.trustees !== undefined && step.trustees[0] !== event.sender) {
        warn(event, 'malformed-content', 'the administrator is trustee 1', 'content.trustees[0]');
        continue;
      }
      const checker = options.checkBallots === false ? undefined : checkerOf(step);
      if (typeof checker === 'string') {
        warn(event, 'malformed-content', checker);
        continue;
      }
      elections.set(step.election, {
        election: step.election,
        administrator: event.sender,
        ...(step.decision ? { decision: step.decision } : {}),
        ...(step.trustees ? { trustees: step.trustees } : {}),
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
        hashes: new Set(step.data.map(dataHash)),
        ballots: new Set(),
        owners: { Shuffle: new Set(), PartialDecryption: new Set() },
        ...(checker ? { checker } : {}),
      });
      continue;
    }
    const why = refusal(known, step, event.sender);
    if (why !== undefined) {
      warn(event, why.code, why.detail);
      continue;
    }
    if (step.type === 'Ballot' && known.checker) {
      const rejection = known.checker.ballot(step.data[0] as string);
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
    const owner = step.type === 'Shuffle' || step.type === 'PartialDecryption' ? ownerOf(step) : undefined;
    if (owner !== undefined && known.checker) {
      const wrong = known.checker.owned(known, step, owner);
      if (wrong !== undefined) {
        warn(event, 'rejected', wrong, 'content.data[0]');
        continue;
      }
    }
    known.steps.push({
      type: step.type,
      ...(step.payload ? { payload: step.payload } : {}),
      data: step.data,
      eventId: event.eventId,
      sender: event.sender,
    });
    for (const item of step.data) known.hashes.add(dataHash(item));
    if (step.type === 'Ballot' && step.payload) known.ballots.add(step.payload);
    if (owner !== undefined) known.owners[step.type as 'Shuffle' | 'PartialDecryption'].add(owner);
    if (step.type === 'EndBallots') known.phase = 'ended';
    if (step.type === 'EncryptedTally') known.phase = 'tallied';
    if (step.type === 'Result') {
      known.phase = 'done';
      known.result = step.data.find((d) => dataHash(d) === step.payload);
    }
  }
  const result = new Map<string, SecretBallotReplay>();
  for (const [uuid, e] of elections) {
    result.set(uuid, {
      election: e.election,
      administrator: e.administrator,
      ...(e.decision ? { decision: e.decision } : {}),
      ...(e.trustees ? { trustees: e.trustees } : {}),
      timestamp: e.timestamp,
      phase: e.phase,
      steps: e.steps,
      ...(e.result ? { result: e.result } : {}),
    });
  }
  return { elections: result, contributions, warnings };
}

/**
 * The election a governance decision is decided by: the first Setup naming it (only the group's
 * authority's Setups are in the replay).
 *
 * @param elections - the room's elections.
 * @param decision - the decision id.
 * @returns the election, or `undefined` before its Setup.
 */
export function electionOfDecision(
  elections: ReadonlyMap<string, SecretBallotReplay>,
  decision: string,
): SecretBallotReplay | undefined {
  for (const election of elections.values()) if (election.decision === decision) return election;
  return undefined;
}

/**
 * Exports an election replayed from a room as a `.bel` archive.
 *
 * @param election - an election from {@link replaySecretBallots}.
 * @returns the archive bytes (verify them with `belenios-tool election verify` or @imago/helios-c).
 */
export function exportBelArchive(election: SecretBallotReplay): Uint8Array {
  return archiveFromSteps(election.timestamp, election.steps).bytes;
}

/**
 * The hash of the last event of an election's archive: what a secret result names as its evidence.
 *
 * @param election - an election from {@link replaySecretBallots}.
 * @returns the hash, or `undefined` for an election without steps.
 */
export function electionEvidence(election: SecretBallotReplay): string | undefined {
  return archiveFromSteps(election.timestamp, election.steps).lastEvent;
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
