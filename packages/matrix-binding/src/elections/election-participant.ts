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
import {
  type GovernanceState,
  type SecretElectionParameters,
  secretElectionParameters,
} from '@imago/governance';
import { derivePublicCredential, type PlaintextBallot } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEncryptedToDevice } from '../client/encrypted-to-device';
import { ElectionUnavailableError } from '../errors/election-unavailable-error';
import type { RoomLog } from '../replay/room-log';
import { type BallotStatus, ballotStatus, trackerOf } from './ballot-tracker';
import type { ElectionActivity } from './election-authority';
import {
  CREDENTIAL_MESSAGE_TYPE,
  type CredentialMessage,
  RELAYED_BALLOT_TYPE,
  readCredentialMessage,
} from './election-messages';
import {
  electionCredentials,
  keepElectionMessages,
  owners,
  roleMachinery,
  secretDecisions,
} from './election-role';
import { ballotFor, partialDecryptionStep, shuffleStep } from './election-steps';
import { type ElectionStore, readStored, writeStored } from './election-store';
import {
  electionOfDecision,
  replaySecretBallots,
  type SecretBallotReplay,
  type SecretBallotsReplay,
} from './replay-secret-ballots';
import { castBallot, postStep, postTrusteeContribution } from './secret-ballot-actions';
import { dueContribution, type TrusteeSecret, trusteeDecryptionKey } from './trustee-key-establishment';

/** How a voter's ballots reach the room. */
export type BallotDelivery = 'relay' | 'direct';

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

interface HeldCredentials {
  readonly election: string;
  readonly credentials: readonly string[];
}

interface StoredReceipt {
  readonly ballot: string;
  delivery: BallotDelivery;
  attempts: number;
  sentAt: number;
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
  const { client, store } = options;
  const me = client.getSafeUserId();
  const relayTimeout = options.relayTimeoutMs ?? 15_000;
  const lastReplay = new Map<string, SecretBallotsReplay>();
  const { now, report, once, serial } = roleMachinery(options);

  // Kept until the room shows whether it comes from the election's administrator.
  const stopInbox = keepElectionMessages(
    client,
    store,
    CREDENTIAL_MESSAGE_TYPE,
    readCredentialMessage,
    (message, sender) => `inbox/${message.room}/${message.decision}/${sender}/${message.election}`,
    options.wake,
  );

  /** Credentials from the inbox that the room confirms: the pinned authority's, of its election. */
  const acceptCredentials = async (roomId: string, state: GovernanceState, ballots: SecretBallotsReplay) => {
    for (const key of await store.list(`inbox/${roomId}/`)) {
      const entry = await readStored<{ sender: string; message: CredentialMessage }>(store, key);
      if (entry === undefined) {
        await store.delete(key);
        continue;
      }
      const { sender, message } = entry;
      const election = electionOfDecision(ballots.elections, message.decision);
      if (election === undefined) continue; // the Setup has not come yet
      const usable = electionCredentials(election);
      const valid =
        state.authority.includes(sender) &&
        sender === election.administrator &&
        message.election === election.election &&
        usable !== undefined &&
        message.credentials.length > 0 &&
        message.credentials.every((credential) => {
          try {
            const group = usable.election.group;
            return usable.known.has(
              group.toString(derivePublicCredential(group, election.election, credential)),
            );
          } catch {
            return false;
          }
        });
      await store.delete(key);
      const at = { roomId, decision: message.decision, election: election.election };
      if (!valid) {
        report({
          ...at,
          step: 'credentials',
          detail: `credentials from ${sender} refused: not the election’s authority or not its credentials`,
          level: 'warn',
        });
        continue;
      }
      const heldKey = `voter/${roomId}/${message.decision}/credentials`;
      const held = await readStored<HeldCredentials>(store, heldKey);
      if (held?.election === election.election) continue;
      await writeStored(store, heldKey, { election: election.election, credentials: message.credentials });
      report({
        ...at,
        step: 'credentials',
        detail: `${message.credentials.length} credential(s) received from the authority`,
      });
    }
  };

