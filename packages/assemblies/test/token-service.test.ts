/**
 * The RTC authorisation service against a live Synapse (OpenID check through the federation
 * `openid/userinfo` endpoint) and a live LiveKit (room creation), served on loopback HTTP and
 * attacked with raw HTTP requests.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MatrixSession } from '@imago/matrix-binding';
import { verifyOpenIdToken } from '@imago/matrix-binding';
import { registerUser, testHomeserverFromEnvironment } from '@imago/matrix-binding/testing';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenService, type TokenService } from '../src/authorisation/index';
import { LISTENER, livekitRoomName, SPEAKER, userOfIdentity } from '../src/index';

const homeserver = () => testHomeserverFromEnvironment();
const livekit = () => ({
  url: process.env.IMAGO_LIVEKIT_URL as string,
  apiKey: process.env.IMAGO_LIVEKIT_API_KEY as string,
  apiSecret: process.env.IMAGO_LIVEKIT_API_SECRET as string,
});

async function raw(session: MatrixSession, method: string, path: string, body?: unknown) {
  const response = await fetch(`${session.baseUrl}/_matrix/client/v3${path}`, {
    method,
    headers: { authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const openId = async (session: MatrixSession) =>
  (await raw(session, 'POST', `/user/${encodeURIComponent(session.userId)}/openid/request_token`, {}))
    .body as {
    access_token: string;
    matrix_server_name: string;
  };

function claims(jwt: string): { sub: string; video: Record<string, unknown> } {
  const payload = jwt.split('.')[1] as string;
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

describe('RTC authorisation service (live Synapse and LiveKit)', () => {
  let chair: MatrixSession;
  let member: MatrixSession;
  let outsider: MatrixSession;
  let roomId: string;
  let service: TokenService;
  let serverName: string;

  let endpoint: string;
  let close: () => void;
  const ask = (body: unknown) =>
    fetch(`${endpoint}/sfu/get_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const request = async (session: MatrixSession, overrides: Record<string, unknown> = {}) => ({
    room_id: roomId,
    slot_id: 'm.call#ROOM',
    openid_token: await openId(session),
    member: { id: 'm1', claimed_user_id: session.userId, claimed_device_id: session.deviceId },
    ...overrides,
  });

  beforeAll(async () => {
    const stamp = Date.now().toString(36);
    const register = (name: string) => registerUser(homeserver(), `${name}-${stamp}`);
    [chair, member, outsider] = await Promise.all([
      register('chair'),
      register('member'),
      register('outsider'),
    ]);
    serverName = chair.userId.slice(chair.userId.indexOf(':') + 1);
    roomId = (await raw(chair, 'POST', '/createRoom', { preset: 'public_chat' })).body.room_id as string;
    await raw(member, 'POST', `/join/${encodeURIComponent(roomId)}`, {});
    service = createTokenService({
      livekit: livekit(),
      verifyIdentity: (token) =>
        verifyOpenIdToken(token, (name) => (name === serverName ? homeserver().baseUrl : undefined)),
      async authorise(room, userId) {
        const state = await raw(
          chair,
          'GET',
          `/rooms/${encodeURIComponent(room)}/state/m.room.member/${encodeURIComponent(userId)}`,
        );
        return {
          joined: state.status === 200 && state.body.membership === 'join',
          permission: userId === chair.userId ? SPEAKER : LISTENER,
        };
      },
    });
  });

  beforeAll(async () => {
    // A thin HTTP shell around the web-standard handler, as the example server serves it.
    const server = createServer(async (incoming, outgoing) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const response = await service.handle(
        new Request(`http://127.0.0.1${incoming.url ?? '/'}`, {
          method: incoming.method ?? 'GET',
          headers: incoming.headers as Record<string, string>,
          ...(incoming.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
        }),
      );
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close?.());

  it('issues a token for a joined member to join and listen, never to publish (the chair’s neither)', async () => {
    const response = await ask(await request(member));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { url, jwt } = (await response.json()) as { url: string; jwt: string };
    expect(url).toBe(livekit().url);
    const { sub, video } = claims(jwt);
    expect(sub).toBe(`${member.userId}:${member.deviceId}`);
    expect(video).toMatchObject({
      room: await livekitRoomName(roomId),
      roomJoin: true,
      canPublish: false,
      canPublishData: false,
    });
    // Even the chair's token gives no right to publish: rights are granted on the SFU once
    // connected, so a token kept from an earlier floor is worth nothing after it moved.
    const chairs = claims(((await (await ask(await request(chair))).json()) as { jwt: string }).jwt).video;
    expect(chairs).toMatchObject({ canPublish: false, canPublishData: false });
    expect(chairs.canPublishSources ?? []).toEqual([]);
    // The service created the LiveKit room (MSC4195: the server ensures the room exists).
    const rooms = await new RoomServiceClient(
      livekit().url.replace(/^ws/, 'http'),
      livekit().apiKey,
      livekit().apiSecret,
    ).listRooms();
    expect(rooms.map((r) => r.name)).toContain(await livekitRoomName(roomId));
  });

  it('refuses a forged OpenID token, a token claimed for another user, a non-member and bad JSON', async () => {
    const forged = await ask(
      await request(member, { openid_token: { access_token: 'forged', matrix_server_name: serverName } }),
    );
    expect([forged.status, ((await forged.json()) as { errcode: string }).errcode]).toEqual([
      401,
      'M_UNAUTHORIZED',
    ]);

    // The outsider's genuine token, presented as the chair's: the homeserver names the outsider.
    const impostor = await ask({
      ...(await request(outsider)),
      member: { id: 'm1', claimed_user_id: chair.userId, claimed_device_id: chair.deviceId },
    });
    expect([impostor.status, ((await impostor.json()) as { errcode: string }).errcode]).toEqual([
      401,
      'M_UNAUTHORIZED',
    ]);

    const foreignServer = await ask(
      await request(member, {
        openid_token: { ...(await openId(member)), matrix_server_name: 'elsewhere.example' },
      }),
    );
    expect(foreignServer.status).toBe(401);

    const outside = await ask(await request(outsider));
    expect([outside.status, ((await outside.json()) as { errcode: string }).errcode]).toEqual([
      403,
      'M_FORBIDDEN',
    ]);

    // Only the room's one slot is an assembly.
    const otherSlot = await ask(await request(member, { slot_id: 'm.call#SIDE' }));
    expect([otherSlot.status, ((await otherSlot.json()) as { errcode: string }).errcode]).toEqual([
      400,
      'M_BAD_JSON',
    ]);
    for (const body of [
      '{not json',
      { room_id: 'no-room' },
      { ...(await request(member)), member: { id: 'x' } },
    ]) {
      const response = await ask(body);
      expect([response.status, ((await response.json()) as { errcode: string }).errcode]).toEqual([
        400,
        'M_BAD_JSON',
      ]);
    }
    const wrongPath = await fetch(`${endpoint}/sfu/other`, { method: 'POST' });
    expect(wrongPath.status).toBe(404);
  });

  it('grants the floor only through enforcement, and removes a participant who left the Matrix room', async () => {
    // Each connects to the SFU the way any client would: its own token, a raw signalling socket.
    const connect = async (session: MatrixSession) => {
      const { jwt, url } = (await (await ask(await request(session))).json()) as { jwt: string; url: string };
      const socket = new WebSocket(
        `${url.replace(/\/$/, '')}/rtc?access_token=${jwt}&auto_subscribe=1&protocol=15`,
      );
      socket.binaryType = 'arraybuffer';
      await new Promise((resolve, reject) => {
        socket.addEventListener('message', resolve, { once: true });
        socket.addEventListener('error', reject, { once: true });
      });
      return socket;
    };
    const sockets = [await connect(chair), await connect(member)];
    try {
      const name = await livekitRoomName(roomId);
      const rooms = new RoomServiceClient(
        livekit().url.replace(/^ws/, 'http'),
        livekit().apiKey,
        livekit().apiSecret,
      );
      const permissions = async () =>
        Object.fromEntries(
          (await rooms.listParticipants(name)).map((p) => [
            userOfIdentity(p.identity),
            p.permission?.canPublish ?? false,
          ]),
        );
      expect(await permissions()).toEqual({ [chair.userId]: false, [member.userId]: false });

      // The floor holder (here the member) may publish once the service says so; nobody else.
      const granted = await service.enforce(roomId, (user) => (user === member.userId ? SPEAKER : LISTENER));
      expect(granted.map((u) => u.userId)).toEqual([member.userId]);
      expect(await permissions()).toEqual({ [chair.userId]: false, [member.userId]: true });
      expect(await service.enforce(roomId, (user) => (user === member.userId ? SPEAKER : LISTENER))).toEqual(
        [],
      );

      // The member leaves the Matrix room: the SFU no longer keeps them, floor or not.
      await raw(member, 'POST', `/rooms/${encodeURIComponent(roomId)}/leave`, {});
      const removed = await service.enforce(
        roomId,
        (user) => (user === member.userId ? SPEAKER : LISTENER),
        (user) => user !== member.userId,
      );
      expect(removed).toEqual([expect.objectContaining({ userId: member.userId, permission: null })]);
      expect(Object.keys(await permissions())).toEqual([chair.userId]);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
