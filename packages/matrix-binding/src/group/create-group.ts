/**
 * @module
 * Creating a group on Matrix: a space (`m.space`) carrying the profile, with its rooms (chat,
 * decisions, …) as children, and for a sub-group the `m.space.child` / canonical `m.space.parent`
 * pair with the parent group. The group's pin (`org.imago.authority`: its decisions room and its
 * authority) is set before anyone else is invited. Every state event type that matters to the
 * group's security needs power 100, redactions included, so that members and moderators cannot
 * rewrite the group's settings or its history. Thin I/O over `MatrixClient.createRoom`.
 */
import { type ICreateRoomOpts, type MatrixClient, Preset, Visibility } from 'matrix-js-sdk';
import { sendState } from '../client/send';
import { GROUP_CARD_KEY, groupCardContent } from '../discovery/group-card';
import { HomeserverError } from '../errors/homeserver-error';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import { groupAuthorityContent } from './group-authority';
import { ROOM_ROLE_KEY } from './group-events';
import {
  AUTHORITY_LEVEL,
  authorityUsers,
  type GroupPlace,
  type GroupRoomRole,
  groupPowerLevels,
} from './group-power-levels';
import { type GroupProfile, groupProfileContent } from './group-profile';

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
   * Who may join the space: `knock` (anyone may ask; the group admits by a decision of kind
   * `admit-member`), `invite`, `public`, or `restricted` (members of the parent group may join;
   * needs `parent`). Default `knock`, or `restricted` for a sub-group. The chat, decisions and
   * debate rooms admit the space's members (`restricted`; `public` in a public group); the
   * announcements room is public, as other groups' members deliver announcements there, except in
   * an `invite` group (closed: it admits the space's members only).
   */
  joinRule?: GroupJoinRule;
  /** Encrypt the chat and decisions rooms (state events stay in clear, as always in Matrix). */
  encrypted?: boolean;
  /** Users to invite to the space and its rooms. */
  invite?: readonly string[];
  /**
   * Extra power levels of users in the space and its rooms. They give no power over anything that
   * matters (every such type needs 100), and {@link derivePowerLevels} removes them.
   */
  powerLevels?: Readonly<Record<string, number>>;
  /**
   * The group's authority: the members who administer its elections, close its decisions and
   * speak for it (e.g. a service account). Default: the creator. They get power 100 in the space
   * and every room; the control table's `init` must name the same members.
   */
  authority?: readonly string[];
}

/** The rooms of a created group. */
export interface CreatedGroup {
  readonly spaceId: string;
  /** Servers through which to join (the creator's). */
  readonly via: readonly string[];
  readonly rooms: Readonly<Partial<Record<GroupRoomRole, string>>>;
  /** The group's authority (sorted). */
  readonly authority: readonly string[];
}

/** The role of the room a group announces from: its announcements room, else its chat. */
function inboxRole(roles: readonly GroupRoomRole[]): 'announcements' | 'chat' | undefined {
  return roles.includes('announcements') ? 'announcements' : roles.includes('chat') ? 'chat' : undefined;
}

/** Who may join a group's space. */
export type GroupJoinRule = 'knock' | 'invite' | 'public' | 'restricted';

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

function joinRuleState(rule: GroupJoinRule, allowedRoom: string | undefined) {
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
  // Invitations go out once the group's pin is set (below), never before.
  const invite = [...(options.invite ?? [])];
  const authority = [...new Set(options.authority ?? [creator])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const profile: GroupProfile = {
    places: [],
    themes: [],
    blocks: [],
    ...options.profile,
  };
  const privileged = await creatorsArePrivileged(client);
  const spaceRule: GroupJoinRule = options.joinRule ?? (options.parent ? 'restricted' : 'knock');
  // The authority holds 100; so does the creator until room version 12, which gives creators
  // unlimited power (never listed).
  const levels = (place: GroupPlace) =>
    groupPowerLevels(place, {
      ...users,
      ...(privileged ? {} : { [creator]: AUTHORITY_LEVEL }),
      ...authorityUsers(authority, privileged ? [creator] : []),
    });
  const spaceId = await create(
    client,
    {
      name: profile.name,
      ...(profile.description ? { topic: profile.description } : {}),
      preset: spaceRule === 'public' ? Preset.PublicChat : Preset.PrivateChat,
      visibility: Visibility.Private,
      creation_content: { type: 'm.space' },
      power_level_content_override: levels('space'),
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
          // A group one may find (public, or taking requests) shows its profile and relations to
          // anyone; the rooms where it talks and decides do not.
          content: {
            history_visibility: spaceRule === 'public' || spaceRule === 'knock' ? 'world_readable' : 'shared',
          },
        },
      ],
    },
    `the space of ${profile.name}`,
  );
  const rooms: Partial<Record<GroupRoomRole, string>> = {};
  const roles = options.rooms ?? (['chat', 'decisions'] as const);
  const inbox = inboxRole(roles);
  for (const role of roles) {
    const encrypted =
      options.encrypted === true && (role === 'chat' || role === 'decisions' || role === 'debate');
    // A closed group (`invite`) takes no deliveries: its announcements room admits its members only.
    const roomRule =
      spaceRule === 'public' || (role === 'announcements' && spaceRule !== 'invite')
        ? 'public'
        : 'restricted';
    const roomId = await create(
      client,
      {
        name: `${profile.name} — ${role}`,
        preset: roomRule === 'public' ? Preset.PublicChat : Preset.PrivateChat,
        visibility: Visibility.Private,
        power_level_content_override: levels(role),
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
    rooms[role] = roomId;
    if (role !== inbox)
      await sendState(client, spaceId, MatrixEventTypes.spaceChild, roomId, { via, [ROOM_ROLE_KEY]: role });
  }
  // The announcing room's link carries the group's card, for servers that are not in the space.
  if (inbox !== undefined) {
    const pin = rooms.decisions === undefined ? undefined : { decisions: rooms.decisions, authority };
    await sendState(client, spaceId, MatrixEventTypes.spaceChild, rooms[inbox] as string, {
      via,
      [ROOM_ROLE_KEY]: inbox,
      ...(pin ? { [GROUP_CARD_KEY]: groupCardContent({ profile, pin, relations: new Map() }) } : {}),
    });
  }
  if (rooms.decisions !== undefined) {
    await sendState(
      client,
      spaceId,
      ImagoEventTypes.authority,
      '',
      groupAuthorityContent({ decisions: rooms.decisions, authority }),
    );
  }
  if (options.parent) {
    await sendState(client, options.parent, MatrixEventTypes.spaceChild, spaceId, {
      via,
      [ROOM_ROLE_KEY]: 'sub-group',
    });
  }
  for (const roomId of [spaceId, ...Object.values(rooms)]) {
    for (const user of invite) {
      try {
        await client.invite(roomId, user);
      } catch (cause) {
        throw new HomeserverError('invite', `could not invite ${user} to ${roomId}`, { cause });
      }
    }
  }
  return { spaceId, via, rooms, authority };
}
