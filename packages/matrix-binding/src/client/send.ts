/**
 * @module
 * Sending Imago events: thin wrappers over `MatrixClient.sendStateEvent` / `sendEvent` that accept
 * custom types and turn the homeserver's refusal into a {@link HomeserverError}.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';

/**
 * Sends a state event, wrapping the homeserver's refusal.
 *
 * @param client - the sender's client.
 * @param roomId - the room.
 * @param type - the state event type.
 * @param stateKey - the state key.
 * @param content - the content.
 * @returns the event id.
 * @throws {@link HomeserverError} (operation `send-event`).
 */
export async function sendState(
  client: MatrixClient,
  roomId: string,
  type: string,
  stateKey: string,
  content: Record<string, unknown>,
): Promise<string> {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: custom state event types are not in the SDK's type map
    const response = await (client as any).sendStateEvent(roomId, type, content, stateKey);
    return (response as { event_id: string }).event_id;
  } catch (cause) {
    throw new HomeserverError('send-event', `could not send ${type} in ${roomId}`, { cause });
  }
}

/**
 * Sends a timeline event (encrypted when the room is, if the client has crypto).
 *
 * @param client - the sender's client.
 * @param roomId - the room.
 * @param type - the event type.
 * @param content - the content.
 * @returns the event id.
 * @throws {@link HomeserverError} (operation `send-event`).
 */
export async function sendEvent(
  client: MatrixClient,
  roomId: string,
  type: string,
  content: Record<string, unknown>,
): Promise<string> {
  await untilRoomKnown(client, roomId);
  try {
    // biome-ignore lint/suspicious/noExplicitAny: custom event types are not in the SDK's type map
    const response = await (client as any).sendEvent(roomId, type, content);
    return (response as { event_id: string }).event_id;
  } catch (cause) {
    throw new HomeserverError('send-event', `could not send ${type} in ${roomId}`, { cause });
  }
}

/**
 * With end-to-end encryption, matrix-js-sdk encrypts only for rooms it knows from sync: wait (up to
 * 10 s) until the room is known, so that an event for an encrypted room is never sent in clear.
 */
async function untilRoomKnown(client: MatrixClient, roomId: string): Promise<void> {
  if (client.getCrypto() === undefined) return;
  for (let waited = 0; client.getRoom(roomId) === null; waited += 50) {
    if (waited > 10_000)
      throw new HomeserverError('send-event', `room ${roomId} is not known to the client yet`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
