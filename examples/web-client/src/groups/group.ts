/**
 * @module
 * A group as the client sees it: a Matrix space read with `@imago/matrix-binding`'s
 * `groupFromState` (profile, rooms by role, sub-groups, relations, members) from the client's
 * in-memory room state, plus the person's membership.
 */
import {
  type GroupView,
  groupFromState,
  groupRoom,
  KnownMembership,
  type MatrixClient,
  type Room,
  toRawEvent,
} from '@imago/matrix-binding';

/** A group, read from its space. */
export interface Group {
  /** Room id of the space. */
  id: string;
  name: string;
  topic: string;
  /** The person's membership of the space. */
  membership: 'join' | 'invite';
  /** Joined members of the space. */
  memberCount: number;
  chatRoomId: string | undefined;
  decisionsRoomId: string | undefined;
  announcementsRoomId: string | undefined;
  /** The room of the group's assemblies (MatrixRTC session, speaking queue, minutes). */
  debateRoomId: string | undefined;
  /** The binding's view: children, sub-groups, parents, members, relation assertions. */
  view: GroupView;
}

/** Every state event of a room, as raw events. */
function stateOf(room: Room) {
  return [...room.currentState.events.values()].flatMap((byKey) => [...byKey.values()].map(toRawEvent));
}

/**
 * Reads one group from its space room.
 *
 * @param space - a space room the person joined or was invited to.
 */
export function readGroup(space: Room): Group {
  const view = groupFromState(space.roomId, stateOf(space));
  // The decisions room is the one the group's pin names, never a child someone added later.
  const roomOf = (role: string) => groupRoom(view, role);
  return {
    id: space.roomId,
    name: view.profile?.name ?? space.name,
    topic: view.profile?.description ?? '',
    membership: space.getMyMembership() === KnownMembership.Invite ? 'invite' : 'join',
    memberCount: space.getJoinedMemberCount(),
    chatRoomId: roomOf('chat'),
    decisionsRoomId: roomOf('decisions'),
    announcementsRoomId: roomOf('announcements'),
    debateRoomId: roomOf('debate'),
    view,
  };
}

/**
 * Every group the person belongs to or is invited to, sorted by name.
 *
 * @param client - the running client.
 */
export function readGroups(client: MatrixClient): Group[] {
  return client
    .getRooms()
    .filter((room) => {
      const membership = room.getMyMembership();
      return (
        room.isSpaceRoom() && (membership === KnownMembership.Join || membership === KnownMembership.Invite)
      );
    })
    .map(readGroup)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
