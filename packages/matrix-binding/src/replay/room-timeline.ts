/**
 * @module
 * A room's events in the room's order, assembled from pieces that arrive in any order: pages of
 * history, pages read forward from a stored token, events placed after the event the homeserver
 * says precedes them. Each piece names the event it follows, so arrival order, duplicated and
 * overlapping pieces do not matter; a piece whose predecessor is not known yet waits for it.
 * Events may be held (being decrypted, waiting for the homeserver's copy after a redaction): the
 * timeline is {@link RoomTimeline.ready} up to the first held event.
 *
 * Events can also be proposed at the end before the homeserver says where they stand (what sync just
 * delivered): they stay provisional until a chunk places them. A chunk that places them in the
 * order proposed changes nothing; one that places them elsewhere, or places other events before
 * them, moves them, and the lowest position changed says where. Pure.
 */
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { keyOf, supersedes, TimelineSlots } from './timeline-slots';

/** A run of consecutive events of the room. */
export interface TimelineChunk {
  /**
   * The event just before the first of `events` in the room's order; `null`: the run starts the
   * room (or the part of it this timeline holds, see {@link RoomTimeline}'s `base`).
   */
  readonly after: string | null;
  /** The events, in the room's order. */
  readonly events: readonly RawMatrixEvent[];
}

/** Why an event is held back. */
export type HoldReason = 'decryption' | 'redaction';

/**
 * The ordered events of one room.
 *
 * @example
 * ```ts
 * const timeline = new RoomTimeline();
 * timeline.insert({ after: '$b', events: [c, d] }); // waits: $b is not known yet
 * timeline.insert({ after: null, events: [a, b] }); // a, b, c, d
 * ```
 */
export class RoomTimeline {
  readonly #store = new TimelineSlots();
  readonly #slots = this.#store.list;
  readonly #positions = this.#store.positions;
  readonly #waiting = new Map<string, TimelineChunk[]>();
  readonly #held = new Map<string, Set<HoldReason>>();
  readonly #base: string | undefined;
  // The number of events at the end that were proposed and no chunk has placed yet.
  #provisional = 0;

  /**
   * @param base - the event this timeline starts after, when it holds only the part of the room
   *   after a checkpoint; chunks with `after: null` then start right after it.
   */
  constructor(base?: string) {
    this.#base = base;
  }

  /** The event this timeline starts after, if it does not start at the room's creation. */
  get base(): string | undefined {
    return this.#base;
  }

  /** Number of events placed. */
  get length(): number {
    return this.#slots.length;
  }

  /** Number of events at the end that were proposed ({@link RoomTimeline.propose}) and no chunk placed yet. */
  get proposed(): number {
    return this.#provisional;
  }

  /** Number of leading events none of which is held: the part of the room that can be folded. */
  get ready(): number {
    let first = this.#slots.length;
    for (const key of this.#held.keys()) {
      const position = this.#positions.get(key);
      if (position !== undefined && position < first) first = position;
    }
    return first;
  }

