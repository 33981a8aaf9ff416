/**
 * @module
 * Following a room live, as the I/O shell of a {@link FollowedLog}. The history is read once,
 * backwards from the present in pages of 1000 (`history-reading.ts`), or the follower opens at a
 * checkpoint, right after its event; from then on the live feed reads forward from the token where
 * it stopped, whenever sync says the room has something new and after every reconnection
 * (`live-feed.ts`). So the log takes events in the room's order as the homeserver serves it to
 * everyone (the order of a fresh replay), the homeserver's copy of the follower's own events (never
 * a local echo), nothing missed by a gappy sync or while offline, and nothing of the history read
 * twice.
 *
 * What sync delivers is folded at once, at the end of the log, provisionally (`live-feed.ts`): the
 * reading that follows places it where the room's order puts it, which is almost always where it
 * already stands; if not, the log is rebuilt.
 *
 * An event sync announced that forward reading did not return (an event from another server that
 * the room's order places before events already read) is placed after the event the homeserver
 * says precedes it (`announced-events.ts`). Encrypted events are held until decrypted; one
 * decrypted later (its key came late) replaces its undecryptable form (`follower-decryption.ts`).
 * A redaction of an event already read waits for the homeserver's copy of that event (`GET
 * /event`), stripped if the homeserver applied the redaction, as a fresh history would serve it.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import type { DecisionsReplay, ReplayDecisionsOptions } from '../governance/replay-decisions';
import { FollowedLog, type FollowedLogBase, type FollowedLogOptions, type LogChange } from './followed-log';
import { type FollowerDecryption, followerDecryption } from './follower-decryption';
import { type FollowerSession, tokenAfter } from './follower-session';
import { readHistory } from './history-reading';
import { liveFeed } from './live-feed';
import type { AppendOptions, RoomLog } from './room-log';
import { eventIdOf } from './served-event';

/** What a follower has read from the homeserver so far. */
export interface FollowerStats {
  /** Events read from the history (backwards, at start). */
  readonly historyEvents: number;
  /** `GET /messages` requests reading the history. */
  readonly historyRequests: number;
  /** Events read forward after the start. */
  readonly forwardEvents: number;
  /** `GET /messages` requests reading forward. */
  readonly forwardRequests: number;
  /** Events placed from `GET /context` (announced by sync, before events already read). */
  readonly contextEvents: number;
  /** Homeserver copies read after redactions. */
  readonly refreshes: number;
  /** Times the log was rebuilt because an earlier part of it changed. */
  readonly rebuilds: number;
}

/** A live view of a room's log. */
export interface RoomFollower {
  /** The log as it stands (a view: read it, do not keep it across changes). */
  readonly log: () => RoomLog;
  /** The raw events of the log, in the room's order. */
  readonly events: () => RawMatrixEvent[];
  /**
   * The decisions replay of the log, kept incrementally (with the `decisions` option).
   *
   * @param now - evaluate at this time.
   */
  readonly decisions: (now?: number) => DecisionsReplay | undefined;
  /** Where the log stands: its last event and the decisions fold after it (with `decisions`). */
  readonly snapshot: () => FollowedLogBase | undefined;
  /** Rebuilds the decisions fold, e.g. when sub-group memberships or verified results changed. */
  readonly refold: (options?: ReplayDecisionsOptions) => void;
  /**
   * Number of events at the end of the log taken as sync delivered them, that no reading of the
   * room's order has placed yet (their place may still change: the log is then rebuilt).
   */
  readonly unconfirmed: () => number;
  /** What was read so far. */
  readonly stats: () => FollowerStats;
  /** Resolves when the follower has read everything the homeserver announced so far. */
  readonly settled: () => Promise<void>;
  /** Stops following. */
  readonly stop: () => void;
}

