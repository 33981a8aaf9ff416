/**
 * @module
 * Acting in a debate: settings, raising and lowering a hand (the Element Call way when the user's
 * MatrixRTC membership is known), giving and yielding the floor. Thin I/O.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent, sendState } from '../client/send';
import { HomeserverError } from '../errors/homeserver-error';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import { type DebateSettings, RAISE_HAND_KEY } from './debate-content';
import type { SpeakingSlot } from './speaking-slot';

/**
 * Sets the debate settings of a room (chairs, default speaking time).
 *
 * @param client - a client with power to send `org.imago.debate.settings`.
 * @param roomId - the debate room.
 * @param settings - chairs and speaking time (ms, 0 for none).
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function configureDebate(
  client: MatrixClient,
  roomId: string,
  settings: DebateSettings,
): Promise<string> {
  return sendState(client, roomId, ImagoEventTypes.debateSettings, '', {
    chairs: [...settings.chairs],
    speakingTime: settings.speakingTime,
  });
}

/**
 * Raises the user's hand. With the user's MatrixRTC membership event id, sends Element Call's 🖐️
 * reaction on it (Element Call shows it); otherwise an `org.imago.debate.hand`.
 *
 * @param client - the participant's client.
 * @param roomId - the debate room.
 * @param membershipEventId - the user's own session membership event (optional).
 * @returns the event id (keep it to lower the hand raised by reaction).
 * @throws {@link HomeserverError} when refused.
 */
export function raiseHand(client: MatrixClient, roomId: string, membershipEventId?: string): Promise<string> {
  if (membershipEventId === undefined)
    return sendEvent(client, roomId, ImagoEventTypes.debateHand, { raised: true });
  return sendEvent(client, roomId, MatrixEventTypes.reaction, {
    'm.relates_to': { rel_type: 'm.annotation', event_id: membershipEventId, key: RAISE_HAND_KEY },
  });
}

/**
 * Lowers the user's hand: redacts the raise-hand reaction when its id is given (as Element Call
 * does), otherwise sends `org.imago.debate.hand` with `raised: false`.
 *
 * @param client - the participant's client.
 * @param roomId - the debate room.
 * @param reactionEventId - the reaction returned by {@link raiseHand}, if the hand was raised so.
 * @throws {@link HomeserverError} when refused.
 */
export async function lowerHand(
  client: MatrixClient,
  roomId: string,
  reactionEventId?: string,
): Promise<void> {
  if (reactionEventId === undefined) {
    await sendEvent(client, roomId, ImagoEventTypes.debateHand, { raised: false });
    return;
  }
  try {
    await client.redactEvent(roomId, reactionEventId);
  } catch (cause) {
    throw new HomeserverError('send-event', `could not lower the hand in ${roomId}`, { cause });
  }
}

/**
 * Gives the floor (as a chair), or takes it back with `speaker: null`; the speaker may also yield
 * with `null`.
 *
 * @param client - a chair's (or the speaker's) client.
 * @param roomId - the debate room.
 * @param speaker - the user id, or `null`.
 * @param duration - speaking time in ms (default: the settings').
 * @param slot - what the floor is given for (default: an ordinary turn).
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function giveFloor(
  client: MatrixClient,
  roomId: string,
  speaker: string | null,
  duration?: number,
  slot?: SpeakingSlot,
): Promise<string> {
  return sendEvent(client, roomId, ImagoEventTypes.debateFloor, {
    speaker,
    ...(duration === undefined ? {} : { duration }),
    ...(slot === undefined || slot === 'turn' ? {} : { slot }),
  });
}
