/**
 * @module
 * The RTC authorisation service of an assembly (MSC4195 `get_token` semantics, as lk-jwt-service
 * serves Element Call): it checks the caller's Matrix identity with their homeserver (OpenID),
 * their membership of the room, and issues a short-lived LiveKit token to join and listen: a token
 * never carries the right to publish, since a token kept from an earlier floor could otherwise be
 * used again after the floor moved. Who may publish (the chairs and the member who has the floor)
 * is granted to participants once connected, by {@link TokenService.enforce}
 * (`updateParticipant`), which the host runs when the floor moves and whenever someone joins;
 * LiveKit then removes the tracks a participant may no longer publish, and `enforce` disconnects
 * anyone who is no longer in the Matrix room.
 *
 * Web-standard: the handler takes a `Request` and answers a `Response`, so any HTTP server (or
 * a Matrix application service behind MSC4512's proxy) can host it.
 */
import type { OpenIdVerification } from '@imago/matrix-binding';
import { AccessToken, type ParticipantInfo, RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { livekitRoomName, participantIdentity, ROOM_SLOT_ID, userOfIdentity } from '../livekit-names';
import { type MediaPermission, type MediaSource, samePermission } from '../media-permission';
import { parseTokenRequest } from './token-request';

/** Where the SFU is and the key pair the service signs with. */
export interface LivekitServer {
  /** The SFU's WebSocket URL, as clients reach it (`ws://127.0.0.1:7880`). */
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** What the service asks its host about a room and a user. */
export interface RoomAuthorisation {
  /** Whether the user is joined to the Matrix room. */
  readonly joined: boolean;
  /** Their media permission now. */
  readonly permission: MediaPermission;
}

/** Options of {@link createTokenService}. */
export interface TokenServiceOptions {
  readonly livekit: LivekitServer;
  /** Checks an OpenID token (e.g. `verifyOpenIdToken` of `@imago/matrix-binding`). */
  verifyIdentity(token: { access_token: string; matrix_server_name: string }): Promise<OpenIdVerification>;
  /** Membership and permission of a user in a room, from the host's replay of the assembly. */
  authorise(roomId: string, userId: string): RoomAuthorisation | Promise<RoomAuthorisation>;
  /** Lifetime of issued tokens in seconds (default 10 minutes: a token is only needed to join). */
  readonly tokenTtlSeconds?: number;
}

/** A permission change made on the SFU (`permission: null`: the participant was removed). */
export interface PermissionUpdate {
  readonly identity: string;
  readonly userId: string;
  readonly permission: MediaPermission | null;
}

/** The service. */
export interface TokenService {
  /** Answers `POST …/get_token` (and CORS pre-flights); other paths get 404. */
  handle(request: Request): Promise<Response>;
  /**
   * Brings the permissions of everyone connected to a room's LiveKit room in line with the
   * assembly.
   *
   * @param roomId - the Matrix room.
   * @param permissionOf - each user's permission now.
   * @param joined - whether a user is still joined to the Matrix room (default: everyone is);
   *   participants who are not are removed from the SFU's room.
   * @returns the changes made.
   */
  enforce(
    roomId: string,
    permissionOf: (userId: string) => MediaPermission,
    joined?: (userId: string) => boolean,
  ): Promise<PermissionUpdate[]>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...CORS },
  });
}

function matrixError(status: number, errcode: string, error: string): Response {
  return json(status, { errcode, error });
}

const SOURCES: Record<MediaSource, TrackSource> = {
  microphone: TrackSource.MICROPHONE,
  camera: TrackSource.CAMERA,
};

function currentPermission(participant: ParticipantInfo): MediaPermission {
  const p = participant.permission;
  const names = new Map(Object.entries(SOURCES).map(([name, source]) => [source, name as MediaSource]));
  return {
    canSubscribe: p?.canSubscribe ?? false,
    canPublish: p?.canPublish ?? false,
    canPublishData: p?.canPublishData ?? false,
    canPublishSources: (p?.canPublishSources ?? []).flatMap((s) => names.get(s) ?? []),
  };
}

function httpUrl(url: string): string {
  return url.replace(/^ws(s?):/, 'http$1:');
}

