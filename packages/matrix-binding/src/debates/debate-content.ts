/**
 * @module
 * Contents of the debate events: `org.imago.debate.settings` (state, key `""`),
 * `org.imago.debate.hand` and `org.imago.debate.floor` (timeline). Element Call's raise-hand
 * reaction (`m.reaction` with key 🖐️ on the sender's own MatrixRTC membership event) is read as
 * an equivalent of `org.imago.debate.hand`; redacting it lowers the hand.
 */
import { readArray, readBoolean, readInteger, readObject, readUserId } from '../events/content-reader';
import { readSpeakingSlot, type SpeakingSlot } from './speaking-slot';

/** Content of `org.imago.debate.settings`. */
export interface DebateSettings {
  /** Users who give the floor (besides members with the power to change the settings). */
  readonly chairs: readonly string[];
  /** Default speaking time in milliseconds (0: no limit). */
  readonly speakingTime: number;
}

/** Content of `org.imago.debate.hand`. */
export interface HandContent {
  readonly raised: boolean;
  /** What the hand asks for (absent: an ordinary turn). */
  readonly slot?: SpeakingSlot;
}

/** Content of `org.imago.debate.floor`: `speaker: null` takes the floor back. */
export interface FloorContent {
  readonly speaker: string | null;
  /** Speaking time granted in milliseconds (0: no limit); default: the settings' `speakingTime`. */
  readonly duration?: number;
  /** What the floor is given for (absent: an ordinary turn). */
  readonly slot?: SpeakingSlot;
}

/** The reaction key Element Call sends on a membership event to raise a hand. */
export const RAISE_HAND_KEY = '🖐️';

const HOUR = 3_600_000;

/**
 * Reads `org.imago.debate.settings` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the settings.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readDebateSettings(content: unknown, path = 'content'): DebateSettings {
  const object = readObject(content, path);
  const chairs =
    object.chairs === undefined
      ? []
      : readArray(object.chairs, `${path}.chairs`, 100).map((chair, index) =>
          readUserId(chair, `${path}.chairs[${index}]`),
        );
  return {
    chairs,
    speakingTime:
      object.speakingTime === undefined
        ? 0
        : readInteger(object.speakingTime, `${path}.speakingTime`, 0, 24 * HOUR),
  };
}

/**
 * Reads `org.imago.debate.hand` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the hand state.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readHandContent(content: unknown, path = 'content'): HandContent {
  const object = readObject(content, path);
  const raised = readBoolean(object.raised, `${path}.raised`);
  return object.slot === undefined
    ? { raised }
    : { raised, slot: readSpeakingSlot(object.slot, `${path}.slot`) };
}

/**
 * Reads `org.imago.debate.floor` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the floor change.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readFloorContent(content: unknown, path = 'content'): FloorContent {
  const object = readObject(content, path);
  const speaker = object.speaker === null ? null : readUserId(object.speaker, `${path}.speaker`);
  return {
    speaker,
    ...(object.duration === undefined
      ? {}
      : { duration: readInteger(object.duration, `${path}.duration`, 0, 24 * HOUR) }),
    ...(object.slot === undefined ? {} : { slot: readSpeakingSlot(object.slot, `${path}.slot`) }),
  };
}
