/**
 * @module
 * A Matrix account driven by raw client-server HTTP (`fetch`, no Imago code and no matrix-js-sdk),
 * as an attacker or any other client would speak to the homeserver, for the browser tests that
 * check what the web client makes of such events.
 */
import type { Person } from './person';

/** A state event as `GET /rooms/{roomId}/state` returns it. */
export interface RawStateEvent {
  type: string;
  state_key: string;
  sender: string;
  event_id: string;
  content: Record<string, unknown>;
}

/** A Matrix account driven by raw client-server HTTP. */
export class RawClient {
  private constructor(
    readonly baseUrl: string,
    readonly token: string,
    /** The device of the session, when it was logged in here. */
    readonly deviceId?: string,
  ) {}

  /** Logs the person in with their password (a session of its own, beside their browser's). */
  static async logIn(person: Person): Promise<RawClient> {
    const baseUrl = person.baseUrl as string;
    return RawClient.logInAs(baseUrl, person.localpart, person.password);
  }

  /** Logs a user in by name (a local part or a full user id) and password. */
  static async logInAs(baseUrl: string, user: string, password: string): Promise<RawClient> {
    const response = await fetch(`${baseUrl}/_matrix/client/v3/login`, {
      method: 'POST',
      body: JSON.stringify({ type: 'm.login.password', identifier: { type: 'm.id.user', user }, password }),
    });
    const body = (await response.json()) as { access_token?: string; device_id?: string };
    if (!response.ok || !body.access_token) throw new Error(`login of ${user}: HTTP ${response.status}`);
    return new RawClient(baseUrl, body.access_token, body.device_id);
  }

  /** A session whose access token is already known. */
  static withToken(baseUrl: string, token: string): RawClient {
    return new RawClient(baseUrl, token);
  }

  /** The HTTP status and body of a request (`path` under `/_matrix/client/v3`). */
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json().catch(() => ({})) };
  }

  /** A request that must succeed; its body. */
  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: json } = await this.request(method, path, body);
    if (status !== 200) throw new Error(`${method} ${path}: HTTP ${status} ${JSON.stringify(json)}`);
    return json as T;
  }

  /** Sends a room event (a fresh transaction id each time). */
  send(roomId: string, type: string, content: unknown): Promise<{ status: number; body: unknown }> {
    const txn = `t${Date.now()}${Math.random().toString(36).slice(2)}`;
    return this.request(
      'PUT',
      `/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/${txn}`,
      content,
    );
  }

  /** Sends a room event that the homeserver must accept; its event id. */
  async sendOk(roomId: string, type: string, content: unknown): Promise<string> {
    const { status, body } = await this.send(roomId, type, content);
    if (status !== 200) throw new Error(`send ${type}: HTTP ${status} ${JSON.stringify(body)}`);
    return (body as { event_id: string }).event_id;
  }

  /** The room's current state. */
  state(roomId: string): Promise<RawStateEvent[]> {
    return this.ok<RawStateEvent[]>('GET', `/rooms/${encodeURIComponent(roomId)}/state`);
  }

  /** One state event's content (`{}` when there is none). */
  async stateContent(roomId: string, type: string, stateKey = ''): Promise<Record<string, unknown>> {
    const { status, body } = await this.request(
      'GET',
      `/rooms/${encodeURIComponent(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(stateKey)}`,
    );
    return status === 200 ? (body as Record<string, unknown>) : {};
  }

  /** Accepts every pending invitation; the rooms joined. */
  async joinInvitations(): Promise<string[]> {
    const invited = await eventually(async () => {
      const sync = await this.ok<{ rooms?: { invite?: Record<string, unknown> } }>('GET', '/sync?timeout=0');
      const rooms = Object.keys(sync.rooms?.invite ?? {});
      return rooms.length > 0 ? rooms : undefined;
    }, 'an invitation');
    for (const room of invited) await this.ok('POST', `/join/${encodeURIComponent(room)}`, {});
    return invited;
  }
}

/** Waits until `check` answers something, polling the homeserver. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeout = 30_000,
): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
