/**
 * @module
 * A group as the client sees it: a Matrix space (`m.space`) whose children are its rooms — at least
 * a chat room — and, for sub-groups, other spaces. Read from the client's in-memory room state.
 */
import { EventType, KnownMembership, type MatrixClient, type Room } from 'matrix-js-sdk';
import { GROUP_ROLE_KEY, RELATION_EVENT_TYPE } from './group-events';

/** A relation a group declares towards another group (`org.imago.relation`, keyed by the target). */
export interface DeclaredRelation {
  /** Room id of the other group's space. */
  target: string;
  /** `partner`, `follows`, … */
  type: string;
}

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
  /** The group's chat room, if it has one. */
  chatRoomId: string | undefined;
  /** Spaces that are children of this one: its sub-groups. */
  subGroupIds: string[];
  /** Relations this group declares towards other groups. */
  relations: DeclaredRelation[];
}

const childIds = (space: Room): { id: string; role: unknown }[] =>
  space.currentState
    .getStateEvents(EventType.SpaceChild)
    .filter((event) => Array.isArray(event.getContent().via))
    .map((event) => ({ id: event.getStateKey() ?? '', role: event.getContent()[GROUP_ROLE_KEY] }))
    .filter((child) => child.id !== '');

/**
 * Reads one group from its space room.
 *
 * @param client - the running client (to tell sub-group spaces from rooms).
 * @param space - a space room the person joined or was invited to.
 */
export function readGroup(client: MatrixClient, space: Room): Group {
  const children = childIds(space);
  const subGroupIds: string[] = [];
  let chatRoomId: string | undefined;
  for (const child of children) {
    const room = client.getRoom(child.id);
    if (room?.isSpaceRoom()) subGroupIds.push(child.id);
    else if (child.role === 'chat' || chatRoomId === undefined) chatRoomId = child.id;
  }
  const relations = space.currentState
    .getStateEvents(RELATION_EVENT_TYPE)
    .map((event) => ({ target: event.getStateKey() ?? '', type: event.getContent().type as unknown }))
    .filter((r): r is DeclaredRelation => r.target !== '' && typeof r.type === 'string' && r.type !== '');
  const topic = space.currentState.getStateEvents(EventType.RoomTopic, '')?.getContent().topic;
  return {
    id: space.roomId,
    name: space.name,
    topic: typeof topic === 'string' ? topic : '',
    membership: space.getMyMembership() === KnownMembership.Invite ? 'invite' : 'join',
    memberCount: space.getJoinedMemberCount(),
    chatRoomId,
    subGroupIds,
    relations,
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
    .map((space) => readGroup(client, space))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
