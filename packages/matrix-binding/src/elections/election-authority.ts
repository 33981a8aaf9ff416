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
  GovernanceEventTypes,
  type GovernanceState,
  type SecretElectionParameters,
  secretElectionParameters,
} from '@imago/governance';
import { dataHash, verifyBallot } from '@imago/helios-c';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEncryptedToDevice } from '../client/encrypted-to-device';
import { sendGovernanceEvent } from '../governance/decision-actions';
import { logEvents, type RoomLog } from '../replay/room-log';
import {
  CREDENTIAL_MESSAGE_TYPE,
  RELAYED_BALLOT_TYPE,
  type RelayedBallot,
  readRelayedBallot,
} from './election-messages';
import { checkElectionOfDecision, secretResultContent } from './election-of-decision';
import {
  electionCredentials,
  keepElectionMessages,
  owners,
  roleMachinery,
  secretDecisions,
} from './election-role';
import { type PreparedElection, prepareElection } from './election-setup';
import { encryptedTallyStep, partialDecryptionStep, resultStep, shuffleStep } from './election-steps';
import { type ElectionStore, readStored, writeStored } from './election-store';
import {
  electionOfDecision,
  exportBelArchive,
  replaySecretBallots,
  type SecretBallotReplay,
  type SecretBallotsReplay,
  verifyElection,
} from './replay-secret-ballots';
import { castBallot, postStep } from './secret-ballot-actions';

/** Something an election participant did or could not do, for the application's log. */
export interface ElectionActivity {
  readonly roomId: string;
  readonly decision: string;
  /** The election's uuid, once set up. */
  readonly election?: string;
  /** What happened: a step posted (`Setup`, `EndBallots`…), `credentials`, `relayed-ballot`, `waiting`, `failed`… */
  readonly step: string;
  readonly detail: string;
  readonly level: 'info' | 'warn';
}

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

