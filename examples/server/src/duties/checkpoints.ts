/**
 * @module
 * Checkpoints: in each decisions room whose authority the service is, every `checkpointEvery` log
 * entries, the service posts a checkpoint of its decisions fold (`postCheckpoint` of
 * `@imago/matrix-binding`), so that a member opening a long history sees its state at once and
 * checks it against the whole history in the background (`followDecisions`). Unencrypted rooms
 * only: a checkpoint is state, and state is never encrypted.
 */
import { ImagoEventTypes, postCheckpoint } from '@imago/matrix-binding';
import type { WatchedRoom } from '../service/room-watcher';
import type { DutyContext } from './duty-context';

/** Log entries folded by the last checkpoint posted in each room. */
export type CheckpointBook = Map<string, number>;

/**
 * Posts a checkpoint of a decisions room when enough entries were folded since the last one.
 *
 * @param context - the duty context.
 * @param room - the decisions room.
 * @param book - entries folded by each room's last checkpoint; updated.
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
  if (!book.has(room.roomId)) {
    const posted = matrixRoom.currentState.getStateEvents(ImagoEventTypes.checkpoint, me)?.getContent();
    book.set(room.roomId, typeof posted?.entries === 'number' ? posted.entries : 0);
  }
  if (base.fold.entries - (book.get(room.roomId) ?? 0) < every) return;
  book.set(room.roomId, base.fold.entries);
  const checkpoint = await postCheckpoint(context.client, room.roomId, base);
  context.log.info(
    'checkpoints',
    `posted a checkpoint after ${checkpoint.entries} log entries (${checkpoint.size} bytes)`,
    { roomId: room.roomId },
  );
}
