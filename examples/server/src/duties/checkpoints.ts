/**
 * @module
 * Checkpoints: in each decisions room whose authority the service is, every `checkpointEvery` log
 * entries, the service posts a checkpoint of its decisions fold (`postCheckpoint` of
 * `@imago/matrix-binding`), so that a member opening a long history sees its state at once and
 * checks it against the whole history in the background (`followDecisions`). Unencrypted rooms
 * only: a checkpoint is state, and state is never encrypted.
 *
 * The book records a checkpoint once it is posted, never before: a post the homeserver refuses
 * (`M_TOO_LARGE` over its upload limit) or that does not reach it is logged as a warning, with the
 * homeserver's error code, and tried again after a back-off that doubles with each failure in a row
 * (from {@link FIRST_RETRY_MS} up to {@link LAST_RETRY_MS}), not on every event.
 */
import { HomeserverError, ImagoEventTypes, MatrixBindingError, postCheckpoint } from '@imago/matrix-binding';
import type { WatchedRoom } from '../service/room-watcher';
import type { DutyContext } from './duty-context';

/** What the duty knows of one room's checkpoints. */
export interface CheckpointRecord {
  /** Log entries folded by the last checkpoint posted (0: none). */
  readonly entries: number;
  /** Posts failed in a row since. */
  readonly failures: number;
  /** When to try again after a failure (ms since the epoch; 0: at once). */
  readonly retryAt: number;
}

/** Each room's {@link CheckpointRecord}. */
export type CheckpointBook = Map<string, CheckpointRecord>;

/** Wait after a first failed post. */
export const FIRST_RETRY_MS = 60_000;
/** Longest wait between two tries. */
export const LAST_RETRY_MS = 3_600_000;

/**
 * The wait before trying again after `failures` failed posts in a row.
 *
 * @param failures - failed posts in a row (at least 1).
 * @returns milliseconds: {@link FIRST_RETRY_MS}, doubled with each further failure, at most
 *   {@link LAST_RETRY_MS}.
 */
export function checkpointRetryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), LAST_RETRY_MS);
}

/**
 * Posts a checkpoint of a decisions room when enough entries were folded since the last one posted
 * and no back-off is running.
 *
 * @param context - the duty context.
 * @param room - the decisions room.
 * @param book - each room's checkpoints; updated.
 */
export async function runCheckpointDuty(
  context: DutyContext,
  room: WatchedRoom,
  book: CheckpointBook,
): Promise<void> {
  const every = context.config.checkpointEvery;
  const me = context.client.getSafeUserId();
  const matrixRoom = context.client.getRoom(room.roomId);
  if (every === 0 || !matrixRoom || matrixRoom.hasEncryptionStateEvent()) return;
  const base = room.follower.snapshot();
  if (!base?.fold.state.authority.includes(me)) return;
  let record = book.get(room.roomId);
  if (record === undefined) {
    const posted = matrixRoom.currentState.getStateEvents(ImagoEventTypes.checkpoint, me)?.getContent();
    record = { entries: typeof posted?.entries === 'number' ? posted.entries : 0, failures: 0, retryAt: 0 };
    book.set(room.roomId, record);
  }
  if (base.fold.entries - record.entries < every || Date.now() < record.retryAt) return;
  try {
    const checkpoint = await postCheckpoint(context.client, room.roomId, base);
    book.set(room.roomId, { entries: checkpoint.entries, failures: 0, retryAt: 0 });
    context.log.info(
      'checkpoints',
      `posted a checkpoint after ${checkpoint.entries} log entries (${checkpoint.size} bytes, ${checkpoint.encodedSize ?? checkpoint.size} uploaded)`,
      { roomId: room.roomId },
    );
  } catch (error) {
    const failures = record.failures + 1;
    const delay = checkpointRetryDelay(failures);
    book.set(room.roomId, { ...record, failures, retryAt: Date.now() + delay });
    context.wakeAt(room.roomId, Date.now() + delay);
    const refusal = MatrixBindingError.isInstance(error) && error.code === HomeserverError.code;
    const errcode = (refusal && (error as HomeserverError).errcode) || 'no answer';
    const operation = refusal ? ` (${(error as HomeserverError).operation})` : '';
    context.log.warn(
      'checkpoints',
      `could not post a checkpoint of ${room.roomId} after ${base.fold.entries} log entries: ${errcode}${operation}; next try in ${Math.round(delay / 1000)} s`,
      { roomId: room.roomId, data: { errcode, failures } },
    );
  }
}
