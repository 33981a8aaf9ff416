/**
 * @module
 * Redactions held until the follower has the homeserver's copy of the event they redact. A fresh
 * history serves a redacted event as its homeserver keeps it now (content stripped when the
 * homeserver applied the redaction); so when a redaction of an event already placed before it
 * arrives, the redaction is held in the {@link RoomTimeline} until that copy comes
 * ({@link RedactionHold.wanted}, {@link RedactionHold.refreshed}). The I/O that fetches the copy is
 * the follower's (`GET /event`). Pure.
 */
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import type { RoomTimeline } from './room-timeline';
import { eventIdOf, isRedacted, redactionTarget } from './served-event';

/** @internal The redactions of a timeline held for the homeserver's copy of their targets. */
export class RedactionHold {
  readonly #timeline: RoomTimeline;
  // Redactions placed, by the event they redact; and the targets whose copy is wanted.
  readonly #redactions = new Map<string, Set<string>>();
  readonly #wanted = new Map<string, Set<string>>();
  readonly #refreshedFor = new Set<string>();

  /** @param timeline - the timeline whose redactions are held. */
  constructor(timeline: RoomTimeline) {
    this.#timeline = timeline;
  }

  /** Events whose homeserver copy is wanted: events that a redaction placed after them names. */
  get wanted(): readonly string[] {
    return [...this.#wanted.keys()];
  }

  /**
   * An event just placed: a redaction of an event placed before it is held until the homeserver's
   * copy of the target; an event a held-back redaction names is now placed.
   *
   * @param raw - the event, as placed in the timeline.
   */
  placed(raw: RawMatrixEvent): void {
    const target = redactionTarget(raw);
    const id = eventIdOf(raw);
    if (target !== undefined && id !== undefined) {
      const set = this.#redactions.get(target) ?? new Set();
      set.add(id);
      this.#redactions.set(target, set);
      this.#consider(target);
    }
    if (id !== undefined) this.#consider(id);
  }

  /**
   * The homeserver's copy of a wanted event came (or could not be read): its redactions go on.
   *
   * @param eventId - the event.
   */
  refreshed(eventId: string): void {
    for (const redaction of this.#wanted.get(eventId) ?? []) {
      this.#timeline.release(redaction, 'redaction');
      this.#refreshedFor.add(redaction);
    }
    this.#wanted.delete(eventId);
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
}
