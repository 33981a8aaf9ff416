/**
 * @module
 * What each participant of an assembly may do on the SFU, derived from the assembly's replay: the
 * chairs and the member who has the floor (until their time is up) publish sound and picture;
 * everyone else listens and watches. LiveKit grants restrict publishing by track *source*, not by
 * kind, so a camera permission would let anyone send sound labelled "camera": listeners therefore
 * publish nothing at all. Nobody publishes data (no side channel around the queue).
 */
import { type Assembly, maySpeak } from '@imago/matrix-binding';

/** A track source a participant may publish (LiveKit's names). */
export type MediaSource = 'microphone' | 'camera';

/** A participant's permission on the SFU (the fields of LiveKit's `ParticipantPermission` we set). */
export interface MediaPermission {
  readonly canSubscribe: boolean;
  readonly canPublish: boolean;
  readonly canPublishData: boolean;
  readonly canPublishSources: readonly MediaSource[];
}

/** A listener's permission. */
export const LISTENER: MediaPermission = {
  canSubscribe: true,
  canPublish: false,
  canPublishData: false,
  canPublishSources: [],
};

/** A speaker's (or chair's) permission. */
export const SPEAKER: MediaPermission = {
  canSubscribe: true,
  canPublish: true,
  canPublishData: false,
  canPublishSources: ['microphone', 'camera'],
};

/**
 * A participant's media permission now.
 *
 * @param assembly - the replayed assembly (its chairs and floor).
 * @param userId - the participant.
 * @param now - the current time (ms).
 * @returns {@link SPEAKER} or {@link LISTENER}.
 */
export function mediaPermission(
  assembly: Pick<Assembly, 'chairs' | 'floor'>,
  userId: string,
  now: number,
): MediaPermission {
  return maySpeak(assembly, userId, now) ? SPEAKER : LISTENER;
}

/**
 * When permissions change next without any new event: the end of the speaker's time.
 *
 * @param assembly - the replayed assembly.
 * @param now - the current time (ms).
 * @returns the time (ms), or `undefined` when nothing is due.
 */
export function nextPermissionChange(assembly: Pick<Assembly, 'floor'>, now: number): number | undefined {
  const endsAt = assembly.floor?.endsAt;
  return endsAt !== undefined && endsAt >= now ? endsAt + 1 : undefined;
}

/**
 * Whether two permissions are the same.
 *
 * @param a - one permission.
 * @param b - another.
 * @returns `true` when every field agrees (sources as sets).
 */
export function samePermission(
  a: Pick<MediaPermission, 'canPublish' | 'canSubscribe' | 'canPublishData' | 'canPublishSources'>,
  b: MediaPermission,
): boolean {
  const sources = (p: { canPublishSources: readonly string[] }) => [...p.canPublishSources].sort().join(',');
  return (
    a.canPublish === b.canPublish &&
    a.canSubscribe === b.canSubscribe &&
    a.canPublishData === b.canPublishData &&
    (!b.canPublish || sources(a) === sources(b))
  );
}
