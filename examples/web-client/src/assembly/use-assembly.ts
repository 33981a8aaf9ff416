/**
 * @module
 * The assembly of a group, as this browser replays it: the debate room's history folded by
 * `@imago/matrix-binding`'s `replayAssembly` with the group's governance (its control table names
 * the chairs; motions are its decisions), re-evaluated every second for the speaker's timer.
 */
import { type Assembly, logEvents, type MatrixClient, replayAssembly } from '@imago/matrix-binding';
import { useEffect, useState } from 'preact/hooks';
import { type GroupGovernance, useGovernance } from '../governance/use-governance';
import { useRoomFollower } from '../matrix/use-room-follower';

/** A group's assembly and governance, replayed here. */
export interface GroupAssembly {
  /** `false` until both rooms' histories are loaded. */
  complete: boolean;
  assembly: Assembly;
  governance: GroupGovernance;
  /** The current time (ms), ticking every second. */
  now: number;
}

/**
 * @param client - the running client.
 * @param debateRoomId - the group's debate room.
 * @param decisionsRoomId - the group's decisions room.
 * @param authority - the group's authority (from its pin), as every follower of the decisions room
 *   is given it: the room is followed once, from the authority's checkpoint.
 * @returns the replayed assembly.
 */
export function useAssembly(
  client: MatrixClient,
  debateRoomId: string,
  decisionsRoomId: string,
  authority?: readonly string[],
): GroupAssembly {
  const debate = useRoomFollower(client, debateRoomId);
  const governance = useGovernance(client, decisionsRoomId, [], authority);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const assembly = replayAssembly(logEvents(debate.log), { governance: governance.state });
  return { complete: debate.complete && governance.complete, assembly, governance, now };
}
