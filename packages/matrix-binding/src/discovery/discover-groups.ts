/**
 * @module
 * Finding groups on any homeserver without joining them, with what Matrix federates to servers that
 * are not in a room:
 *
 * - the **public room directory** of a known server (`/publicRooms?server=…`, which that server
 *   answers over federation when it allows it, `allow_public_rooms_over_federation`), filtered to
 *   spaces (MSC3827 `room_types`);
 * - the **space hierarchy** (`/hierarchy`, over federation `/_matrix/federation/v1/hierarchy`):
 *   the space's summary and its `m.space.child` events, which carry the group's card (see
 *   {@link groupFromHierarchy}). For a space its own server is not in, the client names servers to
 *   ask (MSC4235 `via`; Synapse 1.163 takes it with `experimental_features.msc4235_enabled`).
 *
 * Matrix has no federated peeking (Synapse does not implement MSC2444): reading a group's history
 * or full state still needs a joined user on the reader's server. Thin I/O.
 */
import { type MatrixClient, Method, RoomType } from 'matrix-js-sdk';
import { type ReachError, reachError } from '../announcements/reach-room';
import { HomeserverError } from '../errors/homeserver-error';
import { UncorroboratedCardError } from '../errors/uncorroborated-card-error';
import type { GroupView } from '../group/group-view';
import { readGroup } from '../group/read-group';
import { groupFromHierarchy } from './group-card';

/** A space listed in a server's public room directory. */
export interface ListedSpace {
  readonly spaceId: string;
  readonly name?: string;
  readonly topic?: string;
  readonly members: number;
  readonly worldReadable: boolean;
  readonly joinRule?: string;
  /** The server whose directory lists it (a server to reach it through). */
  readonly server: string;
}

/** A room or space the reader could not reach, and why. */
export interface Unreached {
  /** The server (directory) or space (hierarchy) that could not be read. */
  readonly what: string;
  readonly error: ReachError;
}

/** What {@link discoverGroups} found. */
export interface DiscoveredGroups {
  /** Spaces with a group card (others are not Imago groups). */
  readonly groups: readonly GroupView[];
  /**
   * Directories and hierarchies that could not be read, and why; cards refused because the
   * authority they pin lives on another server than the directory's (`code` `uncorroborated-card`).
   */
  readonly unreached: readonly Unreached[];
}

/** At most this many directory pages are read per server. */
const MAX_DIRECTORY_PAGES = 20;

/**
 * Lists the spaces of a server's public room directory.
 *
 * @param client - the reader's client.
 * @param server - the server whose directory to read (default: the reader's own).
 * @returns the listed spaces.
 * @throws {@link HomeserverError} (operation `read-directory`) when the directory cannot be read.
 * @example
 * ```ts
 * const spaces = await listPublicSpaces(client, 'lyon.example.org');
 * ```
 */
export async function listPublicSpaces(client: MatrixClient, server?: string): Promise<ListedSpace[]> {
  const spaces: ListedSpace[] = [];
  const own = client.getDomain() ?? undefined;
  let since: string | undefined;
  for (let page = 0; page < MAX_DIRECTORY_PAGES; page++) {
    let response: { chunk?: unknown; next_batch?: unknown };
    try {
      response = (await client.publicRooms({
        ...(server ? { server } : {}),
        limit: 100,
        ...(since ? { since } : {}),
        filter: { room_types: [RoomType.Space] },
      })) as typeof response;
    } catch (cause) {
      throw new HomeserverError(
        'read-directory',
        `cannot read the public rooms of ${server ?? 'this server'}`,
        {
          cause,
        },
      );
    }
    for (const room of Array.isArray(response.chunk) ? (response.chunk as Record<string, unknown>[]) : []) {
      if (typeof room?.room_id !== 'string' || room.room_type !== 'm.space') continue;
      spaces.push({
        spaceId: room.room_id,
        ...(typeof room.name === 'string' ? { name: room.name } : {}),
        ...(typeof room.topic === 'string' ? { topic: room.topic } : {}),
        members: typeof room.num_joined_members === 'number' ? room.num_joined_members : 0,
        worldReadable: room.world_readable === true,
        ...(typeof room.join_rule === 'string' ? { joinRule: room.join_rule } : {}),
        server: server ?? own ?? '',
      });
    }
    since = typeof response.next_batch === 'string' ? response.next_batch : undefined;
    if (since === undefined) break;
  }
  return spaces;
}

/** The server name of a user id (`@a:b.example:8448` → `b.example:8448`). */
function serverOfUser(userId: string): string {
  return userId.slice(userId.indexOf(':') + 1);
}

/**
 * Reads a group from its space's hierarchy: works for a space the reader's server is not in.
 *
 * @param client - the reader's client.
 * @param spaceId - the group's space.
 * @param via - servers in the space to ask (its own server, from a relation, a directory, a link).
 *   The card is taken only when the authority it pins lives on one of them: a hierarchy is
 *   unsigned, so the servers the reader chose to ask vouch for it. Without `via`, the reader's own
 *   server answers (from the space's state when it is in the space).
 * @returns the group's view from its card (see {@link groupFromHierarchy}).
 * @throws {@link HomeserverError} (operation `read-hierarchy`) when no server answers for the space;
 *   {@link UncorroboratedCardError} when the card names an authority on none of `via`.
 */
