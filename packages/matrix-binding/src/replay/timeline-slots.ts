/**
 * @module
 * The storage of a {@link RoomTimeline}: events in their places and the position of each, with the
 * one operation that moves events, placing a run after a position. Pure.
 */
import { MatrixEventTypes } from '../events/event-types';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { isRedacted } from './served-event';

/** @internal An event in its place: its id (or a key of its own when it has none) and its form. */
export interface Slot {
  readonly key: string;
  raw: RawMatrixEvent;
}

let unnamed = 0;

/** @internal The key of an event: its id; a nameless one still keeps its place. */
export function keyOf(raw: RawMatrixEvent): string {
  return typeof raw?.event_id === 'string' ? raw.event_id : `#unnamed-${++unnamed}`;
}

/** @internal Whether `next` is a later form of the same event than `previous` (decrypted, or redacted since). */
export function supersedes(next: RawMatrixEvent, previous: RawMatrixEvent): boolean {
  if (isRedacted(next) && !isRedacted(previous)) return true;
  return previous?.type === MatrixEventTypes.encrypted && next?.type !== MatrixEventTypes.encrypted;
}

/** @internal Events in their places. */
export class TimelineSlots {
  readonly list: Slot[] = [];
  readonly positions = new Map<string, number>();

  /** Puts a slot at the end. */
  push(slot: Slot): void {
    this.positions.set(slot.key, this.list.length);
    this.list.push(slot);
  }

  /** Takes the slots from a position on away, and returns them. */
  cut(from: number): Slot[] {
    const tail = this.list.splice(from);
    for (const slot of tail) this.positions.delete(slot.key);
    return tail;
  }

  /**
   * Places events from position `at` on: new events go there in order, pushing what stood there
   * further; an event already placed stays where it is (the next ones then follow it), its form
   * replaced by a later one.
   *
   * @param at - where the first event goes.
   * @param events - the events, in order.
   * @param placed - receives the keys of the events newly placed.
   * @returns the lowest position that changed, or `undefined` if none did.
   */
  place(at: number, events: readonly RawMatrixEvent[], placed: string[]): number | undefined {
    let lowest: number | undefined;
    let run: Slot[] = [];
    const flush = () => {
      if (run.length === 0) return;
      if (lowest === undefined || at < lowest) lowest = at;
      const tail = this.cut(at);
      for (const slot of [...run, ...tail]) this.push(slot);
      at += run.length;
      run = [];
    };
    const pending = new Set<string>();
    for (const raw of events) {
      const key = keyOf(raw);
      const known = this.positions.get(key);
      if (known !== undefined) {
        flush();
        const slot = this.list[known] as Slot;
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
