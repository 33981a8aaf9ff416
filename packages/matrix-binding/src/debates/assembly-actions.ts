/**
 * @module
 * Acting in an assembly: asking for a point of order or a direct reply, putting a motion to the
 * meeting's vote (a decision of the group, proposed in its decisions room under its control
 * table, then announced in the debate room), and posting the minutes. Thin I/O.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent } from '../client/send';
import { ImagoEventTypes } from '../events/event-types';
import { propose } from '../governance/decision-actions';
import type { MinutesContent } from './assembly-content';
import type { SpeakingSlot } from './speaking-slot';

/**
 * Asks to speak: an ordinary turn, a point of order or a direct reply (`org.imago.debate.hand`).
 *
 * @param client - the participant's client.
 * @param roomId - the debate room.
 * @param slot - what the participant asks for.
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function requestToSpeak(client: MatrixClient, roomId: string, slot: SpeakingSlot): Promise<string> {
  return sendEvent(
    client,
    roomId,
    ImagoEventTypes.debateHand,
    slot === 'turn' ? { raised: true } : { raised: true, slot },
  );
}

/** A motion to put to the meeting's vote. */
export interface MotionInput {
  readonly title: string;
  /** Options voted on (none: a yes/no motion). */
  readonly options?: readonly string[];
  /** The kind of action, whose control-table row decides the vote (default `publish-text`). */
  readonly kind?: string;
}

/**
 * Puts a motion to the vote: proposes it as a decision in the group's decisions room (the
 * control table's rule for its kind applies, delegations included), then announces it in the
 * debate room (`org.imago.debate.motion`, which only a chair may send to effect).
 *
 * @param client - a chair's client.
 * @param rooms - the debate room and the group's decisions room.
 * @param motion - title, options, kind.
 * @returns the decision id and the motion event id.
 * @throws {@link HomeserverError} when refused.
 * @example
 * ```ts
 * const { decision } = await openMotion(client, { debateRoomId, decisionsRoomId }, { title: 'Adopt the budget' });
 * ```
 */
export async function openMotion(
  client: MatrixClient,
  rooms: { readonly debateRoomId: string; readonly decisionsRoomId: string },
  motion: MotionInput,
): Promise<{ decision: string; eventId: string }> {
  const decision = await propose(client, rooms.decisionsRoomId, {
    kind: motion.kind ?? 'publish-text',
    title: motion.title,
    action: { text: motion.title, assembly: rooms.debateRoomId },
    ...(motion.options && motion.options.length > 0 ? { options: [...motion.options] } : {}),
  });
  const eventId = await sendEvent(client, rooms.debateRoomId, ImagoEventTypes.debateMotion, {
    decision,
    title: motion.title,
  });
  return { decision, eventId };
}

/**
 * Posts the minutes of the meeting (`org.imago.debate.minutes`); compute them with
 * `assemblyMinutes` so that every member's replay finds them faithful.
 *
 * @param client - a chair's client.
 * @param roomId - the debate room.
 * @param minutes - the turns and the motions.
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function postMinutes(client: MatrixClient, roomId: string, minutes: MinutesContent): Promise<string> {
  return sendEvent(client, roomId, ImagoEventTypes.debateMinutes, {
    turns: minutes.turns.map((turn) => ({ ...turn })),
    motions: minutes.motions.map((motion) => ({
      ...motion,
      ...(motion.winners ? { winners: [...motion.winners] } : {}),
    })),
  });
}
