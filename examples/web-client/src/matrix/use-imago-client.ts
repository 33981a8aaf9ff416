/**
 * @module
 * Starts a Matrix client for the logged-in session, with end-to-end encryption (matrix-js-sdk's
 * Rust crypto, its store in IndexedDB), and reports when the first sync is done.
 */
import {
  ClientEvent,
  createImagoClient,
  type MatrixClient,
  type MatrixSession,
  SyncState,
} from '@imago/matrix-binding';
import { useEffect, useState } from 'preact/hooks';
import { clientElections } from '../elections/use-elections';

/** Where the client stands. */
export type ClientStatus =
  | { state: 'starting' }
  | { state: 'ready'; client: MatrixClient; encryption: boolean }
  | { state: 'failed'; reason: string };

async function startClient(session: MatrixSession): Promise<{ client: MatrixClient; encryption: boolean }> {
  let client: MatrixClient;
  let encryption = true;
  try {
    client = await createImagoClient({ ...session, encryption: true });
  } catch {
    // Without WebAssembly or IndexedDB the client still works for unencrypted rooms.
    encryption = false;
    client = await createImagoClient({ ...session, encryption: false });
  }
  const prepared = new Promise<void>((resolve, reject) => {
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared || state === SyncState.Syncing) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      } else if (state === SyncState.Error && !client.isInitialSyncComplete()) {
        client.off(ClientEvent.Sync, onSync);
        reject(new Error('first sync failed'));
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
  // Its election duties listen before the first sync: a credential sent to this device while it was
  // offline comes in that sync, and must find them listening.
  clientElections(client);
  await client.startClient({ initialSyncLimit: 50, lazyLoadMembers: true });
  await prepared;
  return { client, encryption };
}

/**
 * Runs a client for as long as the component using it is mounted with the same session.
 *
 * @param session - the logged-in session.
 * @returns the client's status.
 */
export function useImagoClient(session: MatrixSession): ClientStatus {
  const [status, setStatus] = useState<ClientStatus>({ state: 'starting' });
  useEffect(() => {
    let cancelled = false;
    let started: MatrixClient | undefined;
    setStatus({ state: 'starting' });
    startClient(session).then(
      ({ client, encryption }) => {
        started = client;
        if (cancelled) client.stopClient();
        else setStatus({ state: 'ready', client, encryption });
      },
      (cause: unknown) => {
        if (!cancelled)
          setStatus({ state: 'failed', reason: cause instanceof Error ? cause.message : String(cause) });
      },
    );
    return () => {
      cancelled = true;
      started?.stopClient();
    };
  }, [session]);
  return status;
}
