/**
 * @module
 * The group's authority's side of a secret decision's election, run by whichever client acts as
 * the authority (the example service, or any Node or browser client): once every member trustee's
 * key is in the room it prepares the election (keeping its trustee key and the private credentials
 * in its store first) and posts the Setup; it delivers each voter's credentials Olm-encrypted to the
 * voter's devices; it posts the ballots voters hand it; when the period ends it ends the vote and
 * posts the encrypted tally, ends the shuffles once the required member trustees shuffled (or
 * shuffles itself when the table makes it the only trustee), posts its own partial decryption,
 * then the result once enough trustees decrypted; finally it verifies the archive exported from
 * the room and checks that the election is the decision's, and publishes
 * `org.imago.governance.secret.result`. Every step is derived from the room and the store, so that
 * a restarted authority picks up where it stopped; the application calls {@link ElectionAuthority.handle}
 * whenever the decisions room changes or a wake-up it asked for comes.
 */
import {
  type GovernanceState,
  type SecretElectionParameters,
  secretDelegationEvidence,
  secretElectionParameters,
} from '@imago/governance';
import { dataHash } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import type { RoomLog } from '../replay/room-log';
import { setUpElection } from './authority-setup';
import { tallyElection } from './authority-tally';
import { ballotParts } from './ballot-parts-content';
import { deliverCredentials } from './credential-delivery';
import { exportBelArchive } from './election-archive';
import { RELAYED_BALLOT_TYPE, readRelayedBallot } from './election-messages';
import { electionOfDecision } from './election-of-decision';
import {
  type ActivityPlace,
  type ElectionActivity,
  keepElectionMessages,
  type RoleMachinery,
  roleMachinery,
  secretDecisions,
} from './election-role';
import type { PreparedElection } from './election-setup';
import type { SecretBallotReplay } from './election-state';
import { type ElectionStore, readStored, writeStored } from './election-store';
import { postRelayedBallots } from './relayed-ballots';
import { replaySecretBallots, type SecretBallotsReplay } from './replay-secret-ballots';
import { publishResult, resultPublished } from './result-publication';
import { postBallotPart, postStep } from './secret-ballot-actions';

/** Options of {@link electionAuthority}. */
export interface ElectionAuthorityOptions {
  /** The authority's client (syncing, with its crypto started and, in Node, a persistent crypto store). */
  readonly client: MatrixClient;
  /** Where its trustee keys, the private credentials until delivered and the relayed ballots wait. */
  readonly store: ElectionStore;
  /** Asks the application to call `handle` for the room again, at `at` (ms) or as soon as it can. */
  wake(roomId: string, at?: number): void;
  /**
   * A further verification of a finished election's archive before its result is published
   * (e.g. `belenios-tool election verify`); throwing stops the publication.
   */
  verify?(archive: Uint8Array, election: SecretBallotReplay): Promise<void>;
  /** Reports what the authority does. */
  onActivity?(activity: ElectionActivity): void;
  /** The clock (ms); default `Date.now`. */
  now?(): number;
}

/** The authority's election duties. */
export interface ElectionAuthority {
  /**
   * Takes every step now due in a decisions room: call it after each change of the room and at
   * each wake-up it asks for. Calls for one room run one after the other.
   *
   * @param roomId - the decisions room.
   * @param log - the room's log.
   * @param state - the room's governance state evaluated now (`replayDecisions(log, { now })`).
   * @param ballots - the room's elections, if already replayed.
   */
  handle(roomId: string, log: RoomLog, state: GovernanceState, ballots?: SecretBallotsReplay): Promise<void>;
  /** Stops listening for relayed ballots. */
  stop(): void;
}

/** While voting lasts: credentials delivered, relayed ballots posted, the vote ended when the period ends. */
async function votingStage(
  role: RoleMachinery,
  at: ActivityPlace,
  election: SecretBallotReplay,
  prepared: PreparedElection,
  closesAt: number,
): Promise<void> {
  const { roomId } = at;
  if (prepared.credentials !== undefined) await deliverCredentials(role, roomId, election.election, prepared);
  await postRelayedBallots(role, roomId, election);
  if (role.now() < closesAt) {
    role.wake(roomId, closesAt);
    return;
  }
  // The ballots this replay holds, in its order: every homeserver's replay rebuilds this archive.
  const ids = election.steps.filter((s) => s.type === 'Ballot').map((s) => s.eventId);
  const { parts, ballots } = ballotParts(election.election, ids);
  const end = async () => {
    for (const part of parts) await postBallotPart(role.client, roomId, part);
    return postStep(role.client, roomId, election.election, { type: 'EndBallots', data: [] }, { ballots });
  };
  if (await role.once(`EndBallots:${election.election}`, end))
    role.report({ ...at, step: 'EndBallots', detail: 'voting ended' });
}

