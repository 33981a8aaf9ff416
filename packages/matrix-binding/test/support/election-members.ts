// Members taking part in a group's elections on the live Synapse: each one's client follows the
// decisions room and feeds every change to its election duties (the binding's electionDuties), as
// an application does.
import type { GroupId, MemberId } from '@imago/governance';
import {
  appendToRoomLog,
  type ElectionActivity,
  type ElectionDuties,
  type ElectionDutiesOptions,
  electionDuties,
  emptyRoomLog,
  fetchRoomHistory,
  followRoom,
  memoryElectionStore,
  type RoomFollower,
} from '../../src/index';
import type { LiveUser } from './live-users';

export interface ElectionMember {
  readonly user: LiveUser;
  readonly duties: ElectionDuties;
  readonly activity: ElectionActivity[];
  readonly errors: Error[];
  readonly follower: RoomFollower;
  stop(): void;
}

export async function electionMember(
  user: LiveUser,
  roomId: string,
  options: Partial<
    Pick<ElectionDutiesOptions, 'authority' | 'delivery' | 'relayTimeoutMs' | 'verify' | 'store'>
  > & {
    groups?: () => ReadonlyMap<GroupId, ReadonlySet<MemberId>>;
  } = {},
): Promise<ElectionMember> {
  const activity: ElectionActivity[] = [];
  const errors: Error[] = [];
  const duties = electionDuties({
    client: user.client,
    store: options.store ?? memoryElectionStore(),
    ...(options.authority ? { authority: true } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
    ...(options.relayTimeoutMs ? { relayTimeoutMs: options.relayTimeoutMs } : {}),
    ...(options.verify ? { verify: options.verify } : {}),
    ...(options.groups ? { groups: options.groups } : {}),
    onActivity: (a) => activity.push(a),
    onError: (_room, error) => errors.push(error),
  });
  // Each change is taken from the room's history in the homeserver's order (the live log's order
  // may differ between members for events sent at the same moment).
  let reading: Promise<void> | undefined;
  let again = false;
  const update = async (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        const log = appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(user.client, roomId));
        await duties.update(roomId, log).catch((error: Error) => errors.push(error));
      } while (again);
    })().finally(() => {
      reading = undefined;
    });
    return reading;
  };
  const follower = await followRoom(user.client, roomId, { onChange: () => void update() });
  await update();
  return {
    user,
    duties,
    activity,
    errors,
    follower,
    stop() {
      follower.stop();
      duties.stop();
    },
  };
}

/** Waits until `ready` holds (checked every 200 ms), or fails after `timeoutMs` saying what was awaited. */
export async function until<T>(
  what: string,
  ready: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ready();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
