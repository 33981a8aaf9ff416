/**
 * @module
 * A debate in the Repair Café: Amélie chairs, hands go up, she gives Bruno the floor; the queue is
 * read back from the room.
 */
import {
  appendToRoomLog,
  configureDebate,
  emptyRoomLog,
  fetchRoomHistory,
  giveFloor,
  logEvents,
  raiseHand,
  speakingQueue,
} from '@imago/matrix-binding';
import type { Cast } from './cast';

/**
 * Plays the debate.
 *
 * @param cast - the people.
 * @param debate - the debate room.
 * @returns the speaking queue as the room has it.
 */
export async function playDebate(cast: Cast, debate: string): Promise<ReturnType<typeof speakingQueue>> {
  const amelie = cast.person('amelie').client;
  await configureDebate(amelie, debate, { chairs: [cast.id('amelie')], speakingTime: 120_000 });
  for (const key of ['bruno', 'emma', 'chloe', 'farid']) await raiseHand(cast.person(key).client, debate);
  await giveFloor(amelie, debate, cast.id('bruno'), 120_000);
  const log = appendToRoomLog(emptyRoomLog(debate), await fetchRoomHistory(amelie, debate));
  return speakingQueue(logEvents(log), {});
}