export async function readGroupCard(
  client: MatrixClient,
  spaceId: string,
  via: readonly string[] = [],
): Promise<GroupView> {
  let response: { rooms?: unknown };
  try {
    response = await client.http.authedRequest<{ rooms?: unknown }>(
      Method.Get,
      `/rooms/${encodeURIComponent(spaceId)}/hierarchy`,
      { max_depth: '0', limit: '1', 'org.matrix.msc4235.via': [...new Set(via)] },
      undefined,
      { prefix: '/_matrix/client/v1' },
    );
  } catch (cause) {
    throw new HomeserverError('read-hierarchy', `cannot read the hierarchy of ${spaceId}`, { cause });
  }
  const rooms = Array.isArray(response.rooms) ? (response.rooms as Record<string, unknown>[]) : [];
  const root = rooms.find((room) => room?.room_id === spaceId);
  if (root === undefined)
    throw new HomeserverError('read-hierarchy', `no hierarchy of ${spaceId} was served`);
  const view = groupFromHierarchy(spaceId, root);
  // Unsigned, and possibly what another server served the reader's server earlier (Synapse keeps
  // a remote hierarchy by room, whoever answered): taken only when the authority it names lives on
  // a server the reader was told to ask.
  const servers = [...new Set(via)];
  const authority = view.authority?.authority ?? [];
  if (
    servers.length > 0 &&
    authority.length > 0 &&
    !authority.some((user) => servers.includes(serverOfUser(user)))
  )
    throw new UncorroboratedCardError(spaceId, servers, authority);
  return view;
}

/**
 * Reads a group from its space's state when the reader's server is in the space, else from its
 * card in the space hierarchy.
 *
 * @param client - the reader's client.
 * @param spaceId - the group's space.
 * @param via - servers in the space to ask when the reader's server is not in it.
 * @returns the view and where it was read from.
 * @throws {@link HomeserverError} when neither can be read.
 */
export async function readGroupAnywhere(
  client: MatrixClient,
  spaceId: string,
  via: readonly string[] = [],
): Promise<{ readonly view: GroupView; readonly source: 'state' | 'card' }> {
  try {
    return { view: await readGroup(client, spaceId), source: 'state' };
  } catch (error) {
    const { reason } = reachError(error, false);
    if (reason !== 'not-allowed' && reason !== 'refused') throw error;
    return { view: await readGroupCard(client, spaceId, via), source: 'card' };
  }
}

/**
 * Reads a group related to a known one from the relation alone: through the servers the known
 * group's relation names (`via`), from the space's state when the reader's server is in it, else
 * from its card in the space hierarchy. The servers a relation names are routes, not credentials:
 * what they serve is an unsigned summary, read as {@link readGroupCard} reads any (see
 * `docs/security.md`).
 *
 * @param client - the reader's client.
 * @param from - the group that asserts the relation (read from its space).
 * @param toSpace - the related group's space.
 * @returns the related group's view and where it was read from.
 * @throws {@link HomeserverError} when no server answers for the space.
 * @example
 * ```ts
 * const lyon = await readGroup(client, lyonSpace);
 * const { view } = await readRelatedGroup(client, lyon, parisSpace);
 * ```
 */
export async function readRelatedGroup(
  client: MatrixClient,
  from: Pick<GroupView, 'relations'>,
  toSpace: string,
): Promise<{ readonly view: GroupView; readonly source: 'state' | 'card' }> {
  return readGroupAnywhere(client, toSpace, from.relations.get(toSpace)?.via ?? []);
}

/**
 * Discovers the groups listed in the public room directories of known servers, reading each one's
 * card from its hierarchy — joining nothing.
 *
 * @param client - the reader's client.
 * @param servers - servers whose directories to read.
 * @returns the groups found and what could not be read.
 * @example
 * ```ts
 * const { groups } = await discoverGroups(client, ['paris.example.org', 'lyon.example.org']);
 * const graph = groupGraph(groups, consentedRelations(new Map(groups.map((g) => [g.spaceId, g.relations]))));
 * ```
 */
export async function discoverGroups(
  client: MatrixClient,
  servers: readonly string[],
): Promise<DiscoveredGroups> {
  const groups = new Map<string, GroupView>();
  const unreached: Unreached[] = [];
  for (const server of servers) {
    let spaces: ListedSpace[];
    try {
      spaces = await listPublicSpaces(client, server);
    } catch (error) {
      unreached.push({ what: server, error: reachError(error, true) });
      continue;
    }
    for (const space of spaces) {
      if (groups.has(space.spaceId)) continue;
      try {
        const view = await readGroupCard(client, space.spaceId, [server]);
        if (view.profile) groups.set(space.spaceId, view);
      } catch (error) {
        unreached.push({
          what: space.spaceId,
          error:
            error instanceof UncorroboratedCardError
              ? { reason: 'refused', code: error.code, message: error.message }
              : reachError(error, true),
        });
      }
    }
  }
  return { groups: [...groups.values()], unreached };
}
