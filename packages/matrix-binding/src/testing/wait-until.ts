/**
 * @module
 * Waiting in tests and demos, without sleeping: for a condition, checked every 200 ms until a
 * deadline; for a client's first sync.
 */
import { ClientEvent, type MatrixClient, SyncState } from 'matrix-js-sdk';

/**
 * Resolves with the first truthy value of `ready`.
 *
 * @param what - what is awaited, for the timeout error.
 * @param ready - the condition (may be asynchronous).
 * @param timeoutMs - the deadline (default 90 s).
 * @returns the value.
 * @throws Error `timed out waiting for <what>` after the deadline.
 */
export async function waitUntil<T>(
  what: string,
  ready: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ready();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Starts a client syncing and resolves once its first sync is done.
 *
 * @param client - the client.
 * @param options - `startClient`'s options (default: one event of timeline per room).
 */
export async function startSynced(
  client: MatrixClient,
  options: Parameters<MatrixClient['startClient']>[0] = { initialSyncLimit: 1 },
): Promise<void> {
  const synced = new Promise<void>((resolve) => {
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared || state === SyncState.Syncing) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
  await client.startClient(options);
  await synced;
}
