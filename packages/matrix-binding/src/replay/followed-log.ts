/**
 * @module
 * The pure core of a room follower: a {@link RoomTimeline} (the room's events in the room's order,
 * whatever order they arrive in), the {@link RoomLog} of its ready part built event by event, and
 * optionally the {@link DecisionsFold} of that log. New events at the end are folded one by one;
 * anything that changes an earlier event — an event placed before others, a late decryption, the
 * homeserver's copy of an event redacted since — rebuilds the log and the fold, so the result is
 * always the one a fresh replay of the same events in the same order gives.
 *
 * Redactions: a fresh history serves a redacted event as its homeserver keeps it now (content
 * stripped when the homeserver applied the redaction). So when a redaction of an event already
 * placed arrives, the redaction is held until the follower has the homeserver's copy of that event
 * ({@link FollowedLog.refreshes}, {@link FollowedLog.refreshed}). The I/O shell is
 * {@link followRoom}.
 */
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { DecisionsFold, type DecisionsFoldSnapshot } from '../governance/decisions-fold';
import type { DecisionsReplay, ReplayDecisionsOptions } from '../governance/replay-decisions';
import { type AppendOptions, emptyRoomLog, type RoomLog, RoomLogBuilder } from './room-log';
import { RoomTimeline, type TimelineChunk } from './room-timeline';

/** Where a followed log starts when it does not start at the room's creation. */
export interface FollowedLogBase {
  /** The last event the snapshot folded. */
  readonly eventId: string;
  /** The decisions fold after that event. */
  readonly fold: DecisionsFoldSnapshot;
}

/** Options of {@link FollowedLog}. */
export interface FollowedLogOptions extends AppendOptions {
  /** Keep the decisions fold of the log, with these options (`true`: default options). */
  decisions?: ReplayDecisionsOptions | boolean;
  /** Start after a checkpoint rather than at the room's creation. */
  base?: FollowedLogBase;
  /** Called with the decisions fold right after this event is folded (to check a checkpoint). */
  mark?: { readonly eventId: string; readonly onFolded: (snapshot: DecisionsFoldSnapshot) => void };
}

/** What changed in a followed log. */
export interface LogChange {
  /** Events that entered the log, or changed form (decrypted, redacted), in the room's order. */
  readonly events: readonly RawMatrixEvent[];
  /** Whether an earlier part of the log changed, so that the log and its folds were rebuilt. */
  readonly rebuilt: boolean;
}

function redactionTarget(raw: RawMatrixEvent): string | undefined {
  if (raw?.type !== 'm.room.redaction') return undefined;
  const target = raw.redacts ?? (raw.content as { redacts?: unknown } | undefined)?.redacts;
  return typeof target === 'string' ? target : undefined;
}

function isRedacted(raw: RawMatrixEvent): boolean {
  const unsigned = raw?.unsigned;
  return typeof unsigned === 'object' && unsigned !== null && 'redacted_because' in unsigned;
}

/**
 * A room's log kept up to date from pieces arriving in any order.
 *
 * @example
 * ```ts
 * const followed = new FollowedLog(roomId, { decisions: true });
 * followed.receive({ after: null, events: history });
 * followed.receive({ after: lastId, events: newer });
 * followed.decisions()?.state;
 * ```
 */
export class FollowedLog {
  readonly roomId: string;
  readonly #options: FollowedLogOptions;
  readonly #timeline: RoomTimeline;
  #builder: RoomLogBuilder;
  #built = 0;
  #fold: DecisionsFold | undefined;
  #folded = 0;
  // Redactions placed, by the event they redact; and the targets whose copy is wanted.
  readonly #redactions = new Map<string, Set<string>>();
  readonly #wanted = new Map<string, Set<string>>();
  readonly #refreshedFor = new Set<string>();
  readonly #decryptedEarly = new Map<string, RawMatrixEvent>();
  readonly #reported = new Map<string, RawMatrixEvent>();

  /**
   * @param roomId - the room.
   * @param options - redaction rights, the decisions fold, a checkpoint to start from.
   */
  constructor(roomId: string, options: FollowedLogOptions = {}) {
    this.roomId = roomId;
    this.#options = options;
    this.#timeline = new RoomTimeline(options.base?.eventId);
    this.#builder = new RoomLogBuilder(emptyRoomLog(roomId), options);
    this.#fold = this.#newFold();
  }

