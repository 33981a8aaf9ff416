/**
 * The attacker's side of the adversarial suite: Matrix client-server HTTP spoken directly with
 * `fetch`, never through @imago/matrix-binding or matrix-js-sdk, so that nothing of Imago's own
 * client code stands between an attacker and the homeserver. An attacker can send any event
 * type with any content that the homeserver accepts and, as an application service, claim any
 * `origin_server_ts` (`?ts=`) for the users of its namespace.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A homeserver's answer: the HTTP status and the parsed JSON body. */
export interface RawAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

let txn = 0;

/** A raw client-server session: a base URL and an access token (optionally acting as a user). */
export class RawMatrix {
  constructor(
    readonly baseUrl: string,
    readonly accessToken: string,
    /** For an application service: the user of its namespace to act as (`?user_id=`). */
    readonly userId?: string,
  ) {}

  /** The same session acting as another user of the application service's namespace. */
  as(userId: string): RawMatrix {
    return new RawMatrix(this.baseUrl, this.accessToken, userId);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    query: Record<string, string> | [string, string][] = {},
  ): Promise<RawAnswer> {
    const params = new URLSearchParams(query);
    if (this.userId) params.set('user_id', this.userId);
    const url = `${this.baseUrl}/_matrix/client/v3${path}${params.size > 0 ? `?${params}` : ''}`;
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${this.accessToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { raw: text };
    }
    return { status: response.status, body: parsed };
  }

  /** Sends a timeline event; `ts` sets `origin_server_ts` (honoured for application services only). */
  async send(
    roomId: string,
    type: string,
    content: unknown,
    options: { ts?: number } = {},
  ): Promise<RawAnswer> {
    const path = `/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/raw${Date.now()}-${++txn}`;
    return this.request('PUT', path, content, options.ts === undefined ? {} : { ts: String(options.ts) });
  }

  /** Sends a timeline event and returns its id, failing the test if the homeserver refuses it. */
  async sendOk(
    roomId: string,
    type: string,
    content: unknown,
    options: { ts?: number } = {},
  ): Promise<string> {
    const answer = await this.send(roomId, type, content, options);
    if (answer.status !== 200 || typeof answer.body.event_id !== 'string') {
      throw new Error(`the homeserver refused ${type}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body.event_id;
  }

  async state(roomId: string, type: string, stateKey: string, content: unknown): Promise<RawAnswer> {
    const path = `/rooms/${encodeURIComponent(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(stateKey)}`;
    return this.request('PUT', path, content);
  }

  async redact(roomId: string, eventId: string): Promise<RawAnswer> {
    const path = `/rooms/${encodeURIComponent(roomId)}/redact/${encodeURIComponent(eventId)}/raw${Date.now()}-${++txn}`;
    return this.request('PUT', path, {});
  }

  async join(roomId: string, via: readonly string[] = []): Promise<RawAnswer> {
    const query = via.map((server): [string, string] => ['via', server]);
    return this.request('POST', `/join/${encodeURIComponent(roomId)}`, {}, query);
  }
}

/** An application service that registers ghost users and forges their clocks. */
export interface ForgingAppservice {
  /** The registration file to give Synapse (`SYNAPSE_APPSERVICES`). */
  readonly registration: string;
  /** Registers a ghost user of the namespace on the homeserver and returns a session acting as it. */
  ghost(baseUrl: string, serverName: string, localpart: string): Promise<RawMatrix>;
}

/**
 * Writes the registration of an application service with an exclusive namespace of ghost users
 * (`@<prefix>…`), and no URL: the homeserver pushes it nothing; it only acts.
 *
 * @param dir - where to write the registration file.
 * @param prefix - the ghosts' localpart prefix.
 */
export async function forgingAppservice(dir: string, prefix: string): Promise<ForgingAppservice> {
  const asToken = randomBytes(24).toString('hex');
  const registration = join(dir, `${prefix}registration.yaml`);
  await writeFile(
    registration,
    [
      `id: ${prefix}forger`,
      'url: null',
      `as_token: "${asToken}"`,
      `hs_token: "${randomBytes(24).toString('hex')}"`,
      `sender_localpart: "${prefix}bot"`,
      'rate_limited: false',
      'namespaces:',
      '  users:',
      `    - { exclusive: true, regex: "@${prefix}.*" }`,
      '  rooms: []',
      '  aliases: []',
      '',
    ].join('\n'),
  );
  return {
    registration,
    async ghost(baseUrl, serverName, localpart) {
      const service = new RawMatrix(baseUrl, asToken);
      const answer = await service.request('POST', '/register', {
        type: 'm.login.application_service',
        username: `${prefix}${localpart}`,
      });
      if (answer.status !== 200 && answer.body.errcode !== 'M_USER_IN_USE') {
        throw new Error(`cannot register a ghost: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return service.as(`@${prefix}${localpart}:${serverName}`);
    },
  };
}
