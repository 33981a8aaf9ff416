/**
 * @module
 * A member's side of a secret decision's election, run from the member's own client (web client
 * or Node):
 *
 * - as a **trustee** named by the decision: it takes its key-establishment steps as the room
 *   allows (`dueContribution`), keeping its key or seed in its store; after the encrypted tally it
 *   shuffles in its turn (non-homomorphic questions) and posts its partial decryption;
 * - as a **voter**: it accepts credentials only Olm-encrypted, from the group's pinned authority
 *   that set up the election, and only if each one is a credential of the election; it encrypts
 *   and signs a ballot per credential ({@link ElectionParticipant.cast}) and either hands them to
 *   the authority by encrypted to-device message (`relay`, the default: the room does not show who
 *   voted) or posts them itself (`direct`); it checks its trackers on the board, hands a missing
 *   ballot again, then posts it itself, and reports a ballot of its credential that replaced its
 *   own.
 *
 * The application calls {@link ElectionParticipant.handle} whenever the decisions room changes or
 * a wake-up it asked for comes.
 */
import { type GovernanceState, secretElectionParameters } from '@imago/governance';
import type { PlaintextBallot } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import { ElectionUnavailableError } from '../errors/election-unavailable-error';
import type { RoomLog } from '../replay/room-log';
import { type BallotDelivery, followReceipts, type StoredReceipt, sendBallot } from './ballot-delivery';
import { type BallotStatus, ballotStatus, trackerOf } from './ballot-tracker';
import { CREDENTIAL_MESSAGE_TYPE, readCredentialMessage } from './election-messages';
import { electionOfDecision } from './election-of-decision';
import { type ElectionActivity, keepElectionMessages, roleMachinery, secretDecisions } from './election-role';
import { ballotFor } from './election-steps';
import { type ElectionStore, readStored, writeStored } from './election-store';
import { replaySecretBallots, type SecretBallotsReplay } from './replay-secret-ballots';
import { trusteeDuties } from './trustee-duties';
import { acceptCredentials, heldCredentials } from './voter-credentials';

/** Options of {@link electionParticipant}. */
export interface ElectionParticipantOptions {
  /** The member's client (syncing, with its crypto started). */
  readonly client: MatrixClient;
  /** Where the trustee's key or seed, the credentials and the ballot receipts are kept. */
  readonly store: ElectionStore;
  /** Asks the application to call `handle` for the room again, at `at` (ms) or as soon as it can. */
  wake(roomId: string, at?: number): void;
  /** How ballots reach the room by default: `relay` (handed to the authority) or `direct`. Default `relay`. */
  readonly delivery?: BallotDelivery;
  /** How long a relayed ballot may be missing from the board before it is handed again, then posted directly (ms; default 15 000). */
  readonly relayTimeoutMs?: number;
  /** Reports what the participant does. */
  onActivity?(activity: ElectionActivity): void;
  /** The clock (ms); default `Date.now`. */
  now?(): number;
}

/** A ballot the voter cast, and where it stands. */
export interface BallotReceipt {
  /** The smart ballot tracker to look for on the board. */
  readonly tracker: string;
  readonly delivery: BallotDelivery;
  readonly status: BallotStatus;
}

/** What a voter holds for a decision's election. */
export interface VoterStatus {
  /** The election's uuid, once set up. */
  readonly election?: string;
  /** How many credentials this client holds for it (its weight, on a non-homomorphic question). */
  readonly credentials: number;
  readonly receipts: readonly BallotReceipt[];
}

/** A member's election duties and the voter's actions. */
export interface ElectionParticipant {
  /**
   * Takes every step now due in a decisions room (trustee steps, credentials received, ballots to
   * hand again): call it after each change of the room and at each wake-up it asks for.
   *
   * @param roomId - the decisions room.
   * @param log - the room's log.
   * @param state - the room's governance state evaluated now.
   * @param ballots - the room's elections, if already replayed.
   */
  handle(roomId: string, log: RoomLog, state: GovernanceState, ballots?: SecretBallotsReplay): Promise<void>;
  /**
   * Encrypts and signs the voter's choice with each of its credentials (in this process) and sends
   * the ballots; a later cast replaces an earlier one.
   *
   * @param roomId - the decisions room (handled at least once).
   * @param decision - the decision.
   * @param plaintext - one array per question (here one), as @imago/helios-c's `createBallot` takes.
   * @param delivery - `relay` or `direct` (default: the participant's).
   * @returns the receipts.
   * @throws {@link ElectionUnavailableError} without an election, a credential, or after voting ended.
   */
  cast(
    roomId: string,
    decision: string,
    plaintext: PlaintextBallot,
    delivery?: BallotDelivery,
  ): Promise<BallotReceipt[]>;
  /** What this client holds for a decision's election, and where its ballots stand. */
  status(roomId: string, decision: string): Promise<VoterStatus>;
  /** Stops listening for credentials. */
  stop(): void;
}

