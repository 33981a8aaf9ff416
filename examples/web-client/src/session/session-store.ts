/**
 * @module
 * Keeps the Matrix session (homeserver, user, access token, device) in the browser's local storage,
 * so a reload does not log the person out. Stored values are parsed, never trusted.
 */
import type { MatrixSession } from '@imago/matrix-binding';

const SESSION_KEY = 'imago.session';
const HOMESERVER_KEY = 'imago.homeserver';

/** Reads the stored session, or `undefined` when there is none or it is malformed. */
export function loadSession(): MatrixSession | undefined {
  const raw = localStorage.getItem(SESSION_KEY);
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { baseUrl, userId, accessToken, deviceId } = value as Record<string, unknown>;
    if (
      typeof baseUrl === 'string' &&
      typeof userId === 'string' &&
      typeof accessToken === 'string' &&
      typeof deviceId === 'string'
    ) {
      return { baseUrl, userId, accessToken, deviceId };
    }
  } catch {
    // A corrupt entry is treated as no session.
  }
  return undefined;
}

/** Stores the session and remembers its homeserver for the next login. */
export function saveSession(session: MatrixSession): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  localStorage.setItem(HOMESERVER_KEY, session.baseUrl);
}

/** Forgets the session (the homeserver is kept as the next login's default). */
export function clearSession(): void {
  localStorage.removeItem(SESSION_KEY);
}

/**
 * The homeserver proposed on the login form: `?homeserver=` in the page address, then the last one
 * used, then the build's `VITE_IMAGO_HOMESERVER_URL`, then a local Synapse.
 */
export function defaultHomeserver(): string {
  const fromQuery = new URLSearchParams(location.search).get('homeserver');
  return (
    fromQuery ??
    localStorage.getItem(HOMESERVER_KEY) ??
    (import.meta.env.VITE_IMAGO_HOMESERVER_URL as string | undefined) ??
    'http://127.0.0.1:8008'
  );
}
