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
  const entries = [...log.entries];
  const seen = new Set(log.seen);
  const redacted = new Map(log.redacted);
  const mayRedact = (redacter: string, sender: string) =>
    redacter === sender || options.mayRedact?.(redacter) === true;
  for (const raw of events) {
    const id = typeof raw?.event_id === 'string' ? raw.event_id : undefined;
    if (id !== undefined && seen.has(id)) continue;
    const parsed: ParsedEvent = parseImagoEvent(raw, { roomId: log.roomId });
    if (id !== undefined) seen.add(id);
    if (parsed.status === 'foreign') continue;
    if (parsed.status === 'warning') {
      entries.push(parsed);
      continue;
    }
    const { event } = parsed;
    if (event.kind === 'redaction') {
      const target = event.content.redacts;
      const index = entries.findIndex((entry) => entry.status === 'event' && entry.event.eventId === target);
      const victim = entries[index];
      if (victim?.status === 'event' && !mayRedact(event.sender, victim.event.sender)) {
        entries.push({
          status: 'warning',
          warning: {
            code: 'unauthorised',
            eventId: event.eventId,
            type: event.type,
            sender: event.sender,
            detail: 'may not redact this event',
          },
        });
        continue;
      }
      if (victim === undefined) redacted.set(target, event.sender);
      if (victim?.status === 'event') {
        entries[index] = {
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
      }
      entries.push(parsed);
      continue;
    }
    const redacter = redacted.get(event.eventId);
    if (redacter !== undefined && mayRedact(redacter, event.sender)) {
      entries.push({
        status: 'warning',
        warning: {
          code: 'redacted',
          eventId: event.eventId,
          type: event.type,
          sender: event.sender,
          detail: 'redacted',
        },
      });
      continue;
    }
    entries.push(parsed);
  }
  return { roomId: log.roomId, entries, seen, redacted };
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
