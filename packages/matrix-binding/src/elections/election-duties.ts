/**
 * @module
 * One entry point for an application taking part in its groups' secret elections: give it the
 * decisions room's log whenever it changes ({@link ElectionDuties.update}), and it replays the
 * elections, verifies the finished ones (once each), evaluates the governance state now with the
 * one verifier of secret results, and runs the roles the client holds — the group's authority's
 * ({@link electionAuthority}) and a member's ({@link electionParticipant}) — waking itself up when
 * a step falls due (the end of a vote, a ballot to hand again).
 */
import type { GovernanceContext, GroupId, MemberId } from '@imago/governance';
import type { MatrixClient } from 'matrix-js-sdk';
import { type DecisionsReplay, replayDecisions } from '../governance/replay-decisions';
import type { RoomLog } from '../replay/room-log';
import type { BallotDelivery } from './ballot-delivery';
import { type ElectionAuthority, electionAuthority } from './election-authority';
import { type ElectionParticipant, electionParticipant } from './election-participant';
import type { ElectionActivity } from './election-role';
import type { SecretBallotReplay } from './election-state';
import type { ElectionStore } from './election-store';
import { replaySecretBallots, type SecretBallotsReplay } from './replay-secret-ballots';
import { secretResultVerifier, verifiedElections } from './secret-result';

/** Options of {@link electionDuties}. */
export interface ElectionDutiesOptions {
  /** The client (syncing, with its crypto started). */
  readonly client: MatrixClient;
  /** Where keys, credentials, relayed ballots and receipts are kept. */
  readonly store: ElectionStore;
  /** Run the authority's role where the client is the group's authority (default `false`). */
  readonly authority?: boolean;
  /** Run a member's role: trustee steps, credentials, ballots (default `true`). */
  readonly participant?: boolean;
  /** How this member's ballots reach the room by default (see `electionParticipant`). */
  readonly delivery?: BallotDelivery;
  /** See `electionParticipant`'s `relayTimeoutMs`. */
  readonly relayTimeoutMs?: number;
  /** Members of sub-groups, for delegations to groups (as `replayDecisions` takes them). */
  groups?(): ReadonlyMap<GroupId, ReadonlySet<MemberId>>;
  /** The authority's extra verification of an archive before publishing its result (see `electionAuthority`). */
  verify?(archive: Uint8Array, election: SecretBallotReplay): Promise<void>;
  /** Reports what the roles do. */
  onActivity?(activity: ElectionActivity): void;
  /** Called after each update of a room, with what it replayed (e.g. to refresh a view). */
  onUpdate?(roomId: string, replay: ElectionsUpdate): void;
  /** Reports an update that failed (the next change of the room tries again). */
  onError?(roomId: string, error: Error): void;
}

/** What an update replayed. */
export interface ElectionsUpdate {
  readonly ballots: SecretBallotsReplay;
  /** The uuids of the finished elections whose archive verified. */
  readonly verified: ReadonlySet<string>;
  /** The governance replay evaluated now, secret results checked by the one verifier. */
  readonly decisions: DecisionsReplay;
  /** The `verifySecretResult` hook this update used (for the application's own replays). */
  readonly verifySecretResult: NonNullable<GovernanceContext['verifySecretResult']>;
}

/** An application's part in its groups' elections. */
export interface ElectionDuties {
  /**
   * Replays a decisions room and takes the steps due: call it after each change of the room.
   *
   * @param roomId - the decisions room.
   * @param log - its log.
   * @returns what was replayed.
   */
  update(roomId: string, log: RoomLog): Promise<ElectionsUpdate>;
  /** The last update of a room, if any. */
  last(roomId: string): ElectionsUpdate | undefined;
  /** The member's role (casting ballots, their status), when it runs. */
  readonly participant?: ElectionParticipant;
  /** The authority's role, when it runs. */
  readonly authority?: ElectionAuthority;
  /** Stops the roles and the wake-ups. */
  stop(): void;
}

/**
 * Starts an application's election duties.
 *
 * @param options - client, store, roles, sub-groups, reports.
 * @returns the duties; feed them each change of a decisions room.
 * @example
 * ```ts
 * const duties = electionDuties({ client, store: memoryElectionStore() });
 * const follower = await followRoom(client, decisionsRoom, { onChange: (log) => void duties.update(decisionsRoom, log) });
 * await duties.update(decisionsRoom, follower.log());
 * await duties.participant?.cast(decisionsRoom, decision, [[1, 0]]);
 * ```
 */
export function electionDuties(options: ElectionDutiesOptions): ElectionDuties {
  const logs = new Map<string, RoomLog>();
  const updates = new Map<string, ElectionsUpdate>();
  const timers = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> }>();
  const known = new Map<string, boolean>();
  let stopped = false;

  const wake = (roomId: string, at = Date.now()) => {
    if (stopped) return;
    const existing = timers.get(roomId);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(
      () => {
        timers.delete(roomId);
        const log = logs.get(roomId);
        if (log) update(roomId, log).catch((error: Error) => options.onError?.(roomId, error));
      },
      Math.max(0, at - Date.now()),
    );
    timers.set(roomId, { at, timer });
  };
  const roles = {
    client: options.client,
    store: options.store,
    wake,
    ...(options.onActivity ? { onActivity: options.onActivity } : {}),
  };
  const authority = options.authority
    ? electionAuthority({ ...roles, ...(options.verify ? { verify: options.verify } : {}) })
    : undefined;
  const participant =
    options.participant === false
      ? undefined
      : electionParticipant({
          ...roles,
          ...(options.delivery ? { delivery: options.delivery } : {}),
          ...(options.relayTimeoutMs ? { relayTimeoutMs: options.relayTimeoutMs } : {}),
        });

  const run = async (roomId: string, log: RoomLog): Promise<ElectionsUpdate> => {
    const ballots = replaySecretBallots(log);
    const verified = await verifiedElections(ballots.elections, known);
    const verifySecretResult = secretResultVerifier(ballots, verified);
    const groups = options.groups?.();
    const decisions = replayDecisions(log, {
      now: Date.now(),
      verifySecretResult,
      ...(groups ? { groups } : {}),
    });
    const done: ElectionsUpdate = { ballots, verified, decisions, verifySecretResult };
    updates.set(roomId, done);
    if (!stopped) {
      await authority?.handle(roomId, log, decisions.state, ballots);
      await participant?.handle(roomId, log, decisions.state, ballots);
    }
    options.onUpdate?.(roomId, done);
    return done;
  };

  // Changes that come while a room is being updated are taken together, with the latest log.
  const running = new Map<string, Promise<ElectionsUpdate>>();
  const again = new Map<string, Promise<ElectionsUpdate>>();
  const update = (roomId: string, log: RoomLog): Promise<ElectionsUpdate> => {
    logs.set(roomId, log);
    const queued = again.get(roomId);
    if (queued) return queued;
    const current = running.get(roomId);
    const start = (): Promise<ElectionsUpdate> => {
      again.delete(roomId);
      const next = run(roomId, logs.get(roomId) as RoomLog).finally(() => {
        if (running.get(roomId) === next) running.delete(roomId);
      });
      running.set(roomId, next);
      return next;
    };
    if (current === undefined) return start();
    const later = current.catch(() => undefined).then(start);
    again.set(roomId, later);
    return later;
  };

  return {
    update,
    last: (roomId) => updates.get(roomId),
    ...(participant ? { participant } : {}),
    ...(authority ? { authority } : {}),
    stop() {
      stopped = true;
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
      authority?.stop();
      participant?.stop();
    },
  };
}
