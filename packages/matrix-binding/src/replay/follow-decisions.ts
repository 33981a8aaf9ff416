/**
 * @module
 * Opening a decisions room with a long history fast, without trusting anyone blindly. The latest
 * checkpoint of the group's authority ({@link readCheckpoint}) gives the decisions fold after a
 * recent event: the follower starts from it and reads only what came after, so the current state
 * shows at once. Meanwhile a second follower replays the whole history; when it is done, the state
 * it had right after the checkpoint's event is compared with the checkpoint, any difference is
 * reported as a `checkpoint-mismatch` warning, and the follower goes on from the full replay,
 * which is the truth. Until then the state shown is provisional ({@link DecisionsFollower.provisional}).
 * See `docs/security.md` for the trust this asks for, and for how long.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import type { ImagoWarning } from '../events/imago-warning';
import type { Checkpoint } from '../governance/decisions-checkpoint';
import { readCheckpoint } from '../governance/decisions-checkpoint';
import type { DecisionsFoldSnapshot } from '../governance/decisions-fold';
import { encodeFoldSnapshot, foldDifferences, sha256Hex } from '../governance/fold-snapshot-codec';
import type { ReplayDecisionsOptions } from '../governance/replay-decisions';
import { type FollowRoomOptions, followRoom, type RoomFollower } from './follow-room';

/** What the background replay of the whole history found about the checkpoint. */
export interface CheckpointVerification {
  /** Whether the checkpoint is the state the whole history gives at its event (or there was none). */
  readonly ok: boolean;
  /** The checkpoint the first view came from, if any. */
  readonly checkpoint?: Checkpoint;
  /** What does not match (`checkpoint-mismatch` warnings; `path` names the first difference). */
  readonly issues: readonly ImagoWarning[];
  /** Why the whole history could not be replayed, if it could not. */
  readonly error?: Error;
}

/** A decisions room's follower that may have started from a checkpoint. */
export interface DecisionsFollower extends RoomFollower {
  /** Whether the state comes from a checkpoint not yet checked against the whole history. */
  readonly provisional: () => boolean;
  /** The checkpoint the first view came from, if any. */
  readonly checkpoint: Checkpoint | undefined;
  /** Resolves once the whole history is replayed and compared with the checkpoint. */
  readonly verification: Promise<CheckpointVerification>;
}

/** Options of {@link followDecisions}. */
export interface FollowDecisionsOptions extends Omit<FollowRoomOptions, 'base' | 'mark' | 'decisions'> {
  /**
   * The group's authority, from its pin (`readGroup(...).authority`): checkpoints are read from
   * these members only. Absent or empty: no checkpoint, the whole history first.
   */
  authority?: readonly string[];
  /** Options of the decisions fold. */
  decisions?: ReplayDecisionsOptions;
  /** Receives every warning about checkpoints, as soon as it is known. */
  onWarning?: (warning: ImagoWarning) => void;
}

/**
 * Follows a decisions room, from the authority's latest checkpoint if there is a usable one,
 * checking it in the background against the whole history.
 *
 * @param client - a syncing client in the room.
 * @param roomId - the decisions room.
 * @param options - the authority, the fold's options, change and warning callbacks.
 * @returns the follower, as soon as its first view is ready.
 * @throws {@link HomeserverError} when the room cannot be read.
 * @example
 * ```ts
 * const group = await readGroup(client, spaceId);
 * const follower = await followDecisions(client, groupRoom(group, 'decisions'), {
 *   authority: group.authority,
 *   onWarning: (warning) => console.error(warning.code, warning.detail),
 * });
 * render(follower.decisions(Date.now())?.state, follower.provisional());
 * const { ok } = await follower.verification;
 * ```
 */
