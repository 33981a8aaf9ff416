/**
 * @module
 * A group's decisions as `@imago/matrix-binding`'s room follower folds them (the decisions room
 * from its creation, each new event folded into `@imago/governance`'s pure reducer as it comes,
 * with membership taken from the room's own member events), evaluated at the current time. So the
 * person sees the same decisions and results as every other member, without trusting a server.
 * The fold is rebuilt when what it takes from outside the room changes (sub-group memberships,
 * secret results verified here); a timer re-evaluates when the next decision opens or closes.
 */
import { GovernanceEventTypes, type GovernanceState, initialGovernanceState } from '@imago/governance';
import {
  type Delegation,
  type ElectionsUpdate,
  ImagoEventTypes,
  type ImagoWarning,
  KnownMembership,
  type MatrixClient,
  type RawMatrixEvent,
  type RoomFollower,
  readDelegationSet,
} from '@imago/matrix-binding';
import { useEffect, useState } from 'preact/hooks';
import { useElections } from '../elections/use-elections';
import { useRoomFollower } from '../matrix/use-room-follower';

/** The governance of one group, as replayed by this browser. */
export interface GroupGovernance {
  /** `false` until the decisions room's history is loaded. */
  complete: boolean;
  /**
   * Whether the state comes from the group authority's checkpoint and the whole history is still
   * being replayed to check it.
   */
  provisional: boolean;
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

const foldedWith = new WeakMap<RoomFollower, string>();

/**
 * Rebuilds the follower's decisions fold when its inputs from outside the room changed since it
 * was folded: sub-group memberships, elections verified here, secret results in the room (checked
 * by this browser's election duties). Rare; everything else is folded event by event.
 */
function refoldIfNeeded(
  follower: RoomFollower | undefined,
  provisional: boolean,
  groups: ReadonlyMap<string, ReadonlySet<string>>,
  elections: ElectionsUpdate | undefined,
): void {
  if (!follower) return;
  const results = follower.events().filter((e) => e.type === GovernanceEventTypes.secretResult).length;
  // Once the whole history replaces a checkpoint's first view, the room's steps are all there.
  const key = JSON.stringify([
    [...groups].map(([id, members]) => [id, [...members].sort()]).sort(),
    [...(elections?.verified ?? [])].sort(),
    results,
    provisional,
  ]);
  if (foldedWith.get(follower) === key) return;
  foldedWith.set(follower, key);
  follower.refold({ groups, verifySecretResult: elections?.verifySecretResult ?? (() => false) });
}

/**
 * @param client - the running client.
 * @param decisionsRoomId - the group's decisions room.
 * @param subGroupIds - spaces of sub-groups one may delegate to.
 * @param authority - the group's authority (from its pin): the room opens from its checkpoint.
 * @returns the replayed governance, evaluated now.
 */
export function useGovernance(
  client: MatrixClient,
  decisionsRoomId: string,
  subGroupIds: readonly string[],
  authority?: readonly string[],
): GroupGovernance {
  const { complete, follower, provisional, checkpointWarnings } = useRoomFollower(
    client,
    decisionsRoomId,
    authority,
  );
  const events = follower?.events() ?? [];
  const [now, setNow] = useState(Date.now);
  const room = client.getRoom(decisionsRoomId);
  const groups = new Map(subGroupIds.map((id) => [id, joinedMembers(client, id)]));
  const evaluatedAt = Math.max(now, Date.now());
  // Secret results count once the election they name is verified in this browser and is the
  // decision's: the binding's one verifier, from this browser's election duties.
  const elections = useElections(client, decisionsRoomId);
  refoldIfNeeded(follower, provisional, groups, elections);
  const replayed = follower?.decisions(evaluatedAt) ?? {
    state: initialGovernanceState(),
    warnings: [],
  };
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
    provisional,
    state,
    warnings: [...checkpointWarnings, ...replayed.warnings],
    members: joinedMembers(client, decisionsRoomId),
    myDelegations,
    events,
  };
}
