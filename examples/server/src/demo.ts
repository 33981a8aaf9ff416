/**
 * The demo scenario: groups on a live homeserver, assembled from the Imago packages.
 * Run by `scripts/demo.sh`, which starts Synapse and sets IMAGO_HOMESERVER_URL and
 * IMAGO_SYNAPSE_SHARED_SECRET.
 */
import { createImagoClient } from '@imago/matrix-binding';
import { registerUser, testHomeserverFromEnvironment } from '@imago/matrix-binding/testing';
import { ClientEvent, type MatrixClient } from 'matrix-js-sdk';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function synced(client: MatrixClient): Promise<void> {
  const ready = new Promise<void>((resolve) =>
    client.on(ClientEvent.Sync, (state) => state === 'PREPARED' && resolve()),
  );
  await client.startClient({ initialSyncLimit: 5 });
  await ready;
}

async function main(): Promise<void> {
  const homeserver = testHomeserverFromEnvironment();
  const run = Date.now().toString(36);
  say(`Imago demo on ${homeserver.baseUrl}`);

  const alice = await createImagoClient(await registerUser(homeserver, `alice-${run}`));
  const bob = await createImagoClient(await registerUser(homeserver, `bob-${run}`));
  await Promise.all([synced(alice), synced(bob)]);
  say(`registered ${alice.getUserId()} and ${bob.getUserId()}`);

  const space = await alice.createRoom({
    name: 'Repair Café Lyon',
    creation_content: { type: 'm.space' },
    invite: [bob.getUserId()!],
  });
  const chat = await alice.createRoom({ name: 'Repair Café Lyon — chat', invite: [bob.getUserId()!] });
  await alice.sendStateEvent(space.room_id, 'm.space.child' as never, { via: ['localhost'] } as never, chat.room_id);
  await bob.joinRoom(space.room_id);
  await bob.joinRoom(chat.room_id);
  await alice.sendTextMessage(chat.room_id, 'Welcome to the group!');
  say(`group space ${space.room_id} with chat room ${chat.room_id}; ${bob.getUserId()} joined`);

  alice.stopClient();
  bob.stopClient();
  say('demo complete');
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
