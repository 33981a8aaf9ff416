/**
 * @module
 * A general assembly, replayed from its debate room: the speaking queue with its turns (chairs
 * named by the group's control table, see {@link assemblyChairs}), the motions a chair put to the
 * vote (decisions of the group like any other, replayed from its decisions room), the minutes a
 * chair posted, each checked against this replay, and who may speak into the microphone now.
 * Pure: the debate room's events, the group's governance state and the session's memberships in,
 * the assembly out; every member computes the same.
 */
import { type GovernanceState, tableAt } from '@imago/governance';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';
import { assemblyChairs } from './assembly-chairs';
import type { MinutesContent, MinutesMotion, MotionOutcome } from './assembly-content';
import {
  isOvertime,
  type SessionMembership,
  type SpeakingQueue,
  speakingQueue,
  type Turn,
} from './speaking-queue';

/** A motion put to the meeting's vote. */
export interface Motion {
  /** The decision in the group's decisions room. */
  readonly decision: string;
  readonly title: string;
  /** The `org.imago.debate.motion` event. */
  readonly eventId: string;
  readonly by: string;
  readonly at: number;
  /** Where the decision stands now. */
  readonly outcome: MotionOutcome;
  /** The elected options (labels), once settled with winners. */
  readonly winners?: readonly string[];
}

/** Minutes posted in the room, with the result of checking them against the replay. */
export interface PostedMinutes {
  readonly eventId: string;
  readonly sender: string;
  readonly at: number;
  readonly content: MinutesContent;
  /** Whether they say exactly what the room's replay says at their time. */
  readonly faithful: boolean;
  /** What the room's replay says at their time. */
  readonly expected: MinutesContent;
}

/** The state of an assembly. */
export interface Assembly extends SpeakingQueue {
  /** The chairs now, from the group's control table (each event is judged by its own time's). */
  readonly chairs: readonly string[];
  readonly motions: readonly Motion[];
  /** Minutes posted by a chair, in order (the meeting is closed once there are some). */
  readonly minutes: readonly PostedMinutes[];
}

/** Options of {@link replayAssembly}. */
export interface ReplayAssemblyOptions {
  /** The group's governance (its control table names the chairs; motions are its decisions). */
  governance?: GovernanceState;
  /** Members of groups by id, for chairs given as a sub-group. */
  groups?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Memberships of the room's MatrixRTC session (see `SpeakingQueueOptions.memberships`). Default:
   * every session membership published in the room's history, so that a replay after the meeting
   * (when everyone has left) judges each event as it was judged live.
   */
  memberships?: readonly SessionMembership[];
  /** Speaking time that overrides the room's settings. */
  speakingTime?: number;
}

function outcomeOf(
  governance: GovernanceState | undefined,
  decision: string,
  at = Number.POSITIVE_INFINITY,
): Pick<Motion, 'outcome' | 'winners'> {
  const found = governance?.decisions.get(decision);
  const outcome = found?.outcome;
  if (!found || !outcome || outcome.at > at) return { outcome: 'pending' };
  const winners = outcome.winners?.map((index) => found.options[index] ?? String(index));
  return { outcome: outcome.status, ...(winners && winners.length > 0 ? { winners } : {}) };
}

/**
 * The minutes of an assembly as the replay says they are at a time: every turn with its duration
 * (a turn still going on ends at `at`), every motion with its outcome as settled by then.
 *
 * @param assembly - the replayed assembly (up to `at`).
 * @param governance - the group's governance, for the motions' outcomes.
 * @param at - when the minutes are taken (ms).
 * @returns the content of an `org.imago.debate.minutes` event.
 */
export function assemblyMinutes(
  assembly: Pick<Assembly, 'turns' | 'motions'>,
  governance: GovernanceState | undefined,
  at: number,
): MinutesContent {
  const turns = assembly.turns.map((turn: Turn) => ({
    speaker: turn.speaker,
    ...(turn.slot ? { slot: turn.slot } : {}),
    since: turn.since,
    duration: Math.max(0, (turn.until ?? at) - turn.since),
  }));
  const motions: MinutesMotion[] = assembly.motions.map((motion) => ({
    decision: motion.decision,
    title: motion.title,
    ...outcomeOf(governance, motion.decision, at),
  }));
  return { turns, motions };
}

