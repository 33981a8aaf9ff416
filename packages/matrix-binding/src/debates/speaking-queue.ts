/**
 * @module
 * The speaking queue of a debate (a virtual general assembly), folded from the room's events:
 * raised hands in order, who has the floor and until when. Hands may be raised with
 * `org.imago.debate.hand` or with Element Call's 🖐️ reaction on the sender's own MatrixRTC
 * membership event; only chairs give the floor; the speaker may yield it. The queue follows the
 * room's order, never the timestamps that senders' homeservers claim, and times never go back
 * (a backdated hand is raised now): nobody jumps the queue by lying about the time. Pure: events
 * and the session's memberships in, queue out.
 */
import { DEFAULT_CLOCK_SKEW, effectiveTime } from '@imago/governance';
import { ImagoEventTypes } from '../events/event-types';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';
import { maySend, type PowerLevels } from '../group/group-view';
import type { DebateSettings } from './debate-content';
import { type SpeakingSlot, slotPriority } from './speaking-slot';

/** A raised hand. */
export interface RaisedHand {
  readonly userId: string;
  /** When the hand was raised: its timestamp, never earlier than the events before it. */
  readonly since: number;
  /** The event that raised it (an `org.imago.debate.hand` or a 🖐️ reaction). */
  readonly eventId: string;
  /** What the hand asks for (absent: an ordinary turn). */
  readonly slot?: SpeakingSlot;
}

/** Who speaks. */
export interface Floor {
  readonly speaker: string;
  readonly since: number;
  /** When the speaking time ends (absent: no limit). */
  readonly endsAt?: number;
  /** What the floor was given for (absent: an ordinary turn). */
  readonly slot?: SpeakingSlot;
}

/** A past or current turn: who had the floor, from when to when. */
export interface Turn {
  readonly speaker: string;
  readonly since: number;
  /** When the floor moved on (absent: the turn goes on). */
  readonly until?: number;
  readonly slot?: SpeakingSlot;
  /** The `org.imago.debate.floor` event that gave it. */
  readonly eventId: string;
}

/** The state of a debate. */
export interface SpeakingQueue {
  readonly settings: DebateSettings;
  /** Raised hands: points of order, then direct replies, then turns, each first raised (in room order) first. */
  readonly queue: readonly RaisedHand[];
  readonly floor: Floor | null;
  /** Every turn given, in order. */
  readonly turns: readonly Turn[];
  readonly warnings: readonly ImagoWarning[];
  /** The time at which each event was taken (ms), by event id: the room's clock. */
  readonly times: ReadonlyMap<string, number>;
}

/** A MatrixRTC session membership: its state event id and its user (`CallMembership.eventId`/`sender`). */
export interface SessionMembership {
  readonly eventId: string;
  readonly userId: string;
}

/** Options of {@link speakingQueue}. */
export interface SpeakingQueueOptions {
  /** The room's power levels: members allowed to change the debate settings also chair. */
  powerLevels?: PowerLevels;
  /**
   * Memberships of the room's MatrixRTC session. When given, only participants of the session may
   * raise a hand or receive the floor, and reactions must target the sender's own membership.
   */
  memberships?: readonly SessionMembership[];
  /** Speaking time that overrides the settings' one (e.g. set by the group's control table). */
  speakingTime?: number;
  /**
   * The chairs, when something above the room names them (e.g. the group's control table, see
   * `assemblyChairs`): then they alone give the floor, and the settings' chairs and power levels
   * are not consulted. A function gives the chairs in force at a time (ms), so that every event
   * is judged by the chairs of its own time.
   */
  chairs?: readonly string[] | ((at: number) => readonly string[]);
  /**
   * How far ahead of the chairs' clock anyone else's event may claim to be (ms; default
   * governance's `DEFAULT_CLOCK_SKEW`).
   */
  clockSkew?: number;
}

const NO_SETTINGS: DebateSettings = { chairs: [], speakingTime: 0 };

/**
 * Folds a debate room's events into its speaking queue.
 *
 * @param events - the room's events in timeline order (e.g. `logEvents(log)`).
 * @param options - power levels, session memberships, speaking time override.
 * @returns the queue, the floor and the warnings for events that had no effect.
 * @example
 * ```ts
 * const { queue, floor } = speakingQueue(logEvents(log), { memberships, powerLevels });
 * ```
 */
