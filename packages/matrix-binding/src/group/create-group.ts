/**
 * @module
 * Creating a group on Matrix: a space (`m.space`) carrying the profile, with its rooms (chat,
 * decisions, …) as children, and for a sub-group the `m.space.child` / canonical `m.space.parent`
 * pair with the parent group. Thin I/O over `MatrixClient.createRoom`.
 */
import { type ICreateRoomOpts, type MatrixClient, Preset, Visibility } from 'matrix-js-sdk';
import { sendState } from '../client/send';
import { HomeserverError } from '../errors/homeserver-error';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import { ROOM_ROLE_KEY } from '../events/parse-imago-event';
import { fetchRoomState } from '../replay/fetch-room-history';
import { type GroupProfile, groupProfileContent } from './group-profile';
import { type GroupView, groupFromState } from './group-view';

/** The rooms a group may have, by role. */
export type GroupRoomRole = 'chat' | 'decisions' | 'announcements' | 'debate';

/** The profile to create a group with (lists default to empty). */
export type GroupProfileInput = Pick<GroupProfile, 'name'> & Partial<Omit<GroupProfile, 'name'>>;

/** Options of {@link createGroup}. */
export interface CreateGroupOptions {
  profile: GroupProfileInput;
  /** The rooms to create (default `['chat', 'decisions']`). */
  rooms?: readonly GroupRoomRole[];
  /** Space id of the parent group: the new group becomes its sub-group (needs power in the parent). */
  parent?: string;
  /**
   * Who may join the space: `public`, `invite`, or `restricted` (members of the parent group may
   * join; needs `parent`). Default `public`, or `restricted` for a sub-group.
   */
  joinRule?: 'public' | 'invite' | 'restricted';
  /** Encrypt the chat and decisions rooms (state events stay in clear, as always in Matrix). */
  encrypted?: boolean;
  /** Users to invite to the space and its rooms. */
  invite?: readonly string[];
  /** Extra power levels of users in the space and its rooms. */
  powerLevels?: Readonly<Record<string, number>>;
}

/** The rooms of a created group. */
export interface CreatedGroup {
  readonly spaceId: string;
  /** Servers through which to join (the creator's). */
  readonly via: readonly string[];
  readonly rooms: Readonly<Partial<Record<GroupRoomRole, string>>>;
}

/** Power needed per event type in a group's rooms (see docs/matrix-events.md). */
function powerLevelContent(creator: string | undefined, users: Readonly<Record<string, number>>) {
  const events: Record<string, number> = {
    [MatrixEventTypes.powerLevels]: 100,
    [MatrixEventTypes.spaceChild]: 50,
    [MatrixEventTypes.spaceParent]: 50,
    [ImagoEventTypes.group]: 50,
    [ImagoEventTypes.relation]: 50,
    [ImagoEventTypes.controlTable]: 50,
    [ImagoEventTypes.debateSettings]: 50,
    // A member's own state key (@user:server) protects it; anyone may set their own.
    [ImagoEventTypes.delegations]: 0,
    // MatrixRTC memberships (Element Call) use member-owned state keys too.
    [MatrixEventTypes.callMember]: 0,
  };
  return {
    // From room version 12 the creators have unlimited power and must not be listed.
    users: creator === undefined ? { ...users } : { ...users, [creator]: 100 },
    events,
    events_default: 0,
    state_default: 50,
  };
}

/** Whether the server's default room version gives creators unlimited power (version 12 and later). */
async function creatorsArePrivileged(client: MatrixClient): Promise<boolean> {
  try {
    const capabilities = await client.getCapabilities();
    const version = capabilities['m.room_versions']?.default ?? '';
    return /^\d+$/.test(version) && Number(version) >= 12;
  } catch {
    return false;
  }
}

async function create(client: MatrixClient, options: ICreateRoomOpts, what: string): Promise<string> {
  try {
    return (await client.createRoom(options)).room_id;
  } catch (cause) {
    throw new HomeserverError('create-room', `could not create ${what}`, { cause });
  }
}

function joinRuleState(rule: 'public' | 'invite' | 'restricted', allowedRoom: string | undefined) {
  return {
    type: MatrixEventTypes.joinRules,
    state_key: '',
    content:
      rule === 'restricted' && allowedRoom
        ? { join_rule: 'restricted', allow: [{ type: 'm.room_membership', room_id: allowedRoom }] }
        : { join_rule: rule === 'restricted' ? 'invite' : rule },
  };
}

/**
 * Creates a group: its space with the profile, its rooms as children, and the parent link for a
 * sub-group. The creator is the space's administrator.
 *
 * @param client - the creator's client.
 * @param options - profile, rooms, parent, join rule, encryption, invitations.
 * @returns the space id and the room id of each role.
 * @throws {@link HomeserverError} when the homeserver refuses a step (operation `create-room` or `send-event`).
 * @example
 * ```ts
 * const group = await createGroup(client, { profile: { name: 'Jardin partagé', places: ['Q90'] } });
 * const sub = await createGroup(client, { profile: { name: 'Compost' }, parent: group.spaceId });
 * ```
 */
