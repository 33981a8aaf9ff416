/**
 * @module
 * Contents of the assembly events of a debate room: `org.imago.debate.motion` (a chair puts a
 * decision of the group to the meeting's vote) and `org.imago.debate.minutes` (a chair closes the
 * meeting with its record: the turns in order with their durations, the motions and their
 * outcomes). Both are timeline events; the minutes are checked against the room's own replay.
 */
import {
  fail,
  readArray,
  readEnum,
  readInteger,
  readObject,
  readString,
  readStringList,
  readUserId,
} from '../events/content-reader';
import { readSpeakingSlot, type SpeakingSlot } from './speaking-slot';

/** Content of `org.imago.debate.motion`. */
export interface MotionContent {
  /** The decision (its `propose` event id in the group's decisions room). */
  readonly decision: string;
  /** The motion as the chair puts it. */
  readonly title: string;
}

/** Where a motion stands in the minutes. */
export type MotionOutcome = 'adopted' | 'rejected' | 'expired' | 'withdrawn' | 'pending';

/** One turn in the minutes. */
export interface MinutesTurn {
  readonly speaker: string;
  readonly slot?: SpeakingSlot;
  /** When the floor was given (ms since the epoch, from the floor event). */
  readonly since: number;
  /** How long the turn lasted, in ms (until the next floor event or the minutes). */
  readonly duration: number;
}

/** One motion in the minutes. */
export interface MinutesMotion {
  readonly decision: string;
  readonly title: string;
  readonly outcome: MotionOutcome;
  /** The elected options, by label, when the vote elected some. */
  readonly winners?: readonly string[];
}

/** Content of `org.imago.debate.minutes`. */
export interface MinutesContent {
  readonly turns: readonly MinutesTurn[];
  readonly motions: readonly MinutesMotion[];
}

const DAY = 86_400_000;
const OUTCOMES: readonly MotionOutcome[] = ['adopted', 'rejected', 'expired', 'withdrawn', 'pending'];

function readEventId(value: unknown, path: string): string {
  const id = readString(value, path, 255);
  if (!id.startsWith('$')) fail(path, 'expected an event id');
  return id;
}

/**
 * Reads `org.imago.debate.motion` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the motion.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readMotionContent(content: unknown, path = 'content'): MotionContent {
  const object = readObject(content, path);
  return {
    decision: readEventId(object.decision, `${path}.decision`),
    title: readString(object.title, `${path}.title`, 1_000),
  };
}

/**
 * Reads `org.imago.debate.minutes` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the minutes.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readMinutesContent(content: unknown, path = 'content'): MinutesContent {
  const object = readObject(content, path);
  const turns = readArray(object.turns, `${path}.turns`, 1_000).map((item, index) => {
    const at = `${path}.turns[${index}]`;
    const turn = readObject(item, at);
    return {
      speaker: readUserId(turn.speaker, `${at}.speaker`),
      ...(turn.slot === undefined ? {} : { slot: readSpeakingSlot(turn.slot, `${at}.slot`) }),
      since: readInteger(turn.since, `${at}.since`, 0, Number.MAX_SAFE_INTEGER),
      duration: readInteger(turn.duration, `${at}.duration`, 0, DAY),
    };
  });
  const motions = readArray(object.motions, `${path}.motions`, 100).map((item, index) => {
    const at = `${path}.motions[${index}]`;
    const motion = readObject(item, at);
    const winners =
      motion.winners === undefined ? undefined : readStringList(motion.winners, `${at}.winners`, 100);
    return {
      decision: readEventId(motion.decision, `${at}.decision`),
      title: readString(motion.title, `${at}.title`, 1_000),
      outcome: readEnum(motion.outcome, `${at}.outcome`, OUTCOMES),
      ...(winners ? { winners } : {}),
    };
  });
  return { turns, motions };
}
