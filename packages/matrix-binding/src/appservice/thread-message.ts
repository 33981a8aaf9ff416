/**
 * @module
 * A text message in a thread (`m.thread` relation, Matrix client-server API "Threading"), with an
 * HTML body when one is given. Clients without threads show it as a reply to the thread's root.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent } from '../client/send';
import { MatrixEventTypes } from '../events/event-types';

/** The text of a message: plain, and optionally HTML (already sanitised by the caller). */
export interface MessageText {
  readonly body: string;
  readonly html?: string;
}

/**
 * Sends a text message in the thread of `root`.
 *
 * @param client - the sender's client.
 * @param roomId - the room of the thread.
 * @param root - the event id of the thread's root.
 * @param text - the message.
 * @param extra - further content keys (namespaced, e.g. the origin of a bridged message).
 * @returns the event id.
 * @throws {@link HomeserverError} (operation `send-event`).
 */
export function sendThreadMessage(
  client: MatrixClient,
  roomId: string,
  root: string,
  text: MessageText,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return sendEvent(client, roomId, MatrixEventTypes.message, {
    ...extra,
    msgtype: 'm.text',
    body: text.body,
    ...(text.html ? { format: 'org.matrix.custom.html', formatted_body: text.html } : {}),
    'm.relates_to': {
      rel_type: 'm.thread',
      event_id: root,
      is_falling_back: true,
      'm.in_reply_to': { event_id: root },
    },
  });
}