  const trusteeSteps = async (
    roomId: string,
    parameters: SecretElectionParameters,
    ballots: SecretBallotsReplay,
    election: SecretBallotReplay | undefined,
  ) => {
    const members = parameters.trustees.members;
    const index = members.indexOf(me);
    if (index < 0) return;
    const decision = parameters.decision;
    const contributions = ballots.contributions.get(decision) ?? new Map();
    const secretKey = `trustee/${roomId}/${decision}`;
    const secret = await readStored<TrusteeSecret>(store, secretKey);
    const at = { roomId, decision, ...(election ? { election: election.election } : {}) };
    if (election === undefined) {
      const due = dueContribution(parameters, me, contributions, secret);
      if (due === undefined) return;
      if (secret === undefined) await writeStored(store, secretKey, due.secret);
      if (
        await once(`${decision}:${due.contribution.step}`, () =>
          postTrusteeContribution(client, roomId, due.contribution),
        )
      )
        report({
          ...at,
          step: due.contribution.step,
          detail: `posted my ${due.contribution.step} as trustee ${index + 2}`,
        });
      return;
    }
    if (election.phase !== 'tallied' || secret === undefined) return;
    const owner = index + 2;
    const needed = parameters.trustees.threshold ?? members.length;
    if (!parameters.homomorphic && !election.steps.some((s) => s.type === 'EndShuffles')) {
      const shuffled = owners(election, 'Shuffle');
      // Member trustees shuffle in their order, until as many as must decrypt have shuffled.
      const mine =
        !shuffled.has(owner) &&
        members.slice(0, index).every((_, i) => shuffled.has(i + 2)) &&
        index < needed;
      if (
        mine &&
        (await once(`${election.election}:Shuffle`, () =>
          postStep(client, roomId, election.election, shuffleStep(election, owner)),
        ))
      )
        report({ ...at, step: 'Shuffle', detail: `shuffled as trustee ${owner}` });
      return;
    }
    const decrypted = owners(election, 'PartialDecryption');
    if (decrypted.has(owner) || members.filter((_, i) => decrypted.has(i + 2)).length >= needed) return;
    const key = trusteeDecryptionKey(parameters, me, contributions, secret);
    if (
      await once(`${election.election}:PartialDecryption`, () =>
        postStep(client, roomId, election.election, partialDecryptionStep(election, owner, key)),
      )
    )
      report({ ...at, step: 'PartialDecryption', detail: `decrypted as trustee ${owner}` });
  };

  const send = async (
    roomId: string,
    decision: string,
    election: SecretBallotReplay,
    ballot: string,
    delivery: BallotDelivery,
  ) => {
    if (delivery === 'relay') {
      const reached = await sendEncryptedToDevice(
        client,
        RELAYED_BALLOT_TYPE,
        new Map([[election.administrator, { room: roomId, decision, election: election.election, ballot }]]),
      );
      if ((reached.get(election.administrator) ?? 0) > 0) return 'relay';
    }
    await castBallot(client, roomId, election.election, ballot);
    return 'direct';
  };

  /** Hands a missing relayed ballot again, then posts it itself; warns about a replaced one. */
  const followReceipts = async (roomId: string, decision: string, election: SecretBallotReplay) => {
    const key = `voter/${roomId}/${decision}/receipts`;
    const receipts = await readStored<StoredReceipt[]>(store, key);
    if (receipts === undefined) return;
    let changed = false;
    for (const receipt of receipts) {
      const status = ballotStatus(election, receipt.ballot);
      const at = { roomId, decision, election: election.election };
      if (
        status === 'replaced' &&
        (await once(`${trackerOf(receipt.ballot)}:replaced`, async () => undefined))
      )
        report({
          ...at,
          step: 'ballot',
          detail: `ballot ${trackerOf(receipt.ballot)} was replaced by another ballot of its credential`,
          level: 'warn',
        });
      if (status !== 'missing' || election.phase !== 'voting') continue;
      const due = receipt.sentAt + relayTimeout;
      if (now() < due) {
        options.wake(roomId, due);
        continue;
      }
      const delivery: BallotDelivery =
        receipt.delivery === 'relay' && receipt.attempts < 2 ? 'relay' : 'direct';
      receipt.delivery = await send(roomId, decision, election, receipt.ballot, delivery);
      receipt.attempts++;
      receipt.sentAt = now();
      changed = true;
      report({
        ...at,
        step: 'ballot',
        detail: `ballot ${trackerOf(receipt.ballot)} not on the board: sent again (${receipt.delivery})`,
        level: 'warn',
      });
      options.wake(roomId, receipt.sentAt + relayTimeout);
    }
    if (changed) await writeStored(store, key, receipts);
  };

  const handleRoom = async (
    roomId: string,
    log: RoomLog,
    state: GovernanceState,
    given?: SecretBallotsReplay,
  ) => {
    const ballots = given ?? replaySecretBallots(log);
    lastReplay.set(roomId, ballots);
    await acceptCredentials(roomId, state, ballots);
    for (const id of secretDecisions(state)) {
      const election = electionOfDecision(ballots.elections, id);
      try {
        await trusteeSteps(roomId, secretElectionParameters(state, id), ballots, election);
        if (election !== undefined) await followReceipts(roomId, id, election);
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
      if (election.phase !== 'voting')
        throw new ElectionUnavailableError('voting-ended', `voting on ${decision} has ended`);
      const held = await readStored<HeldCredentials>(store, `voter/${roomId}/${decision}/credentials`);
      if (held?.election !== election.election)
        throw new ElectionUnavailableError('no-credential', `no credential for ${decision} on this device`);
      const receipts: StoredReceipt[] = [];
      for (const credential of held.credentials) {
        const ballot = ballotFor(election, credential, plaintext);
        receipts.push({
          ballot,
          delivery: await send(roomId, decision, election, ballot, delivery),
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
      const held = await readStored<HeldCredentials>(store, `voter/${roomId}/${decision}/credentials`);
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
