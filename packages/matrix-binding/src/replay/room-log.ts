/**
 * @module
 * A room's log as Imago reads it: events in timeline order, parsed once at the boundary, each
 * event id applied at most once (replays and overlapping pages are idempotent), redacted events
 * removed. Pure: the same events in give the same log out, whatever the paging.
 */
import type { ImagoWarning } from '../events/imago-warning';
import { type ImagoEvent, type ParsedEvent, parseImagoEvent } from '../events/parse-imago-event';
import type { RawMatrixEvent } from '../events/raw-matrix-event';

/** A warning that may concern a state key (so a state fold knows that key's latest value is void). */
export type LogWarning = ImagoWarning & { readonly stateKey?: string };

/** An entry of the log: an event, or a warning in its place. */
export type LogEntry =
  | { readonly status: 'event'; readonly event: ImagoEvent }
  | { readonly status: 'warning'; readonly warning: LogWarning };

/** The parsed log of one room. */
export interface RoomLog {
  readonly roomId: string;
  /** Entries in timeline order. */
  readonly entries: readonly LogEntry[];
  /** Every event id seen (applied or warned). */
  readonly seen: ReadonlySet<string>;
  /** Event ids redacted so far (also those not seen yet), with the redacting user. */
  readonly redacted: ReadonlyMap<string, string>;
}

/** Options of {@link appendToRoomLog}. */
export interface AppendOptions {
  /**
   * Whether a user may redact other users' events (their power level reaches the room's `redact`
   * level). Default: nobody; a user may always redact their own events. The homeserver strips the
   * content of redactions it accepted, so a history fetched later shows them anyway.
   */
  mayRedact?: (userId: string) => boolean;
}

/**
 * An empty log.
 *
 * @param roomId - the room.
 * @returns a log with no entries.
 */
export function emptyRoomLog(roomId: string): RoomLog {
  return { roomId, entries: [], seen: new Set(), redacted: new Map() };
}

/**
 * A log under construction, appended to in place: what {@link appendToRoomLog} and a live follower
 * share, so that a log built event by event is the log built at once.
 */
export class RoomLogBuilder {
  readonly roomId: string;
  readonly entries: LogEntry[];
  readonly seen: Set<string>;
  readonly redacted: Map<string, string>;
  readonly #options: AppendOptions;
  // Entry index of each applied event, built on the first redaction.
  #positions: Map<string, number> | undefined;

  /**
   * @param log - the log to start from (copied, never modified).
   * @param options - who may redact others' events.
   */
  constructor(log: RoomLog, options: AppendOptions = {}) {
    this.roomId = log.roomId;
    this.entries = [...log.entries];
    this.seen = new Set(log.seen);
    this.redacted = new Map(log.redacted);
    this.#options = options;
  }

  /** The log as it stands (sharing this builder's collections: copy before appending more). */
  get log(): RoomLog {
    return { roomId: this.roomId, entries: this.entries, seen: this.seen, redacted: this.redacted };
  }

