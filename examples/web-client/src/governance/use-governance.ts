/**
 * @module
 * Replays a group's decisions room with `@imago/matrix-binding`'s `replayDecisions` (which feeds
 * `@imago/governance`'s pure reducer, with membership taken from the room's own member events):
 * the whole timeline, paginated back to the room's creation, evaluated at the current time. So
 * the person sees the same decisions and results as every other member, without trusting a
 * server. A timer re-evaluates when the next decision opens or closes.
 */
import type { GovernanceState } from '@imago/governance';
import {
  type Delegation,
  ImagoEventTypes,
  type ImagoWarning,
  type RawMatrixEvent,
  readDelegationSet,
  replayDecisions,
} from '@imago/matrix-binding';
import { KnownMembership, type MatrixClient } from 'matrix-js-sdk';
import { useEffect, useState } from 'preact/hooks';
import { useElections } from '../elections/use-elections';
import { useRoomEvents } from '../matrix/use-room-events';

/** The governance of one group, as replayed by this browser. */
export interface GroupGovernance {
  /** `false` until the decisions room's history is loaded. */
  complete: boolean;
  state: GovernanceState;
  /** Events that had no effect (malformed, unauthorised, rejected by the reducer). */
  warnings: readonly ImagoWarning[];
  /** Joined members of the decisions room. */
  members: ReadonlySet<string>;
  /** The person's own delegations (their `org.imago.governance.delegations` state). */
  myDelegations: readonly Delegation[];
  /** The room's events, in order. */
  events: readonly RawMatrixEvent[];
}

function joinedMembers(client: MatrixClient, roomId: string): Set<string> {
  const room = client.getRoom(roomId);
  return new Set(
    (room?.getMembers() ?? []).filter((m) => m.membership === KnownMembership.Join).map((m) => m.userId),
  );
}

/**
 * @param client - the running client.
 * @param decisionsRoomId - the group's decisions room.
 * @param subGroupIds - spaces of sub-groups one may delegate to.
 * @returns the replayed governance, evaluated now.
 */
export function useGovernance(
  client: MatrixClient,
  decisionsRoomId: string,
  subGroupIds: readonly string[],
): GroupGovernance {
  const { complete, events, log } = useRoomEvents(client, decisionsRoomId);
  const [now, setNow] = useState(Date.now);
  const room = client.getRoom(decisionsRoomId);
  const groups = new Map(subGroupIds.map((id) => [id, joinedMembers(client, id)]));
  const evaluatedAt = Math.max(now, Date.now());
  // Secret results count once the election they name is verified in this browser and is the
  // decision's: the binding's one verifier, from this browser's election duties.
  const elections = useElections(client, decisionsRoomId);
  const replayed = replayDecisions(log, {
    groups,
    now: evaluatedAt,
    verifySecretResult: elections?.verifySecretResult ?? (() => false),
  });
  const state = replayed.state;

  // Re-evaluate when the next pending decision opens or closes.
  const next = state.pending
    .map((id) => state.decisions.get(id))
    .map((d) => (d ? (d.status === 'proposed' ? d.opensAt : d.closesAt) : Number.POSITIVE_INFINITY))
    .filter((t) => t > evaluatedAt)
    .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(next - Date.now() + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [next]);

  const mine = room?.currentState.getStateEvents(ImagoEventTypes.delegations, client.getSafeUserId());
  let myDelegations: readonly Delegation[] = [];
  try {
    if (mine) myDelegations = readDelegationSet(mine.getContent()).delegations;
  } catch {
    // A malformed own state counts as no delegation.
  }
  return {
    complete,
    state,
    warnings: replayed.warnings,
    members: joinedMembers(client, decisionsRoomId),
    myDelegations,
    events,
  };
}
