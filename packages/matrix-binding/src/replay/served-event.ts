/**
 * @module
 * What a follower reads of an event as the homeserver serves it, before parsing its content: its
 * id, whether the homeserver serves it redacted (`unsigned.redacted_because`), and which event a
 * redaction names. Untrusted input: anything else answers `undefined` or `false`. Pure.
 */
import type { RawMatrixEvent } from '../events/raw-matrix-event';

/** The event's id, when it has one. */
export function eventIdOf(raw: RawMatrixEvent): string | undefined {
  return typeof raw?.event_id === 'string' ? raw.event_id : undefined;
}

/** Whether the homeserver serves the event redacted. */
export function isRedacted(raw: RawMatrixEvent): boolean {
  const unsigned = raw?.unsigned;
  return typeof unsigned === 'object' && unsigned !== null && 'redacted_because' in unsigned;
}

/** The event a redaction names (`redacts`, top-level or in its content), if it is one. */
export function redactionTarget(raw: RawMatrixEvent): string | undefined {
  if (raw?.type !== 'm.room.redaction') return undefined;
  const target = raw.redacts ?? (raw.content as { redacts?: unknown } | undefined)?.redacts;
  return typeof target === 'string' ? target : undefined;
}