  /**
   * Appends one raw event.
   *
   * @param raw - the next event in timeline order.
   * @returns the index of an earlier entry this event changed (a redaction replaces the entry of
   *   the event it removes), or `undefined` when it only appended.
   */
  add(raw: RawMatrixEvent): number | undefined {
    const id = typeof raw?.event_id === 'string' ? raw.event_id : undefined;
    if (id !== undefined && this.seen.has(id)) return undefined;
    const parsed: ParsedEvent = parseImagoEvent(raw, { roomId: this.roomId });
    if (id !== undefined) this.seen.add(id);
    if (parsed.status === 'foreign') return undefined;
    if (parsed.status === 'warning') {
      this.entries.push(parsed);
      return undefined;
    }
    const { event } = parsed;
    const mayRedact = (redacter: string, sender: string) =>
      redacter === sender || this.#options.mayRedact?.(redacter) === true;
    if (event.kind === 'redaction') {
      const target = event.content.redacts;
      const index = this.#positionOf(target);
      const victim = index === undefined ? undefined : this.entries[index];
      if (victim?.status === 'event' && !mayRedact(event.sender, victim.event.sender)) {
        this.#push({
          status: 'warning',
          warning: {
            code: 'unauthorised',
            eventId: event.eventId,
            type: event.type,
            sender: event.sender,
            detail: 'may not redact this event',
          },
        });
        return undefined;
      }
      let changed: number | undefined;
      if (victim === undefined) this.redacted.set(target, event.sender);
      if (victim?.status === 'event' && index !== undefined) {
        this.entries[index] = {
          status: 'warning',
          warning: {
            code: 'redacted',
            eventId: target,
            type: victim.event.type,
            sender: victim.event.sender,
            ...('stateKey' in victim.event && victim.event.stateKey !== undefined
              ? { stateKey: victim.event.stateKey }
              : {}),
            detail: `redacted by ${event.sender}`,
          },
        };
        this.#positions?.delete(target);
        changed = index;
      }
      this.#push(parsed);
      return changed;
    }
    const redacter = this.redacted.get(event.eventId);
    if (redacter !== undefined && mayRedact(redacter, event.sender)) {
      this.#push({
        status: 'warning',
        warning: {
          code: 'redacted',
          eventId: event.eventId,
          type: event.type,
          sender: event.sender,
          detail: 'redacted',
        },
      });
      return undefined;
    }
    this.#push(parsed);
    return undefined;
  }

  #push(entry: LogEntry): void {
    if (entry.status === 'event') this.#positions?.set(entry.event.eventId, this.entries.length);
    this.entries.push(entry);
  }

  #positionOf(eventId: string): number | undefined {
    if (this.#positions === undefined) {
      this.#positions = new Map();
      this.entries.forEach((entry, index) => {
        if (entry.status === 'event' && !this.#positions?.has(entry.event.eventId))
          this.#positions?.set(entry.event.eventId, index);
      });
    }
    return this.#positions.get(eventId);
  }
}

/**
 * Appends events (in timeline order) to a log. Events already seen are skipped silently (a replay
 * is not an error); a redaction removes the redacted event's effect, before or after it arrives.
 *
 * @param log - the log so far (unchanged).
 * @param events - raw events, in timeline order.
 * @param options - who may redact others' events.
 * @returns the new log.
 */
export function appendToRoomLog(
  log: RoomLog,
  events: Iterable<RawMatrixEvent>,
  options: AppendOptions = {},
): RoomLog {
  const builder = new RoomLogBuilder(log, options);
  for (const raw of events) builder.add(raw);
  return builder.log;
}

/**
 * The events of a log, in order.
 *
 * @param log - the log.
 * @returns its applied events.
 */
export function logEvents(log: RoomLog): ImagoEvent[] {
  return log.entries.flatMap((entry) => (entry.status === 'event' ? [entry.event] : []));
}

/**
 * The warnings of a log, in order.
 *
 * @param log - the log.
 * @returns its warnings.
 */
export function logWarnings(log: RoomLog): LogWarning[] {
  return log.entries.flatMap((entry) => (entry.status === 'warning' ? [entry.warning] : []));
}

/**
 * The latest value of each state key of a type, as the timeline sets it. A key whose latest event
 * was warned (malformed, redacted) has no value: it is absent from the map.
 *
 * @param log - the log.
 * @param type - the state event type.
 * @returns state key to latest event.
 */
export function latestState(log: RoomLog, type: string): Map<string, ImagoEvent> {
  const state = new Map<string, ImagoEvent>();
  for (const entry of log.entries) {
    if (entry.status === 'event') {
      const { event } = entry;
      if (event.type === type && 'stateKey' in event && event.stateKey !== undefined)
        state.set(event.stateKey, event);
    } else if (entry.warning.type === type && entry.warning.stateKey !== undefined) {
      state.delete(entry.warning.stateKey);
    }
  }
  return state;
}
