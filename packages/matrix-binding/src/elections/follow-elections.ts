/**
 * @module
 * Following a decisions room for its elections: every change of the room (seen live) updates the
 * election duties with the room's history read in the homeserver's order, changes that come
 * during an update taken together. The order matters: an election's archive is its steps in room
 * order, and the evidence a result names is the hash of its last event, so every member must
 * replay the steps in the same order — the homeserver's, not the order in which each client
 * happened to receive them. Thin I/O.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { coalescedReading } from '../replay/coalesced-reading';
import { fetchRoomHistory } from '../replay/fetch-room-history';
import { followRoom } from '../replay/follow-room';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import type { ElectionDuties, ElectionsUpdate } from './election-duties';

/** A room followed for its elections. */
export interface FollowedElections {
  /** Updates now (e.g. after a change outside the room, such as a sub-group's membership). */
  refresh(): Promise<void>;
  stop(): void;
}

/**
 * Follows a decisions room and feeds its elections to the duties.
 *
 * @param client - a syncing client in the room.
 * @param roomId - the decisions room.
 * @param duties - the application's election duties.
 * @param onError - reports an update that failed (the next change tries again).
 * @returns the follower, once the room's history was read and handled once.
 * @throws {@link HomeserverError} when the history cannot be read at first.
 * @example
 * ```ts
 * const followed = await followElections(client, decisionsRoom, electionDuties({ client, store }));
 * ```
 */
export async function followElections(
  client: MatrixClient,
  roomId: string,
  duties: Pick<ElectionDuties, 'update'>,
  onError: (error: Error) => void = () => undefined,
): Promise<FollowedElections> {
  let stopped = false;
  const read = async (): Promise<ElectionsUpdate> =>
    duties.update(roomId, appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId)));
  const refresh = coalescedReading(async () => {
    if (!stopped) await read().catch((error: Error) => onError(error));
  }).trigger;
  await read();
  const follower = await followRoom(client, roomId, { onChange: () => void refresh() });
  return {
    refresh,
    stop() {
      stopped = true;
      follower.stop();
    },
  };
}
