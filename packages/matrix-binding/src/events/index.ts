/**
 * The envelope of an Imago event: its types, size limits, warnings, and reading one from Matrix.
 *
 * @module
 */
export { ContentProblem, type JsonObject } from './content-reader';
export { DECIMAL_KEY, decodeDecimals, encodeDecimals } from './decimal-codec';
export { type ImagoEventType, ImagoEventTypes, MatrixEventTypes } from './event-types';
export type { ImagoWarning, ImagoWarningCode, WarningSink } from './imago-warning';
export {
  DEFAULT_MAX_CONTENT_BYTES,
  DomainEventPrefixes,
  type ImagoEvent,
  LARGE_MAX_CONTENT_BYTES,
  type ParsedEvent,
  type ParseEventOptions,
  POLL_DECISION_KEY,
  type PollResponse,
  type PollStart,
  parseImagoEvent,
  ROOM_ROLE_KEY,
  type SpaceLink,
} from './parse-imago-event';
export {
  type EventEnvelope,
  type MatrixEventSource,
  type RawMatrixEvent,
  toRawEvent,
} from './raw-matrix-event';
