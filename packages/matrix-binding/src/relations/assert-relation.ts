/**
 * @module
 * Asserting and ending a relation from one group's side: a state event in the group's own space.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { sendState } from '../client/send';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { ImagoEventTypes } from '../events/event-types';
import {
  MAX_RELATION_VIA,
  RELATION_TYPE_PATTERN,
  type RelationAssertion,
  SERVER_NAME_PATTERN,
} from './relation-assertion';

/** What a relation may say besides its type. */
export interface RelationOptions {
  /** Free text. */
  readonly note?: string;
  /**
   * Servers in the other group's space to reach it through (default: the servers of its joined
   * members, {@link serversInRoom}, when the client's server is in it, else none).
   */
  readonly via?: readonly string[];
}

/**
 * The servers of a room's joined members, the servers of its most powerful members first, then by
 * number of members (Matrix's usual choice of servers to route through), at most `max`.
 *
 * @param client - a client that sees the room.
 * @param roomId - the room.
 * @param max - how many servers (default 3).
 * @returns server names; none when the client does not see the room.
 * @example
 * ```ts
 * await assertRelation(client, mySpace, theirSpace, 'partner', { via: serversInRoom(client, theirSpace) });
 * ```
 */
export function serversInRoom(client: MatrixClient, roomId: string, max = 3): string[] {
  const room = client.getRoom(roomId);
  if (!room) return [];
  const power = room.currentState.getStateEvents('m.room.power_levels', '')?.getContent() as
    | { users?: Record<string, unknown> }
    | undefined;
  const byServer = new Map<string, { power: number; members: number }>();
  for (const member of room.getJoinedMembers()) {
    const colon = member.userId.indexOf(':');
    if (colon < 0) continue;
    const server = member.userId.slice(colon + 1);
    const level = power?.users?.[member.userId];
    const entry = byServer.get(server) ?? { power: 0, members: 0 };
    byServer.set(server, {
      power: Math.max(entry.power, typeof level === 'number' ? level : 0),
      members: entry.members + 1,
    });
  }
  return [...byServer.entries()]
    .sort(([a, x], [b, y]) => y.power - x.power || y.members - x.members || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, max)
    .map(([server]) => server);
}

/**
 * The servers of a space's joined members as the client's store has them, else as the homeserver
 * answers (a space just created or joined may not have reached the store yet); none when the
 * client's server is not in the space.
 */
async function serversOfSpace(client: MatrixClient, spaceId: string): Promise<string[]> {
  const known = serversInRoom(client, spaceId);
  if (known.length > 0) return known;
  try {
    const { joined } = await client.getJoinedRoomMembers(spaceId);
    const counts = new Map<string, number>();
    for (const userId of Object.keys(joined ?? {})) {
      const server = userId.slice(userId.indexOf(':') + 1);
      if (userId.includes(':')) counts.set(server, (counts.get(server) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 3)
      .map(([server]) => server);
  } catch {
    return [];
  }
}

/**
 * Asserts (proposes, or accepts when the other side already asserts it) a relation.
 *
 * @param client - a client with power to send `org.imago.relation` in `fromSpace`.
 * @param fromSpace - this group's space id.
 * @param toSpace - the other group's space id.
 * @param type - relation type (`partner`, `follows`…).
 * @param options - a note (a string is the note), servers to reach the other group through.
 * @returns the state event id.
 * @throws {@link InvalidArgumentError} for an invalid type or server name; {@link HomeserverError} when refused.
 * @example
 * ```ts
 * await assertRelation(client, lyonSpace, parisSpace, 'partner', { note: 'Tools', via: ['paris.example.org'] });
 * ```
 */
export async function assertRelation(
  client: MatrixClient,
  fromSpace: string,
  toSpace: string,
  type: string,
  options?: string | RelationOptions,
): Promise<string> {
  if (!RELATION_TYPE_PATTERN.test(type)) throw new InvalidArgumentError(`invalid relation type ${type}`);
  const { note, via } = typeof options === 'string' ? { note: options, via: undefined } : (options ?? {});
  const servers = [...new Set(via ?? (await serversOfSpace(client, toSpace)))];
  if (servers.length > MAX_RELATION_VIA)
    throw new InvalidArgumentError(`more than ${MAX_RELATION_VIA} servers in via`);
  const bad = servers.find((server) => !SERVER_NAME_PATTERN.test(server));
  if (bad !== undefined) throw new InvalidArgumentError(`via: ${bad} is not a server name`);
  const content: RelationAssertion & Record<string, unknown> = {
    type,
    ...(note ? { note } : {}),
    ...(servers.length > 0 ? { via: servers } : {}),
  };
  return sendState(client, fromSpace, ImagoEventTypes.relation, toSpace, content);
}

/**
 * Ends this side's assertion of the relation with another group (empty content).
 *
 * @param client - a client with power to send `org.imago.relation` in `fromSpace`.
 * @param fromSpace - this group's space id.
 * @param toSpace - the other group's space id.
 * @returns the state event id.
 * @throws {@link HomeserverError} when refused.
 */
export async function endRelation(client: MatrixClient, fromSpace: string, toSpace: string): Promise<string> {
  return sendState(client, fromSpace, ImagoEventTypes.relation, toSpace, {});
}
