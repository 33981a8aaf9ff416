/**
 * @module
 * Reaching a room of another group, possibly on another homeserver, that the client has never
 * joined: a join through the servers the group's space names for it (`via` of its
 * `m.space.child`; a room id of room version 12 names no server, so without them the homeserver
 * has nobody to ask), and a failure that says why. Thin I/O.
 */
import type { MatrixClient } from 'matrix-js-sdk';

/**
 * Why a room could not be reached or posted to:
 * - `unreachable`: no server that is in the room answered (none given, or none reachable);
 * - `not-allowed`: the room's rules refuse the client (invite-only, banned, not enough power);
 * - `refused`: the homeserver refused for another reason, or the binding refused what it was
 *   served (its error's `code`, such as `uncorroborated-card`).
 */
export type ReachFailure = 'unreachable' | 'not-allowed' | 'refused';

/** A failure with the homeserver's own words. */
export interface ReachError {
  readonly reason: ReachFailure;
  /** HTTP status and Matrix `errcode` of the refusal, when the homeserver gave them. */
  readonly status?: number;
  readonly errcode?: string;
  /** The homeserver's message (never parse it). */
  readonly message?: string;
  /** The binding's error code when it refused what a server served (e.g. `uncorroborated-card`). */
  readonly code?: string;
}

/**
 * Classifies a homeserver's refusal.
 *
 * @param error - what matrix-js-sdk threw (a `MatrixError`, or a `HomeserverError` around one).
 * @param joining - whether the failed request was a join (a 404 then means no server to join through).
 * @returns the reason and the homeserver's status, code and message.
 */
export function reachError(error: unknown, joining: boolean): ReachError {
  const matrix = ((error as { cause?: unknown })?.cause ?? error) as {
    httpStatus?: unknown;
    errcode?: unknown;
    data?: { error?: unknown };
    message?: unknown;
  };
  const status = typeof matrix?.httpStatus === 'number' ? matrix.httpStatus : undefined;
  const errcode = typeof matrix?.errcode === 'string' ? matrix.errcode : undefined;
  const text =
    typeof matrix?.data?.error === 'string'
      ? matrix.data.error
      : typeof matrix?.message === 'string'
        ? matrix.message
        : undefined;
  const reason: ReachFailure =
    status === 403 || errcode === 'M_FORBIDDEN'
      ? 'not-allowed'
      : (joining && (status === 404 || errcode === 'M_NOT_FOUND')) || status === 502 || status === 504
        ? 'unreachable'
        : status === undefined
          ? 'unreachable'
          : 'refused';
  return {
    reason,
    ...(status === undefined ? {} : { status }),
    ...(errcode === undefined ? {} : { errcode }),
    ...(text === undefined ? {} : { message: text.slice(0, 500) }),
  };
}

/**
 * Joins a room unless the client is in it already, through the given servers.
 *
 * @param client - the client.
 * @param roomId - the room.
 * @param via - servers in the room to join through (from the space's `m.space.child`).
 * @returns `undefined` once joined, or why not.
 */
export async function reachRoom(
  client: MatrixClient,
  roomId: string,
  via: readonly string[],
): Promise<ReachError | undefined> {
  if (client.getRoom(roomId)?.getMyMembership() === 'join') return undefined;
  try {
    await client.joinRoom(roomId, { viaServers: [...new Set(via)] });
    return undefined;
  } catch (error) {
    return reachError(error, true);
  }
}

/**
 * The servers to reach a child room of a group through: the `via` of its `m.space.child`, then the
 * servers of the group's pinned authority (power 100 in every room of the group, so their servers
 * are in its rooms while they are), without repeats. A room id of room version 12 names no server,
 * so a child without `via` is still reached through the space state.
 *
 * @param group - the group's space children and, when known, its pinned authority.
 * @param roomId - the child room.
 * @returns server names, the child's own first (possibly none).
 * @example
 * ```ts
 * viaOf({ children: [{ roomId: '!r', via: [] }], authority: { authority: ['@ana:a.example'] } }, '!r');
 * // ['a.example']
 * ```
 */
export function viaOf(
  group: {
    readonly children: readonly { readonly roomId: string; readonly via: readonly string[] }[];
    readonly authority?: { readonly authority: readonly string[] };
  },
  roomId: string,
): readonly string[] {
  const own = group.children.find((child) => child.roomId === roomId)?.via ?? [];
  const authority = (group.authority?.authority ?? []).flatMap((user) => {
    const colon = user.indexOf(':');
    return colon > 0 ? [user.slice(colon + 1)] : [];
  });
  return [...new Set([...own, ...authority])];
}
