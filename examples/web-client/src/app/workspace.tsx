/**
 * @module
 * The logged-in workspace: a header with the person and the main navigation, and the current view.
 */
import type { MatrixClient, MatrixSession } from '@imago/matrix-binding';
import { FeedsPage } from '../feeds/feeds-page';
import { GraphPage } from '../graph/graph-page';
import { GroupPage } from '../groups/group-page';
import { GroupsPage } from '../groups/groups-page';
import { useImagoClient } from '../matrix/use-imago-client';
import { routeHref, useHashRoute } from './use-hash-route';

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  session: MatrixSession;
  onLogout: () => void;
}

const SECTIONS = [
  { id: 'groups', label: 'Groups' },
  { id: 'graph', label: 'Graph' },
  { id: 'feeds', label: 'Feeds' },
] as const;

function CurrentView({ client, route }: { client: MatrixClient; route: string[] }) {
  const [section, id, tab] = route;
  if (section === 'groups' && id)
    return <GroupPage key={id} client={client} groupId={id} tab={tab ?? 'chat'} />;
  if (section === 'graph') return <GraphPage client={client} />;
  if (section === 'feeds') return <FeedsPage client={client} />;
  return <GroupsPage client={client} />;
}

/** The workspace around every logged-in view. */
export function Workspace({ session, onLogout }: WorkspaceProps) {
  const status = useImagoClient(session);
  const route = useHashRoute();
  const section = route[0] ?? 'groups';
  // Logging out ends the session on the homeserver and forgets this device's keys and stores.
  const logOut = async () => {
    if (status.state === 'ready') {
      const client = status.client;
      await client.logout(true).catch(() => undefined);
      client.stopClient();
      await client.clearStores().catch(() => undefined);
    }
    onLogout();
  };
  return (
    <div class="workspace">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top-bar">
        <span class="brand" aria-hidden="true">
          Imago
        </span>
        <nav aria-label="Main">
          <ul>
            {SECTIONS.map((item) => (
              <li key={item.id}>
                <a href={routeHref(item.id)} aria-current={section === item.id ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span class="user-id" title={session.userId}>
            {session.userId}
          </span>
          <button type="button" class="secondary" onClick={logOut}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" class="content">
        {status.state === 'starting' && (
          <p role="status" class="loading">
            Connecting to {session.baseUrl}…
          </p>
        )}
        {status.state === 'failed' && (
          <p role="alert" class="error">
            Could not connect: {status.reason}.{' '}
            <button type="button" onClick={onLogout}>
              Log in again
            </button>
          </p>
        )}
        {status.state === 'ready' && (
          <>
            {!status.encryption && (
              <p class="notice" role="status">
                End-to-end encryption is unavailable in this browser: encrypted rooms cannot be read.
              </p>
            )}
            <CurrentView client={status.client} route={route} />
          </>
        )}
      </main>
    </div>
  );
}