  /** The room's events in order, placed so far (the ready ones and those after). */
  get timeline(): RoomTimeline {
    return this.#timeline;
  }

  /** The log of the ready part of the timeline (a view: it grows as the log does). */
  get log(): RoomLog {
    return this.#builder.log;
  }

  /** The event the log starts after (a checkpoint's), if it does not start at the room's creation. */
  get base(): FollowedLogBase | undefined {
    return this.#options.base;
  }

  /**
   * The events of the log, in order.
   *
   * @returns the raw events of the ready part of the timeline.
   */
  events(): RawMatrixEvent[] {
    const events: RawMatrixEvent[] = [];
    for (let i = 0; i < this.#built; i++) events.push(this.#timeline.at(i));
    return events;
  }

  /**
   * The decisions replay of the log so far, if this log keeps one.
   *
   * @param now - evaluate at this time (see {@link DecisionsFold.current}).
   * @returns the replay, or `undefined` without the `decisions` option.
   */
  decisions(now?: number): DecisionsReplay | undefined {
    return this.#fold?.current(now);
  }

  /** The decisions fold itself, if this log keeps one. */
  get fold(): DecisionsFold | undefined {
    return this.#fold;
  }

  /**
   * Where the log stands: its last event and the decisions fold after it, from which another
   * followed log can start (a checkpoint).
   *
   * @returns the base, or `undefined` without the decisions fold or before any event.
   */
  snapshot(): FollowedLogBase | undefined {
    if (this.#fold === undefined) return undefined;
    if (this.#built === 0) return this.#options.base;
    const last = this.#timeline.at(this.#built - 1);
    if (typeof last?.event_id !== 'string') return undefined;
    return { eventId: last.event_id, fold: this.#fold.snapshot() };
  }

  /** Events whose homeserver copy is wanted: events that a redaction placed after them names. */
  get refreshes(): readonly string[] {
    return [...this.#wanted.keys()];
  }

  /**
   * Places a run of events.
   *
   * @param chunk - the events and the event they follow.
   * @param decrypting - ids among them still being decrypted: held until {@link FollowedLog.decrypted}.
   * @returns what changed in the log, if anything.
   */
  receive(chunk: TimelineChunk, decrypting: Iterable<string> = []): LogChange | undefined {
    for (const id of decrypting) if (!this.#timeline.has(id)) this.#timeline.hold(id, 'decryption');
    const placed: string[] = [];
    const lowest = this.#timeline.insert(chunk, placed);
    let changed = lowest;
    for (const id of placed) {
      const position = this.#timeline.positionOf(id);
      if (position === undefined) continue;
      // Decrypted while its chunk was still waiting for the event it follows.
      const clear = this.#decryptedEarly.get(id);
      if (clear !== undefined) {
        this.#decryptedEarly.delete(id);
        const at = this.#replace(id, clear);
        if (at !== undefined && (changed === undefined || at < changed)) changed = at;
      }
      this.#watchRedactions(this.#timeline.at(position));
    }
    return this.#update(changed);
  }

  /**
   * An event's decryption ended (or a later decryption succeeded).
   *
   * @param eventId - the event.
   * @param raw - its decrypted form, or `undefined` if it could not be decrypted (it stays as it was).
   * @returns what changed in the log, if anything.
   */
  decrypted(eventId: string, raw: RawMatrixEvent | undefined): LogChange | undefined {
    const position = raw === undefined ? undefined : this.#replace(eventId, raw);
    if (raw !== undefined && !this.#timeline.has(eventId)) this.#decryptedEarly.set(eventId, raw);
    this.#timeline.release(eventId, 'decryption');
    return this.#update(position);
  }

  /**
   * The homeserver's copy of an event that a redaction names.
   *
   * @param eventId - the event.
   * @param raw - the copy, or `undefined` if it could not be read (the event stays as it was).
   * @returns what changed in the log, if anything.
   */
  refreshed(eventId: string, raw: RawMatrixEvent | undefined): LogChange | undefined {
    const position = raw === undefined ? undefined : this.#replace(eventId, raw);
    for (const redaction of this.#wanted.get(eventId) ?? []) {
      this.#timeline.release(redaction, 'redaction');
      this.#refreshedFor.add(redaction);
    }
    this.#wanted.delete(eventId);
    return this.#update(position);
  }

  /**
   * Rebuilds the decisions fold, e.g. when its inputs (sub-group memberships, verified secret
   * results) changed.
   *
   * @param decisions - new fold options (default: the current ones).
   * @returns the new replay.
   */
  refold(decisions?: ReplayDecisionsOptions): DecisionsReplay | undefined {
    if (decisions !== undefined) this.#options.decisions = decisions;
    this.#fold = this.#newFold();
    this.#folded = 0;
    this.#foldEntries();
    return this.#fold?.current();
  }

  // A redacted form is final: a decryption that ends after the redaction does not bring the content back.
  #replace(eventId: string, raw: RawMatrixEvent): number | undefined {
    const position = this.#timeline.positionOf(eventId);
    if (position === undefined) return undefined;
    if (isRedacted(this.#timeline.at(position)) && !isRedacted(raw)) return undefined;
    return this.#timeline.replace(eventId, raw);
  }

  #newFold(): DecisionsFold | undefined {
    const option = this.#options.decisions;
    if (option === undefined || option === false) return undefined;
    const options = option === true ? {} : option;
    const base = this.#options.base;
    return base ? DecisionsFold.resume(base.fold, options) : new DecisionsFold(options);
  }

  // A redaction of an event placed before it: hold it until the homeserver's copy of the target.
  #watchRedactions(raw: RawMatrixEvent): void {
    const target = redactionTarget(raw);
    const id = typeof raw?.event_id === 'string' ? raw.event_id : undefined;
    if (target !== undefined && id !== undefined) {
      const set = this.#redactions.get(target) ?? new Set();
      set.add(id);
      this.#redactions.set(target, set);
      this.#consider(target);
    }
    if (id !== undefined) this.#consider(id);
  }

  #consider(target: string): void {
    const redactions = this.#redactions.get(target);
    const position = this.#timeline.positionOf(target);
    if (!redactions || position === undefined || isRedacted(this.#timeline.at(position))) return;
    for (const redaction of redactions) {
      if (this.#refreshedFor.has(redaction) || this.#timeline.isHeld(redaction, 'redaction')) continue;
      const at = this.#timeline.positionOf(redaction);
      if (at === undefined || at < position) continue;
      this.#timeline.hold(redaction, 'redaction');
      const wanted = this.#wanted.get(target) ?? new Set();
      wanted.add(redaction);
      this.#wanted.set(target, wanted);
    }
  }

  #update(lowest: number | undefined): LogChange | undefined {
    const ready = this.#timeline.ready;
    const previous = this.#built;
    let rebuilt = false;
    if (lowest !== undefined && lowest < this.#built) {
      this.#builder = new RoomLogBuilder(emptyRoomLog(this.roomId), this.#options);
      this.#built = 0;
      this.#fold = this.#newFold();
      this.#folded = 0;
      rebuilt = true;
    }
    if (this.#built >= ready && !rebuilt) return undefined;
    let refold = false;
    let rebuiltFold = false;
    const mark = this.#options.mark;
    while (this.#built < ready) {
      const raw = this.#timeline.at(this.#built);
      const changed = this.#builder.add(raw);
      if (changed !== undefined && changed < this.#folded) refold = true;
      this.#built++;
      if (mark !== undefined && raw?.event_id === mark.eventId && this.#fold !== undefined) {
        if (refold) this.#restartFold();
        rebuiltFold ||= refold;
        refold = false;
        this.#foldEntries();
        mark.onFolded(this.#fold.snapshot());
      }
    }
    if (refold) this.#restartFold();
    this.#foldEntries();
    refold ||= rebuiltFold;
    const events: RawMatrixEvent[] = [];
    for (let i = Math.min(lowest ?? previous, previous); i < this.#built; i++) {
      const raw = this.#timeline.at(i);
      const key = typeof raw?.event_id === 'string' ? raw.event_id : `#${i}`;
      if (this.#reported.get(key) === raw) continue;
      this.#reported.set(key, raw);
      events.push(raw);
    }
    return { events, rebuilt: rebuilt || refold };
  }

  #restartFold(): void {
    this.#fold = this.#newFold();
    this.#folded = 0;
  }

  #foldEntries(): void {
    const fold = this.#fold;
    if (fold === undefined) return;
    const entries = this.#builder.entries;
    if (this.#folded < entries.length) fold.add(entries.slice(this.#folded));
    this.#folded = entries.length;
  }
}