function sameMinutes(a: MinutesContent, b: MinutesContent): boolean {
  const canonical = (m: MinutesContent) =>
    JSON.stringify({
      turns: m.turns.map((t) => [t.speaker, t.slot ?? 'turn', t.since, t.duration]),
      motions: m.motions.map((x) => [x.decision, x.title, x.outcome, x.winners ?? []]),
    });
  return canonical(a) === canonical(b);
}

/**
 * Every MatrixRTC session membership published in a room's history (joins only).
 *
 * @param events - the room's events.
 * @returns each membership event and its sender.
 */
export function publishedMemberships(events: readonly ImagoEvent[]): SessionMembership[] {
  return events.flatMap((event) =>
    event.kind === 'rtc-membership' && event.content.joined
      ? [{ eventId: event.eventId, userId: event.sender }]
      : [],
  );
}

/**
 * Replays an assembly from its debate room.
 *
 * @param events - the debate room's events in timeline order (e.g. `logEvents(log)`).
 * @param options - the group's governance, the session's memberships, a speaking time.
 * @returns the queue, floor and turns, the chairs, the motions, the minutes and the warnings
 *   for events that had no effect (a motion or minutes from someone who does not chair, a motion
 *   naming no decision of the group).
 * @example
 * ```ts
 * const assembly = replayAssembly(logEvents(debateLog), { governance: replayDecisions(decisionsLog).state });
 * ```
 */
export function replayAssembly(events: readonly ImagoEvent[], options: ReplayAssemblyOptions = {}): Assembly {
  const { governance } = options;
  // The chairs in force when each event was taken: a later change of the control table neither
  // makes an earlier chair's acts unauthorised nor an earlier refused act valid.
  const chairsAt = (at: number) =>
    assemblyChairs(governance ? tableAt(governance, at)?.table : undefined, options.groups);
  const chairs = assemblyChairs(governance?.table, options.groups);
  const queueOptions = {
    chairs: chairsAt,
    memberships: options.memberships ?? publishedMemberships(events),
    ...(options.speakingTime === undefined ? {} : { speakingTime: options.speakingTime }),
  };
  const queue = speakingQueue(events, queueOptions);
  const warnings: ImagoWarning[] = [...queue.warnings];
  const warn = (event: ImagoEvent, code: ImagoWarning['code'], detail: string) =>
    warnings.push({ code, eventId: event.eventId, type: event.type, sender: event.sender, detail });
  const motions: Motion[] = [];
  const minutes: PostedMinutes[] = [];
  for (const [index, event] of events.entries()) {
    if (event.kind !== 'motion' && event.kind !== 'minutes') continue;
    const at = queue.times.get(event.eventId) ?? event.timestamp;
    if (!chairsAt(at).includes(event.sender)) {
      warn(event, 'unauthorised', 'only a chair may do this');
      continue;
    }
    if (event.kind === 'motion') {
      const { decision, title } = event.content;
      if (!governance?.decisions.get(decision)) {
        warn(event, 'unknown-reference', 'not a decision of the group');
      } else if (motions.some((m) => m.decision === decision)) {
        warn(event, 'duplicate', 'motion already put');
      } else {
        motions.push({
          decision,
          title,
          eventId: event.eventId,
          by: event.sender,
          at,
          ...outcomeOf(governance, decision),
        });
      }
      continue;
    }
    const before = speakingQueue(events.slice(0, index + 1), queueOptions);
    const expected = assemblyMinutes({ turns: before.turns, motions }, governance, at);
    minutes.push({
      eventId: event.eventId,
      sender: event.sender,
      at,
      content: event.content,
      faithful: sameMinutes(event.content, expected),
      expected,
    });
  }
  return { ...queue, chairs, motions, minutes, warnings };
}

/**
 * Whether a participant may publish sound now: a chair always, the speaker until their time is
 * up, nobody else. The RTC authorisation service turns this into LiveKit permissions.
 *
 * @param assembly - the replayed assembly.
 * @param userId - the participant.
 * @param now - the current time (ms).
 * @returns `true` when the participant may speak.
 */
export function maySpeak(assembly: Pick<Assembly, 'chairs' | 'floor'>, userId: string, now: number): boolean {
  if (assembly.chairs.includes(userId)) return true;
  return assembly.floor?.speaker === userId && !isOvertime(assembly.floor, now);
}