export async function createGroup(client: MatrixClient, options: CreateGroupOptions): Promise<CreatedGroup> {
  const creator = client.getSafeUserId();
  const server = client.getDomain() ?? creator.slice(creator.indexOf(':') + 1);
  const via = [server];
  const users = options.powerLevels ?? {};
  const invite = [...(options.invite ?? [])];
  const profile: GroupProfile = {
    places: [],
    themes: [],
    blocks: [],
    ...options.profile,
  };
  const listedCreator = (await creatorsArePrivileged(client)) ? undefined : creator;
  const spaceRule = options.joinRule ?? (options.parent ? 'restricted' : 'public');
  const spaceId = await create(
    client,
    {
      name: profile.name,
      ...(profile.description ? { topic: profile.description } : {}),
      preset: spaceRule === 'public' ? Preset.PublicChat : Preset.PrivateChat,
      visibility: Visibility.Private,
      creation_content: { type: 'm.space' },
      invite,
      power_level_content_override: powerLevelContent(listedCreator, users),
      initial_state: [
        { type: ImagoEventTypes.group, state_key: '', content: groupProfileContent(profile) },
        joinRuleState(spaceRule, options.parent),
        ...(options.parent
          ? [
              {
                type: MatrixEventTypes.spaceParent,
                state_key: options.parent,
                content: { via, canonical: true },
              },
            ]
          : []),
        {
          type: 'm.room.history_visibility',
          state_key: '',
          content: { history_visibility: spaceRule === 'public' ? 'world_readable' : 'shared' },
        },
      ],
    },
    `the space of ${profile.name}`,
  );
  const rooms: Partial<Record<GroupRoomRole, string>> = {};
  for (const role of options.rooms ?? (['chat', 'decisions'] as const)) {
    const encrypted =
      options.encrypted === true && (role === 'chat' || role === 'decisions' || role === 'debate');
    const roomRule = spaceRule === 'public' ? 'public' : 'restricted';
    const roomId = await create(
      client,
      {
        name: `${profile.name} — ${role}`,
        preset: roomRule === 'public' ? Preset.PublicChat : Preset.PrivateChat,
        visibility: Visibility.Private,
        invite,
        power_level_content_override: powerLevelContent(listedCreator, users),
        initial_state: [
          { type: MatrixEventTypes.spaceParent, state_key: spaceId, content: { via, canonical: true } },
          joinRuleState(roomRule, spaceId),
          { type: 'm.room.history_visibility', state_key: '', content: { history_visibility: 'shared' } },
          ...(encrypted
            ? [
                {
                  type: MatrixEventTypes.encryption,
                  state_key: '',
                  content: { algorithm: 'm.megolm.v1.aes-sha2' },
                },
              ]
            : []),
        ],
      },
      `the ${role} room of ${profile.name}`,
    );
    await sendState(client, spaceId, MatrixEventTypes.spaceChild, roomId, { via, [ROOM_ROLE_KEY]: role });
    rooms[role] = roomId;
  }
  if (options.parent) {
    await sendState(client, options.parent, MatrixEventTypes.spaceChild, spaceId, {
      via,
      [ROOM_ROLE_KEY]: 'sub-group',
    });
  }
  return { spaceId, via, rooms };
}

/**
 * Reads a group from its space's current state.
 *
 * @param client - a client that may read the space.
 * @param spaceId - the group's space.
 * @returns the group view.
 * @throws {@link HomeserverError} (operation `read-state`).
 */
export async function readGroup(client: MatrixClient, spaceId: string): Promise<GroupView> {
  return groupFromState(spaceId, await fetchRoomState(client, spaceId));
}

/**
 * Joins a group: its space, then the given rooms (restricted rooms admit members of the space).
 *
 * @param client - the joining user's client.
 * @param group - the group's space and rooms.
 * @param roles - which rooms to join (default: all).
 * @throws {@link HomeserverError} (operation `join`).
 */
export async function joinGroup(
  client: MatrixClient,
  group: CreatedGroup,
  roles: readonly GroupRoomRole[] = Object.keys(group.rooms) as GroupRoomRole[],
): Promise<void> {
  const join = async (roomId: string) => {
    try {
      await client.joinRoom(roomId, { viaServers: [...group.via] });
    } catch (cause) {
      throw new HomeserverError('join', `could not join ${roomId}`, { cause });
    }
  };
  await join(group.spaceId);
  for (const role of roles) {
    const roomId = group.rooms[role];
    if (roomId) await join(roomId);
  }
}
