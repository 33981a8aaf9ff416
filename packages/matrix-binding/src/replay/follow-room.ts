/**
 * @module
 * Following a room live, as the I/O shell of a {@link FollowedLog}. The history is read once,
 * backwards from the present in pages of 1000; from then on the follower reads forward from the
 * token where it stopped (`GET /messages?dir=f&from=…`), whenever sync says the room has something
 * new and after every reconnection. So the log takes events in the room's order as the homeserver
 * serves it to everyone (the order of a fresh replay), the homeserver's copy of the follower's own
 * events (never a local echo), nothing missed by a gappy sync or while offline, and nothing of the
 * history read twice.
 *
 * An event sync announced that forward reading did not return (an event from another server that
 * the room's order places before events already read) is placed after the event the homeserver
 * says precedes it (`GET /context`). Encrypted events are held until decrypted; one decrypted
 * later (its key came late) replaces its undecryptable form. A redaction of an event already read
 * waits for the homeserver's copy of that event (`GET /event`), stripped if the homeserver applied
 * the redaction, as a fresh history would serve it.
 */
import {
  ClientEvent,
  Direction,
  type MatrixClient,
  type MatrixEvent,
  MatrixEventEvent,
  Method,
  RoomEvent,
  SyncState,
} from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';
import { type RawMatrixEvent, toRawEvent } from '../events/raw-matrix-event';
import type { DecisionsReplay, ReplayDecisionsOptions } from '../governance/replay-decisions';
import { FollowedLog, type FollowedLogBase, type FollowedLogOptions, type LogChange } from './followed-log';
import type { AppendOptions, RoomLog } from './room-log';

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
const CONTEXT_LIMIT = 20;

interface MessagesPage {
  readonly events: RawMatrixEvent[];
  readonly start: string;
  readonly end?: string;
}

interface ContextAnswer {
  readonly event?: RawMatrixEvent;
  readonly events_before?: RawMatrixEvent[];
}

function idOf(raw: RawMatrixEvent): string | undefined {
  return typeof raw?.event_id === 'string' ? raw.event_id : undefined;
}

