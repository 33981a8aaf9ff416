/**
 * @module
 * The pure core of a room follower: a {@link RoomTimeline} (the room's events in the room's order,
 * whatever order they arrive in), the {@link RoomLog} of its ready part built event by event, and
 * optionally the {@link DecisionsFold} of that log. New events at the end are folded one by one;
 * anything that changes an earlier event — an event placed before others, a late decryption, the
 * homeserver's copy of an event redacted since — rebuilds the log and the fold, so the result is
 * always the one a fresh replay of the same events in the same order gives.
 *
 * What sync just delivered can be folded at once, provisionally ({@link FollowedLog.propose}): a
 * chunk that places it elsewhere rebuilds the log and the fold as for any event placed before others.
 *
 * Redactions of events already placed wait for the homeserver's copy of those events
 * ({@link RedactionHold}; {@link FollowedLog.refreshes}, {@link FollowedLog.refreshed}). The I/O
 * shell is {@link followRoom}.
 */
import { MatrixEventTypes } from '../events/event-types';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { DecisionsFold } from '../governance/decisions-fold';
import type { DecisionsReplay, ReplayDecisionsOptions } from '../governance/replay-decisions';
import type { FollowedLogBase, FollowedLogOptions, LogChange } from './followed-log-options';
import { RedactionHold } from './redaction-hold';
import { emptyRoomLog, type RoomLog, RoomLogBuilder } from './room-log';
import { RoomTimeline, type TimelineChunk } from './room-timeline';
import { eventIdOf, isRedacted } from './served-event';

export type { FollowedLogBase, FollowedLogOptions, LogChange } from './followed-log-options';

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
  readonly #redactions: RedactionHold;
  readonly #decryptedEarly = new Map<string, RawMatrixEvent>();
  readonly #reported = new Map<string, RawMatrixEvent>();
  #marked = false;

  /**
   * @param roomId - the room.
   * @param options - redaction rights, the decisions fold, a checkpoint to start from.
   */
  constructor(roomId: string, options: FollowedLogOptions = {}) {
    this.roomId = roomId;
    this.#options = options;
    this.#timeline = new RoomTimeline(options.base?.eventId);
    this.#redactions = new RedactionHold(this.#timeline);
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

  /** The events of the log (the ready part of the timeline), in order. */
  events(): RawMatrixEvent[] {
    const events: RawMatrixEvent[] = [];
    for (let i = 0; i < this.#built; i++) events.push(this.#timeline.at(i));
    return events;
  }

  /**
   * The decisions replay of the log so far, if this log keeps one.
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
   * @returns the base, or `undefined` without the decisions fold, before any event, or while the
   *   log ends with proposed events no chunk placed yet.
   */
  snapshot(): FollowedLogBase | undefined {
    if (this.#fold === undefined || this.#timeline.proposed > 0) return undefined;
    if (this.#built === 0) return this.#options.base;
    const eventId = eventIdOf(this.#timeline.at(this.#built - 1));
    if (eventId === undefined) return undefined;
    return { eventId, fold: this.#fold.snapshot() };
  }

  /** Events whose homeserver copy is wanted: events that a redaction placed after them names. */
  get refreshes(): readonly string[] {
    return this.#redactions.wanted;
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
      this.#redactions.placed(this.#timeline.at(position));
    }
    return this.#update(changed);
  }

  /**
   * Proposes events at the end of the log before the homeserver says where they stand (what sync
   * just delivered) and folds them: provisional until a chunk places them (see
   * {@link RoomTimeline.propose}). The run stops before an encrypted event or a redaction; nothing is
   * proposed while part of the timeline waits (held, or a chunk waiting) or before the mark is folded.
   *
   * @param events - the events, in the order delivered.
   * @returns what changed in the log, if anything.
   */
  propose(events: readonly RawMatrixEvent[]): LogChange | undefined {
    const timeline = this.#timeline;
    if (timeline.ready < timeline.length || timeline.waiting > 0) return undefined;
    if (this.#options.mark !== undefined && !this.#marked) return undefined;
    const waits = [MatrixEventTypes.encrypted, MatrixEventTypes.redaction] as unknown[];
    const stop = events.findIndex((raw) => waits.includes(raw?.type));
    const placed: string[] = [];
    const lowest = timeline.propose(stop < 0 ? events : events.slice(0, stop), placed);
    for (const id of placed) this.#redactions.placed(timeline.at(timeline.positionOf(id) as number));
    return this.#update(lowest);
  }

  /** Number of events at the end of the log that were proposed and no chunk placed yet. */
  get unconfirmed(): number {
    return this.#timeline.proposed;
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
    this.#redactions.refreshed(eventId);
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

  // Rebuilds from scratch when an earlier event changed, builds the ready part, reports what changed.
  #update(lowest: number | undefined): LogChange | undefined {
    const ready = this.#timeline.ready;
    const previous = this.#built;
    const rebuilt = lowest !== undefined && lowest < this.#built;
    if (rebuilt) this.#rebuild();
    if (this.#built >= ready && !rebuilt) return undefined;
    const refolded = this.#build(ready);
    return { events: this.#reportable(Math.min(lowest ?? previous, previous)), rebuilt: rebuilt || refolded };
  }

  #rebuild(): void {
    this.#builder = new RoomLogBuilder(emptyRoomLog(this.roomId), this.#options);
    this.#built = 0;
    this.#restartFold();
  }

  // Builds the log up to `ready` and folds it, calling the mark when its event is folded; whether
  // the fold had to restart (an entry already folded changed).
  #build(ready: number): boolean {
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
        this.#marked = true;
        mark.onFolded(this.#fold.snapshot());
      }
    }
    if (refold) this.#restartFold();
    this.#foldEntries();
    return refold || rebuiltFold;
  }

  // The events of the log from `from` on that were not reported in this form yet.
  #reportable(from: number): RawMatrixEvent[] {
    const events: RawMatrixEvent[] = [];
    for (let i = from; i < this.#built; i++) {
      const raw = this.#timeline.at(i);
      const key = eventIdOf(raw) ?? `#${i}`;
      if (this.#reported.get(key) === raw) continue;
      this.#reported.set(key, raw);
      events.push(raw);
    }
    return events;
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
