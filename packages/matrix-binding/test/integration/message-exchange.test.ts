import { ClientEvent, type MatrixClient, type MatrixEvent, RoomEvent } from 'matrix-js-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createImagoClient } from '../../src/index';
import { registerUser, testHomeserverFromEnvironment } from '../../src/testing/index';

const run = Date.now().toString(36);

async function startSynced(client: MatrixClient): Promise<void> {
  const synced = new Promise<void>((resolve) => {
    client.on(ClientEvent.Sync, (state) => {
      if (state === 'PREPARED') resolve();
    });
  });
  await client.startClient({ initialSyncLimit: 10 });
  await synced;
}

function nextMessage(client: MatrixClient, roomId: string): Promise<MatrixEvent> {
  return new Promise((resolve) => {
    client.on(RoomEvent.Timeline, (event, room, toStartOfTimeline) => {
      if (toStartOfTimeline || room?.roomId !== roomId) return;
      if (event.getType() === 'm.room.message' && event.getSender() !== client.getUserId()) resolve(event);
    });
  });
}

describe('two users on a live Synapse', () => {
  const clients: MatrixClient[] = [];
  afterAll(() => {
    for (const client of clients) client.stopClient();
  });

  it('registers both and delivers a message from one to the other', async () => {
    const homeserver = testHomeserverFromEnvironment();
    const aliceSession = await registerUser(homeserver, `alice-${run}`);
    const bobSession = await registerUser(homeserver, `bob-${run}`);
    expect(aliceSession.userId).toMatch(new RegExp(`^@alice-${run}:`));

    const alice = await createImagoClient(aliceSession);
    const bob = await createImagoClient(bobSession);
    clients.push(alice, bob);
    await Promise.all([startSynced(alice), startSynced(bob)]);

    const { room_id: roomId } = await alice.createRoom({ name: 'smoke', invite: [bob.getUserId()!] });
    await bob.joinRoom(roomId);
    const received = nextMessage(bob, roomId);
    await alice.sendTextMessage(roomId, 'hello from alice');
    const event = await received;

    expect(event.getSender()).toBe(alice.getUserId());
    expect(event.getContent().body).toBe('hello from alice');
  });
});
