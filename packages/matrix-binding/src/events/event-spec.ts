/**
 * @module
 * How a feature describes one of the event types it reads: the type string, the largest content
 * it accepts, and the reader that turns checked content into a typed event (applying the sender
 * rules that need no room state). Each feature lists its specs in `<feature>/<feature>-events.ts`;
 * `event-registry.ts` collects them.
 */
import { ContentProblem, type JsonObject } from './content-reader';
import type { EventEnvelope, RawMatrixEvent } from './raw-matrix-event';

/** Default maximum size of an event's content, in UTF-8 bytes of its JSON. */
export const DEFAULT_MAX_CONTENT_BYTES = 16_384;
/** Maximum content size of types that carry more (control tables, ballots, archives). */
export const LARGE_MAX_CONTENT_BYTES = 60_000;

/** One event type a feature reads. */
export interface EventSpec<Event> {
  /** The exact Matrix event type. */
  readonly type: string;
  /** Largest content accepted, in UTF-8 bytes of its JSON (default {@link DEFAULT_MAX_CONTENT_BYTES}). */
  readonly maxBytes?: number;
  /**
   * Reads the content of an event whose envelope, size, redaction status and edit status were
   * checked. Throws a {@link ContentProblem} naming what is wrong; `null`: an event of this type
   * that Imago does not read (reported as foreign).
   */
  readonly read: (envelope: EventEnvelope, content: JsonObject, raw: RawMatrixEvent) => Event | null;
}

/** The state key of a state event; a {@link ContentProblem} when the event carries none. */
export function requireStateKey(envelope: EventEnvelope): string {
  if (envelope.stateKey === undefined) throw new ContentProblem('state_key', 'a state event is expected');
  return envelope.stateKey;
}

/**
 * Sender rule of per-user state: the state key must be the sender's own user id, otherwise an
 * `unauthorised` {@link ContentProblem} saying whose `what` it would have been.
 */
export function requireOwnStateKey(envelope: EventEnvelope, what: string): string {
  const stateKey = requireStateKey(envelope);
  if (stateKey !== envelope.sender) throw new ContentProblem('state_key', what, 'unauthorised');
  return stateKey;
}