/**
 * Starts the authority's election duties on a client.
 *
 * @param options - client, store, wake-up, extra verification, activity reports.
 * @returns the duties; call `handle` on every change of a decisions room.
 * @example
 * ```ts
 * const authority = electionAuthority({ client, store, wake: (roomId, at) => schedule(roomId, at) });
 * follower.onChange = async (log) => authority.handle(roomId, log, replayDecisions(log, { now: Date.now() }).state);
 * ```
 */
export function electionAuthority(options: ElectionAuthorityOptions): ElectionAuthority {
  const role = roleMachinery(options);
  const { store, me, report, serial } = role;

  // A ballot handed over is kept before anything else.
  const stopRelay = keepElectionMessages(
    options.client,
    store,
    RELAYED_BALLOT_TYPE,
    readRelayedBallot,
    (relayed) => `relay/${relayed.room}/${dataHash(relayed.ballot)}`,
    options.wake,
  );

  // Every step is derived from the room and the store: a restarted authority picks up where it stopped.
  const step = async (
    roomId: string,
    log: RoomLog,
    state: GovernanceState,
    ballots: SecretBallotsReplay,
    parameters: SecretElectionParameters,
  ) => {
    const id = parameters.decision;
    const decision = state.decisions.get(id)!;
    const contributions = ballots.contributions.get(id) ?? new Map();
    const election = electionOfDecision(ballots.elections, id);
    if (election !== undefined && election.administrator !== me) return; // another member of the authority runs it
    const key = `authority/${roomId}/${id}`;
    const prepared = await readStored<PreparedElection>(store, `${key}/prepared`);
    if (election === undefined) {
      if (decision.status === 'open')
        await setUpElection(
          role,
          roomId,
          parameters,
          contributions,
          prepared,
          secretDelegationEvidence(state, id),
        );
      return;
    }
    const at = { roomId, decision: id, election: election.election };
    if (prepared === undefined || prepared.uuid !== election.election) {
      if (role.first(`lost:${election.election}`))
        report({
          ...at,
          step: 'failed',
          detail: 'this election’s keys are not in the store: it cannot be decrypted here',
          level: 'warn',
        });
      return;
    }
    if (election.phase === 'voting') {
      await votingStage(role, at, election, prepared, decision.closesAt);
      return;
    }
    if (prepared.credentials !== undefined) {
      // Voting has ended: the credential authority forgets the private credentials.
      const { credentials: _, ...kept } = prepared;
      await writeStored(store, `${key}/prepared`, kept);
    }
    await postRelayedBallots(role, roomId, election);
    if (election.phase === 'ended' || election.phase === 'tallied') {
      await tallyElection(role, at, election, parameters, prepared.secretKey);
      return;
    }
    if (election.phase === 'done' && decision.status === 'closed' && !resultPublished(log, id, me))
      await publishResult(role, at, election, parameters, contributions, (finished) =>
        options.verify?.(exportBelArchive(finished), finished),
      );
  };

  const handleRoom = async (
    roomId: string,
    log: RoomLog,
    state: GovernanceState,
    given?: SecretBallotsReplay,
  ) => {
    if (!state.authority.includes(me)) return;
    const ballots = given ?? replaySecretBallots(log);
    for (const id of secretDecisions(state)) {
      try {
        await step(roomId, log, state, ballots, secretElectionParameters(state, id));
      } catch (error) {
        report({ roomId, decision: id, step: 'failed', detail: (error as Error).message, level: 'warn' });
      }
    }
  };

  return {
    handle: (roomId, log, state, ballots) => serial(roomId, () => handleRoom(roomId, log, state, ballots)),
    stop: stopRelay,
  };
}