export async function followDecisions(
  client: MatrixClient,
  roomId: string,
  options: FollowDecisionsOptions = {},
): Promise<DecisionsFollower> {
  const { authority, decisions, onWarning, onChange, ...rest } = options;
  const fold = decisions ?? true;
  const reading =
    authority && authority.length > 0 ? await readCheckpoint(client, roomId, authority) : { warnings: [] };
  for (const warning of reading.warnings) onWarning?.(warning);

  let current: RoomFollower | undefined;
  const whenCurrent =
    (follower: () => RoomFollower | undefined): FollowRoomOptions['onChange'] =>
    (log, change) => {
      if (current !== undefined && current === follower()) onChange?.(log, change);
    };

  const { checkpoint, base } = reading as { checkpoint?: Checkpoint; base?: typeof reading.base };
  if (checkpoint === undefined || base === undefined) {
    let full: RoomFollower | undefined;
    full = await followRoom(client, roomId, { ...rest, decisions: fold, onChange: whenCurrent(() => full) });
    current = full;
    return delegate(() => current as RoomFollower, {
      provisional: () => false,
      checkpoint: undefined,
      verification: Promise.resolve({ ok: true, issues: [] }),
    });
  }

  let provisional: RoomFollower | undefined;
  provisional = await followRoom(client, roomId, {
    ...rest,
    decisions: fold,
    base,
    onChange: whenCurrent(() => provisional),
  });
  current = provisional;
  let refolded: ReplayDecisionsOptions | undefined;

  const verification = (async (): Promise<CheckpointVerification> => {
    let atCheckpoint: DecisionsFoldSnapshot | undefined;
    let full: RoomFollower | undefined;
    try {
      full = await followRoom(client, roomId, {
        ...rest,
        decisions: fold,
        mark: { eventId: checkpoint.event, onFolded: (snapshot) => (atCheckpoint ??= snapshot) },
        onChange: whenCurrent(() => full),
      });
    } catch (error) {
      return { ok: false, checkpoint, issues: [], error: error as Error };
    }
    const issues: ImagoWarning[] = [];
    const about = {
      code: 'checkpoint-mismatch' as const,
      eventId: checkpoint.eventId,
      type: 'org.imago.checkpoint',
      sender: checkpoint.sender,
    };
    if (atCheckpoint === undefined) {
      issues.push({
        ...about,
        path: 'content.event',
        detail: 'the checkpoint’s event is not in the room’s history',
      });
    } else {
      if ((await sha256Hex(encodeFoldSnapshot(atCheckpoint))) !== checkpoint.sha256) {
        const differences = foldDifferences(atCheckpoint, base.fold);
        issues.push({
          ...about,
          ...(differences[0] ? { path: `snapshot.${differences[0]}` } : {}),
          detail: `the checkpoint is not the state the whole history gives at ${checkpoint.event}: ${differences.slice(0, 5).join(', ') || 'bytes differ'}`,
        });
      }
      if (!atCheckpoint.state.authority.includes(checkpoint.sender)) {
        issues.push({
          ...about,
          detail: `${checkpoint.sender} was not the group’s authority at ${checkpoint.event}`,
        });
      }
    }
    for (const issue of issues) onWarning?.(issue);
    // From now on, the full replay is the follower (with the fold's latest options).
    const previous = current;
    current = full;
    previous?.stop();
    if (refolded !== undefined) full.refold(refolded);
    onChange?.(full.log(), { events: full.events(), rebuilt: true });
    return { ok: issues.length === 0, checkpoint, issues };
  })();

  return delegate(
    () => current as RoomFollower,
    { provisional: () => current === provisional, checkpoint, verification },
    (options) => {
      refolded = options ?? refolded;
    },
  );
}

function delegate(
  current: () => RoomFollower,
  extra: Pick<DecisionsFollower, 'provisional' | 'checkpoint' | 'verification'>,
  onRefold?: (options: ReplayDecisionsOptions | undefined) => void,
): DecisionsFollower {
  let stopped = false;
  void extra.verification.then(() => {
    if (stopped) current().stop();
  });
  return {
    ...extra,
    log: () => current().log(),
    events: () => current().events(),
    decisions: (now) => current().decisions(now),
    snapshot: () => current().snapshot(),
    refold: (decisions) => {
      onRefold?.(decisions);
      current().refold(decisions);
    },
    unconfirmed: () => current().unconfirmed(),
    stats: () => current().stats(),
    settled: () => current().settled(),
    stop: () => {
      stopped = true;
      current().stop();
    },
  };
}
