/**
 * @module
 * Creates a group: a private space, and a chat room inside it that members of the space may join
 * (`restricted` join rule), end-to-end encrypted unless asked otherwise.
 */
import { EventType, type MatrixClient, Preset, Visibility } from 'matrix-js-sdk';
import { GROUP_ROLE_KEY } from './group-events';

/** What the person fills in to create a group. */
export interface NewGroup {
  name: string;
  topic: string;
  /** Encrypt the chat room (default `true`). */
  encryptedChat?: boolean;
  /** Space of a parent group: the new group becomes its sub-group. */
  parentId?: string;
}

const serverOf = (userId: string): string => userId.slice(userId.indexOf(':') + 1);

/**
 * @param client - the running client.
 * @param group - name, topic, encryption, parent.
 * @returns the room ids of the space and of its chat room.
 */
export async function createGroup(
  client: MatrixClient,
  group: NewGroup,
): Promise<{ spaceId: string; chatRoomId: string }> {
  const via = [serverOf(client.getSafeUserId())];
  const { room_id: spaceId } = await client.createRoom({
    name: group.name,
    topic: group.topic || undefined,
    preset: Preset.PrivateChat,
    visibility: Visibility.Private,
    creation_content: { type: 'm.space' },
    // In a space only administrators change the structure; members talk in the rooms.
    power_level_content_override: { events_default: 100, invite: 50 },
    initial_state: group.parentId
      ? [{ type: EventType.SpaceParent, state_key: group.parentId, content: { via, canonical: true } }]
      : [],
  });
  const { room_id: chatRoomId } = await client.createRoom({
    name: `${group.name} · chat`,
    topic: `Chat of ${group.name}`,
    preset: Preset.PrivateChat,
    visibility: Visibility.Private,
    initial_state: [
      { type: EventType.SpaceParent, state_key: spaceId, content: { via, canonical: true } },
      {
        type: EventType.RoomJoinRules,
        state_key: '',
        content: { join_rule: 'restricted', allow: [{ type: 'm.room_membership', room_id: spaceId }] },
      },
      ...(group.encryptedChat === false
        ? []
        : [
            { type: EventType.RoomEncryption, state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } },
          ]),
    ],
  });
  await client.sendStateEvent(
    spaceId,
    EventType.SpaceChild,
    // The role key is an Imago extension of the child's content, which Matrix allows.
    { via, suggested: true, [GROUP_ROLE_KEY]: 'chat' } as { via: string[]; suggested: boolean },
    chatRoomId,
  );
  if (group.parentId) {
    await client.sendStateEvent(group.parentId, EventType.SpaceChild, { via, suggested: true }, spaceId);
  }
  return { spaceId, chatRoomId };
}

/**
 * Accepts an invitation to a group: joins its space, then its chat room.
 *
 * @param client - the running client.
 * @param spaceId - the group's space.
 * @param chatRoomId - its chat room, when known.
 */
export async function joinGroup(client: MatrixClient, spaceId: string, chatRoomId?: string): Promise<void> {
  await client.joinRoom(spaceId);
  let chat = chatRoomId;
  if (!chat) {
    // The space's state may not have arrived by sync yet: ask the server for its children.
    const hierarchy = await client.getRoomHierarchy(spaceId, 50, 1);
    const root = hierarchy.rooms.find((room) => room.room_id === spaceId);
    chat = root?.children_state.find(
      (child) => (child.content as Record<string, unknown>)[GROUP_ROLE_KEY] === 'chat',
    )?.state_key;
  }
  if (chat) await client.joinRoom(chat);
}