export function speakingQueue(
  events: readonly ImagoEvent[],
  options: SpeakingQueueOptions = {},
): SpeakingQueue {
  let settings = NO_SETTINGS;
  const hands = new Map<string, RaisedHand>();
  let floor: Floor | null = null;
  const warnings: ImagoWarning[] = [];
  const memberships = options.memberships
    ? new Map(options.memberships.map((m) => [m.eventId, m.userId]))
    : undefined;
  const participants = options.memberships ? new Set(options.memberships.map((m) => m.userId)) : undefined;
  const warn = (event: ImagoEvent, code: ImagoWarning['code'], detail: string) =>
    warnings.push({ code, eventId: event.eventId, type: event.type, sender: event.sender, detail });
  const turns: Turn[] = [];
  // The chairs whose clock bounds everyone else's: those named above the room, or the settings'.
  const chairsAt = (at: number): readonly string[] =>
    typeof options.chairs === 'function' ? options.chairs(at) : (options.chairs ?? settings.chairs);
  const isChair = (userId: string, at: number) =>
    options.chairs
      ? chairsAt(at).includes(userId)
      : settings.chairs.includes(userId) ||
        (options.powerLevels !== undefined &&
          maySend(options.powerLevels, userId, ImagoEventTypes.debateSettings, true));
  const speakingTime = () => options.speakingTime ?? settings.speakingTime;
  // The room's clock: never earlier than the event before, and for anyone but a chair never
  // ahead of the chairs' clock by more than the skew (governance's group clock, with the chairs
  // as the authority): nobody jumps the queue or stretches a turn by lying about the time.
  const skew = options.clockSkew ?? DEFAULT_CLOCK_SKEW;
  let clock = events[0]?.timestamp ?? 0;
  let chairClock = clock;
  const times = new Map<string, number>();
  const raise = (event: ImagoEvent, at: number, slot?: SpeakingSlot) => {
    if (participants && !participants.has(event.sender))
      return warn(event, 'unauthorised', 'not in the session');
    if (!hands.has(event.sender) && floor?.speaker !== event.sender) {
      hands.set(event.sender, {
        userId: event.sender,
        since: at,
        eventId: event.eventId,
        ...(slot ? { slot } : {}),
      });
    }
  };
  const endTurn = (at: number) => {
    const last = turns.at(-1);
    if (floor && last && last.until === undefined) turns[turns.length - 1] = { ...last, until: at };
  };
  for (const event of events) {
    const chairs = chairsAt(clock);
    const at = effectiveTime(
      { clock, authority: chairs.length > 0 ? chairs : [event.sender], authorityClock: chairClock },
      event.sender,
      event.timestamp,
      skew,
    );
    clock = at;
    if (chairs.includes(event.sender)) chairClock = Math.max(chairClock, at);
    times.set(event.eventId, at);
    switch (event.kind) {
      case 'debate-settings':
        if (event.stateKey === '') settings = event.content;
        break;
      case 'hand':
        if (event.content.raised) raise(event, at, event.content.slot);
        else hands.delete(event.sender);
        break;
      case 'raise-hand-reaction': {
        const owner = memberships?.get(event.content.membershipEvent);
        if (memberships && owner === undefined) {
          warn(event, 'unknown-reference', 'not a membership of the current session');
        } else if (owner !== undefined && owner !== event.sender) {
          warn(event, 'unauthorised', 'raise-hand reaction on another user’s membership');
        } else raise(event, at);
        break;
      }
      case 'floor': {
        const { speaker } = event.content;
        const yielding = speaker === null && floor?.speaker === event.sender;
        if (!yielding && !isChair(event.sender, at)) {
          warn(event, 'unauthorised', 'only a chair gives the floor');
          break;
        }
        if (speaker === null) {
          endTurn(at);
          floor = null;
          break;
        }
        if (participants && !participants.has(speaker)) {
          warn(event, 'unknown-reference', 'the speaker is not in the session');
          break;
        }
        const duration = event.content.duration ?? speakingTime();
        const slot = event.content.slot;
        endTurn(at);
        floor = {
          speaker,
          since: at,
          ...(duration > 0 ? { endsAt: at + duration } : {}),
          ...(slot ? { slot } : {}),
        };
        turns.push({ speaker, since: at, ...(slot ? { slot } : {}), eventId: event.eventId });
        hands.delete(speaker);
        break;
      }
      default:
        break;
    }
  }
  // A Map keeps insertion order (the order in which the room raised the hands); the sort is stable.
  const queue = [...hands.values()].sort((a, b) => slotPriority(a.slot) - slotPriority(b.slot));
  return { settings, queue, floor, turns, warnings, times };
}

/**
 * Whether the speaker has exceeded their time.
 *
 * @param floor - the floor.
 * @param now - the current time in milliseconds.
 * @returns `true` when a limit is set and passed.
 */
export function isOvertime(floor: Floor | null, now: number): boolean {
  return floor?.endsAt !== undefined && now > floor.endsAt;
}