  /** Number of chunks waiting for the event they follow. */
  get waiting(): number {
    let count = 0;
    for (const chunks of this.#waiting.values()) count += chunks.length;
    return count;
  }

  /**
   * The event at a position.
   *
   * @param position - from 0.
   * @returns the raw event.
   */
  at(position: number): RawMatrixEvent {
    const slot = this.#slots[position];
    if (slot === undefined) throw new RangeError(`no event at ${position}`);
    return slot.raw;
  }

  /**
   * The position of an event, if placed.
   *
   * @param eventId - the event id.
   * @returns its position, or `undefined`.
   */
  positionOf(eventId: string): number | undefined {
    return this.#positions.get(eventId);
  }

  /**
   * Whether an event is known: placed, or the base.
   *
   * @param eventId - the event id.
   * @returns `true` if it is.
   */
  has(eventId: string): boolean {
    return this.#positions.has(eventId) || eventId === this.#base;
  }

  /**
   * Whether an event is known and was placed by a chunk (not only proposed).
   *
   * @param eventId - the event id.
   * @returns `true` if it is.
   */
  confirmed(eventId: string): boolean {
    if (eventId === this.#base) return true;
    const position = this.#positions.get(eventId);
    return position !== undefined && position < this.#slots.length - this.#provisional;
  }

  /**
   * Proposes events at the end, in this order, until a chunk says where they stand: events already
   * known are left where they are. Chunks waiting for one of them keep waiting for a chunk to place it.
   *
   * @param events - the events.
   * @param placed - receives the ids of the events newly placed.
   * @returns the position of the first event proposed, or `undefined` if none was new.
   */
  propose(events: readonly RawMatrixEvent[], placed: string[] = []): number | undefined {
    const from = this.#slots.length;
    for (const raw of events) {
      const key = keyOf(raw);
      if (this.#positions.has(key)) continue;
      this.#store.push({ key, raw });
      this.#provisional++;
      placed.push(key);
    }
    return this.#slots.length > from ? from : undefined;
  }

  /**
   * Places a chunk (and any chunk that was waiting for one of its events). Events already placed
   * keep their place; a later form of one (decrypted, redacted since) replaces it. Proposed events
   * take the place the chunk gives them (a chunk that follows one waits until it is placed).
   *
   * @param chunk - the events and the event they follow.
   * @param placed - receives the ids of the events newly placed (this chunk's and released ones').
   * @returns the lowest position that changed, or `undefined` if nothing did.
   */
  insert(chunk: TimelineChunk, placed: string[] = []): number | undefined {
    if (this.#provisional === 0) return this.#insert(chunk, placed);
    // Without the proposed events, place the chunk; then the proposed events it did not place go
    // back at the end, still provisional. What stands where it stood before changed nothing.
    const from = this.#slots.length - this.#provisional;
    const proposed = this.#store.cut(from);
    this.#provisional = 0;
    const inserted = this.#insert(chunk, placed);
    for (const slot of proposed) {
      if (this.#positions.has(slot.key)) continue;
      this.#store.push(slot);
      this.#provisional++;
    }
    let lowest = inserted !== undefined && inserted < from ? inserted : undefined;
    const end = Math.max(this.#slots.length, from + proposed.length);
    for (let at = from; lowest === undefined && at < end; at++) {
      const before = proposed[at - from];
      const now = this.#slots[at];
      if (before === undefined || now === undefined || before.key !== now.key) lowest = at;
      else if (now.raw !== before.raw) {
        // Placed where it was proposed: the form proposed stays, unless the chunk's is a later one.
        if (supersedes(now.raw, before.raw)) lowest = at;
        else now.raw = before.raw;
      }
    }
    return lowest;
  }

  #insert(chunk: TimelineChunk, placed: string[]): number | undefined {
    let lowest: number | undefined;
    const note = (position: number | undefined) => {
      if (position !== undefined && (lowest === undefined || position < lowest)) lowest = position;
    };
    const queue: TimelineChunk[] = [chunk];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const anchor = next.after === this.#base ? null : next.after;
      if (anchor !== null && !this.#positions.has(anchor)) {
        const list = this.#waiting.get(anchor) ?? [];
        list.push(next);
        this.#waiting.set(anchor, list);
        continue;
      }
      const from = placed.length;
      const at = anchor === null ? 0 : (this.#positions.get(anchor) as number) + 1;
      note(this.#store.place(at, next.events, placed));
      for (const key of placed.slice(from)) {
        const released = this.#waiting.get(key);
        if (released) {
          this.#waiting.delete(key);
          queue.push(...released);
        }
      }
    }
    return lowest;
  }

  /**
   * Replaces a placed event by another form of it (decrypted, or as the homeserver serves it now).
   *
   * @param eventId - the event.
   * @param raw - its new form.
   * @returns its position, or `undefined` if it is not placed.
   */
  replace(eventId: string, raw: RawMatrixEvent): number | undefined {
    const position = this.#positions.get(eventId);
    const slot = position === undefined ? undefined : this.#slots[position];
    if (slot === undefined) return undefined;
    slot.raw = raw;
    return position;
  }

  /**
   * Holds an event back: {@link RoomTimeline.ready} stops before it until it is released.
   *
   * @param eventId - the event.
   * @param reason - why.
   */
  hold(eventId: string, reason: HoldReason): void {
    const reasons = this.#held.get(eventId) ?? new Set();
    reasons.add(reason);
    this.#held.set(eventId, reasons);
  }

  /**
   * Releases an event held for a reason.
   *
   * @param eventId - the event.
   * @param reason - the reason it was held for.
   */
  release(eventId: string, reason: HoldReason): void {
    const reasons = this.#held.get(eventId);
    reasons?.delete(reason);
    if (reasons?.size === 0) this.#held.delete(eventId);
  }

  /**
   * Whether an event is held for a reason.
   *
   * @param eventId - the event.
   * @param reason - the reason.
   * @returns `true` if it is.
   */
  isHeld(eventId: string, reason?: HoldReason): boolean {
    const reasons = this.#held.get(eventId);
    return reason === undefined ? reasons !== undefined : reasons?.has(reason) === true;
  }
}
