/**
 * @module
 * A room's events in the room's order, assembled from pieces that arrive in any order: pages of
 * history, pages read forward from a stored token, events placed after the event the homeserver
 * says precedes them. Each piece names the event it follows, so arrival order, duplicated and
 * overlapping pieces do not matter; a piece whose predecessor is not known yet waits for it.
 * Events may be held (being decrypted, waiting for the homeserver's copy after a redaction): the
 * timeline is {@link RoomTimeline.ready} up to the first held event. Pure.
 */
import { MatrixEventTypes } from '../events/event-types';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { isRedacted } from './served-event';

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

interface Slot {
  readonly key: string;
  raw: RawMatrixEvent;
}

let unnamed = 0;

function keyOf(raw: RawMatrixEvent): string {
  // The homeserver names every event; a nameless one still keeps its place.
  return typeof raw?.event_id === 'string' ? raw.event_id : `#unnamed-${++unnamed}`;
}

/** Whether `next` is a later form of the same event than `previous` (decrypted, or redacted since). */
function supersedes(next: RawMatrixEvent, previous: RawMatrixEvent): boolean {
  if (isRedacted(next) && !isRedacted(previous)) return true;
  return previous?.type === MatrixEventTypes.encrypted && next?.type !== MatrixEventTypes.encrypted;
}

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
  readonly #slots: Slot[] = [];
  readonly #positions = new Map<string, number>();
  readonly #waiting = new Map<string, TimelineChunk[]>();
  readonly #held = new Map<string, Set<HoldReason>>();
  readonly #base: string | undefined;

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
   * Places a chunk (and any chunk that was waiting for one of its events). Events already placed
   * keep their place; a later form of one (decrypted, redacted since) replaces it.
   *
   * @param chunk - the events and the event they follow.
   * @param placed - receives the ids of the events newly placed (this chunk's and released ones').
   * @returns the lowest position that changed, or `undefined` if nothing did.
   */
  insert(chunk: TimelineChunk, placed: string[] = []): number | undefined {
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
      note(this.#place(anchor, next.events, placed));
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

  // Places events after `anchor` (null: at the start), returns the lowest changed position.
  #place(anchor: string | null, events: readonly RawMatrixEvent[], placed: string[]): number | undefined {
    let lowest: number | undefined;
    let at = anchor === null ? 0 : (this.#positions.get(anchor) as number) + 1;
    let run: Slot[] = [];
    const flush = () => {
      if (run.length === 0) return;
      if (lowest === undefined || at < lowest) lowest = at;
      if (at === this.#slots.length) {
        for (const slot of run) {
          this.#positions.set(slot.key, this.#slots.length);
          this.#slots.push(slot);
        }
      } else {
        const tail = this.#slots.splice(at);
        for (const slot of [...run, ...tail]) {
          this.#positions.set(slot.key, this.#slots.length);
          this.#slots.push(slot);
        }
      }
      at += run.length;
      run = [];
    };
    const pending = new Set<string>();
    for (const raw of events) {
      const key = keyOf(raw);
      const known = this.#positions.get(key);
      if (known !== undefined) {
        flush();
        const slot = this.#slots[known] as Slot;
        if (supersedes(raw, slot.raw)) {
          slot.raw = raw;
          if (lowest === undefined || known < lowest) lowest = known;
        }
        at = known + 1;
        continue;
      }
      if (pending.has(key)) continue; // the same event twice in one chunk
      pending.add(key);
      run.push({ key, raw });
      placed.push(key);
    }
    flush();
    return lowest;
  }
}
