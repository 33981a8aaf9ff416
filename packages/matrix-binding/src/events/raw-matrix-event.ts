/**
 * @module
 * The shape of a Matrix event as the client-server API serves it (spec "Room Event Format"),
 * with every field untrusted: this is what the parsing boundary receives.
 */

/** A Matrix client event as received, before any parsing. */
export interface RawMatrixEvent {
  readonly event_id?: unknown;
  readonly room_id?: unknown;
  readonly type?: unknown;
  readonly sender?: unknown;
  readonly state_key?: unknown;
  readonly origin_server_ts?: unknown;
  readonly content?: unknown;
  readonly redacts?: unknown;
  readonly unsigned?: unknown;
}

/** The checked envelope of an event: everything but its content. */
export interface EventEnvelope {
  readonly eventId: string;
  readonly roomId: string;
  readonly type: string;
  readonly sender: string;
  /** Present on state events. */
  readonly stateKey?: string;
  /** `origin_server_ts`: milliseconds since the epoch, as claimed by the sender's homeserver. */
  readonly timestamp: number;
}

/** Anything that can give its raw event: a `matrix-js-sdk` `MatrixEvent` or a plain object. */
export interface MatrixEventSource {
  /** `MatrixEvent.getEffectiveEvent()`: the decrypted event when it was encrypted. */
  getEffectiveEvent(): Partial<Record<keyof RawMatrixEvent, unknown>>;
}

/**
 * The raw event of a `matrix-js-sdk` `MatrixEvent` (decrypted if it was encrypted and could be
 * decrypted), or the object itself when it is already a raw event.
 *
 * @param event - a `MatrixEvent` or a raw event object.
 * @returns the raw event.
 */
export function toRawEvent(event: MatrixEventSource | RawMatrixEvent): RawMatrixEvent {
  return typeof (event as MatrixEventSource).getEffectiveEvent === 'function'
    ? ((event as MatrixEventSource).getEffectiveEvent() as RawMatrixEvent)
    : (event as RawMatrixEvent);
}
