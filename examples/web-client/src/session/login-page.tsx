/**
 * @module
 * The login form: homeserver address, user name and password (`m.login.password`).
 */
import { loginWithPassword, type MatrixSession } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { defaultHomeserver } from './session-store';

/** Props of {@link LoginPage}. */
export interface LoginPageProps {
  onLoggedIn: (session: MatrixSession) => void;
}

/** The page shown to a person who is not logged in. */
export function LoginPage({ onLoggedIn }: LoginPageProps) {
  const [homeserver, setHomeserver] = useState(defaultHomeserver);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onLoggedIn(await loginWithPassword(homeserver.trim().replace(/\/$/, ''), user.trim(), password));
    } catch {
      setError('Login failed: check the homeserver address, the user name and the password.');
      setBusy(false);
    }
  };

  return (
    <main class="login" id="main">
      <h1>Imago</h1>
      <p class="lede">Groups, their relations, their decisions and their resources — on Matrix.</p>
      <form class="card stack" onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <h2>Log in</h2>
        <label for="login-homeserver">Homeserver</label>
        <input
          id="login-homeserver"
          name="homeserver"
          type="url"
          required
          autoComplete="url"
          value={homeserver}
          onInput={(e) => setHomeserver(e.currentTarget.value)}
        />
        <label for="login-user">User name</label>
        <input
          id="login-user"
          name="username"
          required
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          value={user}
          onInput={(e) => setUser(e.currentTarget.value)}
        />
        <label for="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {error && (
          <p id="login-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
