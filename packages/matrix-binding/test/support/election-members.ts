// Members taking part in a group's elections on the live Synapse: each one's client follows the
// decisions room and feeds every change to its election duties (the binding's followElections and
// electionDuties), as an application does.
import type { GroupId, MemberId } from '@imago/governance';
import {
  type ElectionActivity,
  type ElectionDuties,
  type ElectionDutiesOptions,
  electionDuties,
  type FollowedElections,
  followElections,
  memoryElectionStore,
} from '../../src/index';
import type { LiveUser } from './live-users';

export interface ElectionMember {
  readonly user: LiveUser;
  readonly duties: ElectionDuties;
  readonly activity: (ElectionActivity & { at: number })[];
  readonly errors: Error[];
  readonly followed: FollowedElections;
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
  const activity: (ElectionActivity & { at: number })[] = [];
  const started = Date.now();
  const errors: Error[] = [];
  const duties = electionDuties({
    client: user.client,
    store: options.store ?? memoryElectionStore(),
    ...(options.authority ? { authority: true } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
    ...(options.relayTimeoutMs ? { relayTimeoutMs: options.relayTimeoutMs } : {}),
    ...(options.verify ? { verify: options.verify } : {}),
    ...(options.groups ? { groups: options.groups } : {}),
    onActivity: (a) => activity.push({ ...a, at: Date.now() - started }),
    onError: (_room, error) => errors.push(error),
  });
  const followed = await followElections(user.client, roomId, duties, (error) => errors.push(error));
  return {
    user,
    duties,
    activity,
    errors,
    followed,
    stop() {
      followed.stop();
      duties.stop();
    },
  };
}

export { waitUntil as until } from '../../src/testing/index';