/**
 * Starts a member's election duties on a client.
 *
 * @param options - client, store, wake-up, ballot delivery, activity reports.
 * @returns the participant.
 * @example
 * ```ts
 * const me = electionParticipant({ client, store: memoryElectionStore(), wake: (roomId) => refresh(roomId) });
 * await me.handle(roomId, log, replayDecisions(log, { now: Date.now() }).state);
 * await me.cast(roomId, decision, [[1, 0]]);
 * ```
 */
export function electionParticipant(options: ElectionParticipantOptions): ElectionParticipant {
  const role = roleMachinery(options);
  const { store, now, report, serial } = role;
  const relayTimeout = options.relayTimeoutMs ?? 15_000;
  const lastReplay = new Map<string, SecretBallotsReplay>();

  // Kept until the room shows whether it comes from the election's administrator.
  const stopInbox = keepElectionMessages(
    options.client,
    store,
    CREDENTIAL_MESSAGE_TYPE,
    readCredentialMessage,
    (message, sender) => `inbox/${message.room}/${message.decision}/${sender}/${message.election}`,
    options.wake,
  );

  const handleRoom = async (
    roomId: string,
    log: RoomLog,
    state: GovernanceState,
    given?: SecretBallotsReplay,
  ) => {
    const ballots = given ?? replaySecretBallots(log);
    lastReplay.set(roomId, ballots);
    await acceptCredentials(role, roomId, state, ballots);
    for (const id of secretDecisions(state)) {
      const election = electionOfDecision(ballots.elections, id);
      try {
        await trusteeDuties(role, roomId, secretElectionParameters(state, id), ballots, election);
        if (election !== undefined) await followReceipts(role, roomId, id, election, relayTimeout);
      } catch (error) {
        report({ roomId, decision: id, step: 'failed', detail: (error as Error).message, level: 'warn' });
      }
    }
  };

  return {
    handle: (roomId, log, state, ballots) => serial(roomId, () => handleRoom(roomId, log, state, ballots)),
    async cast(roomId, decision, plaintext, delivery = options.delivery ?? 'relay') {
      const election = electionOfDecision(lastReplay.get(roomId)?.elections ?? new Map(), decision);
      if (election === undefined)
        throw new ElectionUnavailableError('no-election', `no election for ${decision} yet`);
      if (election.phase !== 'voting' || election.awaiting !== undefined)
        throw new ElectionUnavailableError('voting-ended', `voting on ${decision} has ended`);
      const held = await heldCredentials(store, roomId, decision);
      if (held?.election !== election.election)
        throw new ElectionUnavailableError('no-credential', `no credential for ${decision} on this device`);
      const receipts: StoredReceipt[] = [];
      for (const credential of held.credentials) {
        const ballot = ballotFor(election, credential, plaintext);
        receipts.push({
          ballot,
          delivery: await sendBallot(role, roomId, decision, election, ballot, delivery),
          attempts: 1,
          sentAt: now(),
        });
      }
      await writeStored(store, `voter/${roomId}/${decision}/receipts`, receipts);
      options.wake(roomId, now() + relayTimeout);
      return receipts.map((r) => ({
        tracker: trackerOf(r.ballot),
        delivery: r.delivery,
        status: 'missing' as const,
      }));
    },
    async status(roomId, decision) {
      const election = electionOfDecision(lastReplay.get(roomId)?.elections ?? new Map(), decision);
      const held = await heldCredentials(store, roomId, decision);
      const receipts =
        (await readStored<StoredReceipt[]>(store, `voter/${roomId}/${decision}/receipts`)) ?? [];
      const usable = held !== undefined && held.election === election?.election;
      return {
        ...(election ? { election: election.election } : {}),
        credentials: usable ? held.credentials.length : 0,
        receipts: receipts.map((r) => ({
          tracker: trackerOf(r.ballot),
          delivery: r.delivery,
          status: election ? ballotStatus(election, r.ballot) : 'missing',
        })),
      };
    },
    stop: stopInbox,
  };
}