/** Options of {@link followRoom}. */
export interface FollowRoomOptions extends AppendOptions {
  /** Called with the log after each change, and what changed. */
  onChange?: (log: RoomLog, change: LogChange) => void;
  /** Keep the room's decisions replay up to date, folding each new event (`true`: default options). */
  decisions?: ReplayDecisionsOptions | boolean;
  /** Events per `GET /messages` request (default 1000, what Synapse serves at most). */
  pageSize?: number;
  /** Start after a checkpoint rather than at the room's creation (see {@link followDecisions}). */
  base?: FollowedLogBase;
  /** Called with the decisions fold right after this event is folded (to check a checkpoint). */
  mark?: FollowedLogOptions['mark'];
}

/** Default page size: Synapse serves at most 1000 events per `GET /messages`. */
export const FOLLOW_PAGE_SIZE = 1000;

/** The follower's state and its decryptions, its log fed by the stages. */
function followerSession(
  client: MatrixClient,
  roomId: string,
  options: FollowRoomOptions,
): { session: FollowerSession; decryption: FollowerDecryption } {
  const followed = new FollowedLog(roomId, {
    ...(options.mayRedact ? { mayRedact: options.mayRedact } : {}),
    ...(options.decisions === undefined ? {} : { decisions: options.decisions }),
    ...(options.base ? { base: options.base } : {}),
    ...(options.mark ? { mark: options.mark } : {}),
  });
  const session: FollowerSession = {
    client,
    roomId,
    pageSize: options.pageSize ?? FOLLOW_PAGE_SIZE,
    followed,
    stats: {
      historyEvents: 0,
      historyRequests: 0,
      forwardEvents: 0,
      forwardRequests: 0,
      contextEvents: 0,
      refreshes: 0,
      rebuilds: 0,
    },
    stopped: false,
    token: undefined,
    last: options.base?.eventId ?? null,
    announced: new Set(),
    live: false,
    resync: false,
    changed: (change) => {
      if (change === undefined || session.stopped) return;
      if (change.rebuilt) session.stats.rebuilds++;
      options.onChange?.(followed.log, change);
    },
    propose: (events) => session.changed(followed.propose(events)),
    // Reading starts once the decryption below exists.
    receive: (after, events) => {
      const { ids, done } = decryption.decrypt(events);
      session.changed(followed.receive({ after, events }, ids));
      for (const raw of events) {
        const id = eventIdOf(raw);
        if (id !== undefined) session.announced.delete(id);
      }
      return done;
    },
  };
  const decryption = followerDecryption(session);
  return { session, decryption };
}

/**
 * Follows a room: its history first, then everything new, in the room's order.
 *
 * @param client - a syncing client in the room.
 * @param roomId - the room.
 * @param options - change callback, redaction rights, the decisions fold, page size.
 * @returns the follower, once the history is read (and decrypted where possible).
 * @throws {@link HomeserverError} (operation `read-history`) when the history cannot be read.
 * @example
 * ```ts
 * const follower = await followRoom(client, rooms.decisions, {
 *   decisions: true,
 *   onChange: () => render(follower.decisions(Date.now())?.state),
 * });
 * ```
 */
export async function followRoom(
  client: MatrixClient,
  roomId: string,
  options: FollowRoomOptions = {},
): Promise<RoomFollower> {
  const { session, decryption } = followerSession(client, roomId, options);
  const { followed, stats } = session;
  const feed = liveFeed(session);
  try {
    if (options.base) {
      // The token right after the checkpoint's event, to read forward from there.
      session.token = await tokenAfter(session, options.base.eventId);
    } else {
      await readHistory(session);
    }
    await feed.read();
    session.live = true;
  } catch (cause) {
    feed.unsubscribe();
    session.stopped = true;
    throw new HomeserverError('read-history', `cannot read the history of ${roomId}`, { cause });
  }

  return {
    log: () => followed.log,
    events: () => followed.events(),
    decisions: (now) => followed.decisions(now),
    snapshot: () => followed.snapshot(),
    refold: (decisions) => {
      followed.refold(decisions);
      session.changed({ events: [], rebuilt: true });
    },
    unconfirmed: () => followed.unconfirmed,
    stats: () => ({ ...stats }),
    settled: async () => {
      for (let reading = feed.reading(); reading; reading = feed.reading()) await reading;
    },
    stop: () => {
      session.stopped = true;
      feed.unsubscribe();
      decryption.stop();
    },
  };
}
