/**
 * @module
 * The application: the login page until there is a session, then the workspace.
 */
import type { MatrixSession } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { LoginPage } from '../session/login-page';
import { clearSession, loadSession, saveSession } from '../session/session-store';
import { Workspace } from './workspace';

/** The root component. */
export function App() {
  const [session, setSession] = useState<MatrixSession | undefined>(loadSession);
  if (!session) {
    return (
      <LoginPage
        onLoggedIn={(next) => {
          saveSession(next);
          location.hash = '#/groups';
          setSession(next);
        }}
      />
    );
  }
  return (
    <Workspace
      session={session}
      onLogout={() => {
        clearSession();
        setSession(undefined);
      }}
    />
  );
}