function isRedacted(raw: RawMatrixEvent): boolean {
  const unsigned = raw?.unsigned;
  return typeof unsigned === 'object' && unsigned !== null && 'redacted_because' in unsigned;
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
  const pageSize = options.pageSize ?? FOLLOW_PAGE_SIZE;
  const followed = new FollowedLog(roomId, {
    ...(options.mayRedact ? { mayRedact: options.mayRedact } : {}),
    ...(options.decisions === undefined ? {} : { decisions: options.decisions }),
    ...(options.base ? { base: options.base } : {}),
    ...(options.mark ? { mark: options.mark } : {}),
  });
  const stats = {
    historyEvents: 0,
    historyRequests: 0,
    forwardEvents: 0,
    forwardRequests: 0,
    contextEvents: 0,
    refreshes: 0,
    rebuilds: 0,
  };
  let stopped = false;
  // Where forward reading resumes, and the last event it returned (what the next page follows).
  let token: string | undefined;
  let last: string | null = options.base?.eventId ?? null;
  const announced = new Set<string>();
  const contextFailures = new Map<string, number>();
  let resync = false;
  const refreshing = new Set<string>();
  const decrypting = new Map<string, MatrixEvent>();
  const mapper = client.getEventMapper({ decrypt: false });
  const crypto = client.getCrypto() !== undefined;

  const changed = (change: LogChange | undefined) => {
    if (change === undefined || stopped) return;
    if (change.rebuilt) stats.rebuilds++;
    options.onChange?.(followed.log, change);
  };

  const request = <T>(method: Method, path: string, query: Record<string, string>) =>
    client.http.authedRequest<T>(method, path, query);

  const messages = async (from: string | null, dir: Direction): Promise<MessagesPage> => {
    const page = await client.createMessagesRequest(roomId, from, pageSize, dir);
    return {
      events: page.chunk as RawMatrixEvent[],
      start: page.start ?? '',
      ...(page.end ? { end: page.end } : {}),
    };
  };

  // Encrypted events are placed held; each decryption (now or when its key comes) updates them.
  const decrypt = (events: readonly RawMatrixEvent[]): { ids: string[]; done: Promise<void> } => {
    const ids: string[] = [];
    const waits: Promise<void>[] = [];
    if (!crypto) return { ids, done: Promise.resolve() };
    for (const raw of events) {
      const id = idOf(raw);
      if (raw.type !== 'm.room.encrypted' || id === undefined || isRedacted(raw) || decrypting.has(id))
        continue;
      // Read again (a page overlapping what is placed): already decrypted.
      const placed = followed.timeline.positionOf(id);
      if (placed !== undefined && followed.timeline.at(placed)?.type !== 'm.room.encrypted') continue;
      const event = mapper({ ...(raw as object), room_id: roomId } as never);
      decrypting.set(id, event);
      ids.push(id);
      const settle = () => {
        if (stopped || event.isBeingDecrypted()) return;
        const failed = event.isDecryptionFailure();
        // Kept only while it may still be decrypted (its key may come later).
        if (!failed) {
          event.off(MatrixEventEvent.Decrypted, settle);
          decrypting.delete(id);
        }
        changed(followed.decrypted(id, failed ? undefined : toRawEvent(event)));
      };
      event.on(MatrixEventEvent.Decrypted, settle);
      waits.push(
        client
          .decryptEventIfNeeded(event)
          .catch(() => undefined)
          .then(settle),
      );
    }
    return { ids, done: Promise.all(waits).then(() => undefined) };
  };

  const receive = (after: string | null, events: RawMatrixEvent[]): Promise<void> => {
    const { ids, done } = decrypt(events);
    changed(followed.receive({ after, events }, ids));
    for (const raw of events) {
      const id = idOf(raw);
      if (id !== undefined) announced.delete(id);
    }
    return done;
  };

  const readForward = async () => {
    for (;;) {
      const page = await messages(token ?? null, Direction.Forward);
      stats.forwardRequests++;
      if (stopped) return;
      if (page.events.length > 0) {
        stats.forwardEvents += page.events.length;
        void receive(last, page.events);
        last = idOf(page.events.at(-1) as RawMatrixEvent) ?? last;
      }
      if (page.end) token = page.end;
      if (page.events.length < pageSize || !page.end) return;
    }
  };

  // Announced by sync, not returned reading forward: placed after what the homeserver says precedes it.
  const placeAnnounced = async () => {
    for (const id of [...announced]) {
      if (stopped) return;
      if (followed.timeline.has(id)) {
        announced.delete(id);
        continue;
      }
      const path = `/rooms/${encodeURIComponent(roomId)}/context/${encodeURIComponent(id)}`;
      for (const limit of [CONTEXT_LIMIT, pageSize]) {
        let answer: ContextAnswer;
        try {
          answer = await request<ContextAnswer>(Method.Get, path, { limit: String(limit) });
        } catch (error) {
          // Not readable (yet): tried again at the next reading, a few times.
          const tries = (contextFailures.get(id) ?? 0) + 1;
          contextFailures.set(id, tries);
          if (tries < 3) throw error;
          break;
        }
        if (stopped || answer.event === undefined) break;
        const before = answer.events_before ?? [];
        const known = before.findIndex((raw) => {
          const key = idOf(raw);
          return key !== undefined && followed.timeline.has(key);
        });
        // Before the checkpoint this follower started from: the full replay behind it takes it.
        if (known < 0 && followed.base !== undefined) break;
        // Neither an event already placed nor the room's start within reach: ask for more context,
        // then read the history again (an event of another server, far back in the room's order).
        if (known < 0 && before.length >= Math.floor(limit / 2)) {
          if (limit < pageSize) continue;
          resync = true;
          break;
        }
        const run = (known < 0 ? before : before.slice(0, known)).reverse();
        stats.contextEvents += run.length + 1;
        void receive(known < 0 ? null : (idOf(before[known] as RawMatrixEvent) ?? null), [
          ...run,
          answer.event,
        ]);
        break;
      }
      announced.delete(id);
    }
  };

  const refresh = async () => {
    for (const target of followed.refreshes) {
      if (stopped || refreshing.has(target)) continue;
      refreshing.add(target);
      try {
        const copy = (await client.fetchRoomEvent(roomId, target)) as RawMatrixEvent;
        stats.refreshes++;
        if (!stopped) changed(followed.refreshed(target, isRedacted(copy) ? copy : undefined));
      } catch {
        if (!stopped) changed(followed.refreshed(target, undefined));
      } finally {
        refreshing.delete(target);
      }
    }
  };

  // The token right after an event in the room's order (`GET /context` with no context).
  const after = async (eventId: string): Promise<string | undefined> => {
    const path = `/rooms/${encodeURIComponent(roomId)}/context/${encodeURIComponent(eventId)}`;
    return (await request<{ end?: string }>(Method.Get, path, { limit: '0' })).end;
  };

  // The whole history, backwards from the present; reading forward begins right after its newest event.
  const readHistory = async () => {
    const newestFirst: RawMatrixEvent[] = [];
    let from: string | null = null;
    let start: string | undefined;
    for (;;) {
      const page = await messages(from, Direction.Backward);
      stats.historyRequests++;
      start ??= page.start;
      newestFirst.push(...page.events);
      if (!page.end || page.events.length === 0 || page.end === from) break;
      from = page.end;
    }
    const history = newestFirst.reverse();
    stats.historyEvents += history.length;
    if (token === undefined) {
      last = idOf(history.at(-1) as RawMatrixEvent) ?? null;
      // Read forward from right after the newest event in the room's order, not from the stream
      // position: an event of another server that arrives with an older place in the room's order
      // is then left to placeAnnounced rather than read as if it came after.
      token = last === null ? start : ((await after(last)) ?? start);
    }
    await receive(null, history);
  };

  // One reading at a time; a trigger during a reading asks for another one after it.
  let reading: Promise<void> | undefined;
  let again = false;
  const read = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        try {
          await readForward();
          await placeAnnounced();
          if (resync) {
            resync = false;
            await readHistory();
          }
          await refresh();
        } catch {
          // The homeserver is away: the next sync (after reconnection) triggers another reading.
        }
      } while (again && !stopped);
    })().finally(() => {
      reading = undefined;
    });
    return reading;
  };

  const onTimeline = (
    event: MatrixEvent,
    room: { roomId: string } | undefined,
    toStart: boolean | undefined,
  ) => {
    if (toStart || room?.roomId !== roomId) return;
    const id = event.getId();
    // A local echo has no event id yet: its remote echo comes back by reading forward.
    if (id?.startsWith('$') && event.status === null) announced.add(id);
    void read();
  };
  const onLocalEcho = (_event: MatrixEvent, room: { roomId: string }) => {
    if (room.roomId === roomId) void read();
  };
  const onSync = (state: SyncState, previous: SyncState | null) => {
    if (state === SyncState.Syncing && previous !== SyncState.Syncing) void read();
  };
  const unsubscribe = () => {
    client.off(RoomEvent.Timeline, onTimeline);
    client.off(RoomEvent.LocalEchoUpdated, onLocalEcho);
    client.off(ClientEvent.Sync, onSync);
  };
  client.on(RoomEvent.Timeline, onTimeline);
  client.on(RoomEvent.LocalEchoUpdated, onLocalEcho);
  client.on(ClientEvent.Sync, onSync);

  try {
    if (options.base) {
      // The token right after the checkpoint's event, to read forward from there.
      token = await after(options.base.eventId);
    } else {
      await readHistory();
    }
    await read();
  } catch (cause) {
    unsubscribe();
    stopped = true;
    throw new HomeserverError('read-history', `cannot read the history of ${roomId}`, { cause });
  }

  return {
    log: () => followed.log,
    events: () => followed.events(),
    decisions: (now) => followed.decisions(now),
    snapshot: () => followed.snapshot(),
    refold: (decisions) => {
      followed.refold(decisions);
      changed({ events: [], rebuilt: true });
    },
    stats: () => ({ ...stats }),
    settled: async () => {
      while (reading) await reading;
    },
    stop: () => {
      stopped = true;
      unsubscribe();
      for (const event of decrypting.values()) event.removeAllListeners(MatrixEventEvent.Decrypted);
    },
  };
}
