/**
 * @module
 * What a speaker asks for or is given: an ordinary turn, a point of order (on the conduct of the
 * meeting, heard before anyone else) or a direct reply (a short answer to the current speaker,
 * heard before the ordinary turns), as general assemblies run them.
 */
import { readEnum } from '../events/content-reader';

/** The kinds of speaking slot, in the order the queue serves them. */
export const SPEAKING_SLOTS = ['point-of-order', 'direct-reply', 'turn'] as const;

/** A kind of speaking slot. */
export type SpeakingSlot = (typeof SPEAKING_SLOTS)[number];

/**
 * Reads a speaking slot.
 *
 * @param value - untrusted value.
 * @param path - path for problem reports.
 * @returns the slot.
 * @throws {@link ContentProblem} when it is not one of {@link SPEAKING_SLOTS}.
 */
export function readSpeakingSlot(value: unknown, path: string): SpeakingSlot {
  return readEnum(value, path, SPEAKING_SLOTS);
}

/**
 * Queue priority of a slot (lower is served first).
 *
 * @param slot - the slot (absent: an ordinary turn).
 * @returns its rank in {@link SPEAKING_SLOTS}.
 */
export function slotPriority(slot: SpeakingSlot | undefined): number {
  return SPEAKING_SLOTS.indexOf(slot ?? 'turn');
}