/**
 * Creates the RTC authorisation service.
 *
 * @param options - the SFU, the identity check, the room authorisation.
 * @returns the service.
 * @example
 * ```ts
 * const service = createTokenService({
 *   livekit: { url, apiKey, apiSecret },
 *   verifyIdentity: (token) => verifyOpenIdToken(token, (name) => (name === 'example.org' ? homeserverUrl : undefined)),
 *   authorise: (roomId, userId) => ({ joined: isJoined(client, roomId, userId), permission: mediaPermission(assembly, userId, Date.now()) }),
 * });
 * ```
 */
export function createTokenService(options: TokenServiceOptions): TokenService {
  const rooms = new RoomServiceClient(
    httpUrl(options.livekit.url),
    options.livekit.apiKey,
    options.livekit.apiSecret,
  );
  // LiveKit closes an empty room after a while: make sure it exists on every request (creating
  // an existing room answers it as it is).
  const ensureRoom = async (name: string) => {
    await rooms.createRoom({ name, emptyTimeout: 300 });
  };

  const getToken = async (request: Request): Promise<Response> => {
    const body = await request.json().catch(() => undefined);
    const parsed = parseTokenRequest(body);
    if (!parsed.ok) return matrixError(400, 'M_BAD_JSON', `bad or missing ${parsed.error.path}`);
    const { roomId, slotId, openIdToken, member } = parsed.value;
    // Only the room's one slot is an assembly; a token for any other would open an SFU room
    // nobody governs.
    if (slotId !== ROOM_SLOT_ID)
      return matrixError(400, 'M_BAD_JSON', `unknown slot_id (only ${ROOM_SLOT_ID})`);
    const identity = await options.verifyIdentity(openIdToken);
    if (!identity.ok)
      return matrixError(401, 'M_UNAUTHORIZED', `OpenID token not accepted (${identity.reason})`);
    if (identity.userId !== member.claimedUserId)
      return matrixError(401, 'M_UNAUTHORIZED', 'the OpenID token is of another user');
    const authorisation = await options.authorise(roomId, identity.userId);
    if (!authorisation.joined) return matrixError(403, 'M_FORBIDDEN', 'not joined to the room');
    const name = await livekitRoomName(roomId, slotId);
    try {
      await ensureRoom(name);
    } catch {
      return matrixError(502, 'M_UNKNOWN', 'the SFU could not be reached');
    }
    const token = new AccessToken(options.livekit.apiKey, options.livekit.apiSecret, {
      identity: participantIdentity(identity.userId, member.claimedDeviceId),
      name: identity.userId,
      ttl: options.tokenTtlSeconds ?? 600,
    });
    token.addGrant({
      room: name,
      roomJoin: true,
      canSubscribe: authorisation.permission.canSubscribe,
      canPublish: false,
      canPublishData: false,
      canPublishSources: [],
      canUpdateOwnMetadata: false,
    });
    return json(200, { url: options.livekit.url, jwt: await token.toJwt() });
  };

  return {
    async handle(request) {
      const path = new URL(request.url).pathname.replace(/\/+$/, '');
      if (!path.endsWith('/get_token')) return matrixError(404, 'M_NOT_FOUND', 'unknown endpoint');
      if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
      if (request.method !== 'POST') return matrixError(405, 'M_UNRECOGNIZED', 'use POST');
      return getToken(request);
    },
    async enforce(roomId, permissionOf, joined = () => true) {
      const name = await livekitRoomName(roomId);
      let participants: ParticipantInfo[];
      try {
        participants = await rooms.listParticipants(name);
      } catch {
        return []; // no such room yet: nobody to update
      }
      const updates: PermissionUpdate[] = [];
      for (const participant of participants) {
        const userId = userOfIdentity(participant.identity);
        if (!userId) continue;
        if (!joined(userId)) {
          await rooms.removeParticipant(name, participant.identity);
          updates.push({ identity: participant.identity, userId, permission: null });
          continue;
        }
        const permission = permissionOf(userId);
        if (samePermission(currentPermission(participant), permission)) continue;
        await rooms.updateParticipant(name, participant.identity, {
          permission: {
            canSubscribe: permission.canSubscribe,
            canPublish: permission.canPublish,
            canPublishData: permission.canPublishData,
            canPublishSources: permission.canPublishSources.map((source) => SOURCES[source]),
          },
        });
        updates.push({ identity: participant.identity, userId, permission });
      }
      return updates;
    },
  };
}
