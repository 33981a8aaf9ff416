/**
 * @module
 * The single boundary where an untrusted Matrix event becomes a typed {@link ImagoEvent}, or a
 * typed {@link ImagoWarning} saying what is wrong and where. It checks the envelope, the size, the
 * redaction status, the content schema of every `org.imago.*` type and the rules that need no room
 * state (a state key owned by another user). Rules that need room state (power levels, chairs,
 * the control table) are applied by the folds that consume these events.
 */
import { ContentProblem, isRoomId, isUserId, type JsonObject, readObject } from './content-reader';
import { isRelevant, maxBytesOf, readContent } from './event-registry';
import { MatrixEventTypes } from './event-types';
import type { ImagoEvent } from './imago-event';
import type { ImagoWarning } from './imago-warning';
import type { EventEnvelope, RawMatrixEvent } from './raw-matrix-event';

export { POLL_DECISION_KEY, type PollResponse, type PollStart } from '../governance/governance-events';
export { ROOM_ROLE_KEY, type SpaceLink } from '../group/group-events';
export { DEFAULT_MAX_CONTENT_BYTES, LARGE_MAX_CONTENT_BYTES } from './event-spec';
export { DomainEventPrefixes, type ImagoEvent } from './imago-event';

/** What {@link parseImagoEvent} makes of an event. */
export type ParsedEvent =
  | { readonly status: 'event'; readonly event: ImagoEvent }
  | { readonly status: 'warning'; readonly warning: ImagoWarning & { readonly stateKey?: string } }
  /** Not an Imago event nor a Matrix event Imago reads: nothing to say. */
  | { readonly status: 'foreign' };

/** Options of {@link parseImagoEvent}. */
export interface ParseEventOptions {
  /** Room id to assume when the event does not carry one (sync timelines omit it). */
  roomId?: string;
}

const encoder = new TextEncoder();

function contentBytes(content: unknown): number {
  try {
    return encoder.encode(JSON.stringify(content) ?? '').length;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or otherwise unserialisable: not JSON from the wire
  }
}

function readEnvelope(raw: RawMatrixEvent, options: ParseEventOptions): EventEnvelope | ContentProblem {
  if (typeof raw !== 'object' || raw === null)
    return new ContentProblem('$', 'not an object', 'malformed-envelope');
  if (typeof raw.event_id !== 'string' || !raw.event_id.startsWith('$') || raw.event_id.length > 255) {
    return new ContentProblem('event_id', 'expected an event id', 'malformed-envelope');
  }
  if (typeof raw.type !== 'string' || raw.type.length === 0 || raw.type.length > 255) {
    return new ContentProblem('type', 'expected an event type', 'malformed-envelope');
  }
  if (!isUserId(raw.sender)) return new ContentProblem('sender', 'expected a user id', 'malformed-envelope');
  const roomId = raw.room_id ?? options.roomId;
  if (!isRoomId(roomId)) return new ContentProblem('room_id', 'expected a room id', 'malformed-envelope');
  if (typeof raw.origin_server_ts !== 'number' || !Number.isSafeInteger(raw.origin_server_ts)) {
    return new ContentProblem('origin_server_ts', 'expected a timestamp', 'malformed-envelope');
  }
  if (raw.state_key !== undefined && (typeof raw.state_key !== 'string' || raw.state_key.length > 255)) {
    return new ContentProblem('state_key', 'expected a string', 'malformed-envelope');
  }
  return {
    eventId: raw.event_id,
    roomId,
    type: raw.type,
    sender: raw.sender,
    ...(raw.state_key === undefined ? {} : { stateKey: raw.state_key as string }),
    timestamp: raw.origin_server_ts,
  };
}

function isRedacted(raw: RawMatrixEvent): boolean {
  const unsigned = raw.unsigned;
  return typeof unsigned === 'object' && unsigned !== null && 'redacted_because' in unsigned;
}

/** Whether content is an `m.replace` edit (MSC2676): `m.relates_to.rel_type` or `m.new_content`. */
function isEdit(content: JsonObject): boolean {
  const relation = content['m.relates_to'];
  const relType =
    typeof relation === 'object' && relation !== null
      ? (relation as Record<string, unknown>).rel_type
      : undefined;
  return relType === 'm.replace' || content['m.new_content'] !== undefined;
}

/**
 * Parses an untrusted Matrix event. Never throws.
 *
 * @param raw - the event as served by the homeserver (see {@link toRawEvent} for a `MatrixEvent`).
 * @param options - the room id to assume when the event carries none.
 * @returns the typed event, a typed warning, or `foreign` for events Imago does not read.
 * @example
 * ```ts
 * const parsed = parseImagoEvent(toRawEvent(matrixEvent));
 * if (parsed.status === 'warning') console.warn(parsed.warning.code, parsed.warning.path);
 * ```
 */
export function parseImagoEvent(raw: RawMatrixEvent, options: ParseEventOptions = {}): ParsedEvent {
  const type = typeof raw === 'object' && raw !== null ? raw.type : undefined;
  if (typeof type === 'string' && !isRelevant(type)) return { status: 'foreign' };
  const envelope = readEnvelope(raw, options);
  if (envelope instanceof ContentProblem) {
    const eventId = typeof raw?.event_id === 'string' ? raw.event_id : undefined;
    return {
      status: 'warning',
      warning: {
        code: envelope.code,
        ...(eventId ? { eventId } : {}),
        path: envelope.path,
        detail: envelope.detail,
      },
    };
  }
  const about = {
    eventId: envelope.eventId,
    type: envelope.type,
    sender: envelope.sender,
    ...(envelope.stateKey === undefined ? {} : { stateKey: envelope.stateKey }),
  };
  if (isRedacted(raw) && envelope.type !== MatrixEventTypes.redaction) {
    return { status: 'warning', warning: { ...about, code: 'redacted', detail: 'the event was redacted' } };
  }
  if (envelope.type === MatrixEventTypes.encrypted) {
    return {
      status: 'warning',
      warning: { ...about, code: 'undecryptable', detail: 'the event could not be decrypted' },
    };
  }
  const size = contentBytes(raw.content);
  if (size > maxBytesOf(envelope.type)) {
    return {
      status: 'warning',
      warning: { ...about, code: 'oversize', path: 'content', detail: `${size} bytes` },
    };
  }
  try {
    const content = readObject(raw.content ?? {}, 'content');
    if (envelope.type.startsWith('org.imago.') && isEdit(content)) {
      return {
        status: 'warning',
        warning: {
          ...about,
          code: 'edit',
          path: 'content["m.relates_to"]',
          detail: 'Imago events are never edited',
        },
      };
    }
    const event = readContent(envelope, content, raw);
    return event === null ? { status: 'foreign' } : { status: 'event', event };
  } catch (problem) {
    if (problem instanceof ContentProblem) {
      return {
        status: 'warning',
        warning: { ...about, code: problem.code, path: problem.path, detail: problem.detail },
      };
    }
    return { status: 'warning', warning: { ...about, code: 'malformed-content', detail: String(problem) } };
  }
}