/** When to try again to deliver credentials to a voter whose devices are not known yet (ms). */
const DELIVERY_RETRY_MS = 3_000;

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
  const { client, store } = options;
  const me = client.getSafeUserId();
  const { now, report, once, first, serial } = roleMachinery(options);

  // A ballot handed over is kept before anything else.
  const stopRelay = keepElectionMessages(
    client,
    store,
    RELAYED_BALLOT_TYPE,
    readRelayedBallot,
    (relayed) => `relay/${relayed.room}/${dataHash(relayed.ballot)}`,
    options.wake,
  );

  const deliver = async (roomId: string, election: SecretBallotReplay, prepared: PreparedElection) => {
    const key = `authority/${roomId}/${prepared.decision}/delivered`;
    const delivered = new Set((await readStored<string[]>(store, key)) ?? []);
    let pending = Object.keys(prepared.credentials ?? {}).filter((member) => !delivered.has(member));
    if (pending.length === 0) return;
    if (pending.includes(me)) {
      // The authority's own credentials go to its own voter's store (Olm has no session with oneself).
      await writeStored(store, `voter/${roomId}/${prepared.decision}/credentials`, {
        election: election.election,
        credentials: prepared.credentials?.[me] ?? [],
      });
      delivered.add(me);
      pending = pending.filter((member) => member !== me);
      await writeStored(store, key, [...delivered].sort());
      if (pending.length === 0) return;
    }
    const messages = new Map(
      pending.map((member) => [
        member,
        {
          room: roomId,
          decision: prepared.decision,
          election: election.election,
          credentials: [...(prepared.credentials?.[member] ?? [])],
        },
      ]),
    );
    const reached = await sendEncryptedToDevice(client, CREDENTIAL_MESSAGE_TYPE, messages);
    const unreached = pending.filter((member) => (reached.get(member) ?? 0) === 0);
    for (const member of pending) if (!unreached.includes(member)) delivered.add(member);
    await writeStored(store, key, [...delivered].sort());
    const at = { roomId, decision: prepared.decision, election: election.election };
    if (pending.length > unreached.length)
      report({
        ...at,
        step: 'credentials',
        detail: `credentials sent Olm-encrypted to ${pending.length - unreached.length} voter(s)`,
      });
    if (unreached.length > 0) {
      report({
        ...at,
        step: 'credentials',
        detail: `no known device yet for ${unreached.join(', ')} (they must share an encrypted room with the authority)`,
        level: 'warn',
      });
      options.wake(roomId, now() + DELIVERY_RETRY_MS);
    }
  };

  const postRelayed = async (roomId: string, election: SecretBallotReplay) => {
    const relayedActivity = (relayed: RelayedBallot, detail: string, level?: 'warn') =>
      report({
        roomId,
        decision: relayed.decision,
        election: election.election,
        step: 'relayed-ballot',
        detail,
        ...(level ? { level } : {}),
      });
    const usable = electionCredentials(election);
    const onBoard = new Set(election.steps.filter((s) => s.type === 'Ballot').map((s) => s.payload));
    for (const key of await store.list(`relay/${roomId}/`)) {
      const relayed = (await readStored<{ message: RelayedBallot }>(store, key))?.message;
      if (relayed === undefined || relayed.election !== election.election) continue;
      const hash = dataHash(relayed.ballot.replace(/\n$/, ''));
      if (onBoard.has(hash) || election.phase !== 'voting') {
        if (!onBoard.has(hash)) relayedActivity(relayed, 'a ballot handed over after voting ended', 'warn');
        await store.delete(key);
        continue;
      }
      if (!usable || !verifyBallot(usable.election, relayed.ballot, (c) => usable.known.has(c)).ok) {
        relayedActivity(relayed, 'a handed-over ballot does not verify: not posted', 'warn');
        await store.delete(key);
        continue;
      }
      if (await once(`ballot:${hash}`, () => castBallot(client, roomId, election.election, relayed.ballot)))
        relayedActivity(relayed, 'posted a ballot handed over by a voter');
    }
  };

  const resultPublished = (log: RoomLog, decision: string) =>
    logEvents(log).some(
      (e) =>
        e.kind === 'governance' &&
        e.type === GovernanceEventTypes.secretResult &&
        e.sender === me &&
        (e.content as { decision?: unknown }).decision === decision,
    );

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
    let prepared = await readStored<PreparedElection>(store, `${key}/prepared`);
    if (election === undefined) {
      if (decision.status !== 'open') return;
      if (prepared === undefined) {
        const made = prepareElection(parameters, contributions, me, now());
        if ('waiting' in made) {
          if (first(`waiting:${id}:${made.waiting.join(',')}`))
            report({
              roomId,
              decision: id,
              step: 'waiting',
              detail: `waiting for the keys of ${made.waiting.join(', ')}`,
            });
          return;
        }
        if ('invalid' in made) {
          report({
            roomId,
            decision: id,
            step: 'failed',
            detail: `${made.member ?? 'key establishment'}: ${made.invalid}`,
            level: 'warn',
          });
          return;
        }
        prepared = made;
        await writeStored(store, `${key}/prepared`, prepared);
      }
      const ready = prepared;
      if (
        await once(`Setup:${id}`, () =>
          postStep(client, roomId, ready.uuid, ready.setup, {
            timestamp: ready.timestamp,
            decision: id,
            trustees: ready.trustees,
          }),
        )
      )
        report({
          roomId,
          decision: id,
          election: ready.uuid,
          step: 'Setup',
          detail: `election set up: trustees ${ready.trustees.join(', ')}`,
        });
      return;
    }
    const at = { roomId, decision: id, election: election.election };
    if (prepared === undefined || prepared.uuid !== election.election) {
      if (first(`lost:${election.election}`))
        report({
          ...at,
          step: 'failed',
          detail: 'this election’s keys are not in the store: it cannot be decrypted here',
          level: 'warn',
        });
      return;
    }
    if (election.phase === 'voting') {
      if (prepared.credentials !== undefined) await deliver(roomId, election, prepared);
      await postRelayed(roomId, election);
      if (now() < decision.closesAt) {
        options.wake(roomId, decision.closesAt);
        return;
      }
      if (
        await once(`EndBallots:${election.election}`, () =>
          postStep(client, roomId, election.election, { type: 'EndBallots', data: [] }),
        )
      )
        report({ ...at, step: 'EndBallots', detail: 'voting ended' });
      return;
    }
    if (prepared.credentials !== undefined) {
      // Voting has ended: the credential authority forgets the private credentials.
      const { credentials: _, ...kept } = prepared;
      await writeStored(store, `${key}/prepared`, kept);
    }
    await postRelayed(roomId, election);
    if (election.phase === 'ended') {
      if (
        await once(`EncryptedTally:${election.election}`, () =>
          postStep(client, roomId, election.election, encryptedTallyStep(election)),
        )
      )
        report({
          ...at,
          step: 'EncryptedTally',
          detail: `encrypted tally of ${election.steps.filter((s) => s.type === 'Ballot').length} ballot(s)`,
        });
      return;
    }
    const members = parameters.trustees.members;
    const needed = parameters.trustees.threshold ?? members.length;
    if (election.phase === 'tallied') {
      if (!parameters.homomorphic && !election.steps.some((s) => s.type === 'EndShuffles')) {
        const shuffled = owners(election, 'Shuffle');
        if (members.length === 0 && !shuffled.has(1)) {
          if (
            await once(`Shuffle:${election.election}`, () =>
              postStep(client, roomId, election.election, shuffleStep(election, 1)),
            )
          )
            report({ ...at, step: 'Shuffle', detail: 'shuffled as the only trustee' });
          return;
        }
        const done = members.length === 0 ? 1 : members.filter((_, i) => shuffled.has(i + 2)).length;
        if (done >= Math.max(needed, 1)) {
          if (
            await once(`EndShuffles:${election.election}`, () =>
              postStep(client, roomId, election.election, { type: 'EndShuffles', data: [] }),
            )
          )
            report({ ...at, step: 'EndShuffles', detail: `${done} trustee(s) shuffled` });
        }
        return;
      }
      const decrypted = owners(election, 'PartialDecryption');
      if (!decrypted.has(1)) {
        const secretKey = BigInt(prepared.secretKey);
        if (
          await once(`PartialDecryption:${election.election}`, () =>
            postStep(client, roomId, election.election, partialDecryptionStep(election, 1, secretKey)),
          )
        )
          report({ ...at, step: 'PartialDecryption', detail: 'the authority’s partial decryption' });
        return;
      }
      if (members.filter((_, i) => decrypted.has(i + 2)).length >= needed) {
        if (
          await once(`Result:${election.election}`, () =>
            postStep(client, roomId, election.election, resultStep(election)),
          )
        )
          report({ ...at, step: 'Result', detail: 'the result, from the trustees’ partial decryptions' });
      }
      return;
    }
    if (election.phase === 'done' && decision.status === 'closed' && !resultPublished(log, id)) {
      await once(`secret.result:${election.election}`, async () => {
        const verification = await verifyElection(election);
        const check = checkElectionOfDecision(election, parameters, contributions);
        const content = secretResultContent(election);
        if (!verification.ok || !check.ok || content === undefined) {
          const why = [...verification.issues.map((i) => i.check), ...check.issues.map((i) => i.detail)].join(
            '; ',
          );
          report({ ...at, step: 'failed', detail: `the election does not verify: ${why}`, level: 'warn' });
          return;
        }
        await options.verify?.(exportBelArchive(election), election);
        await sendGovernanceEvent(client, roomId, GovernanceEventTypes.secretResult, { ...content });
        report({
          ...at,
          step: 'secret.result',
          detail: `verified archive ${content.evidence}; result published`,
        });
      });
    }
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
