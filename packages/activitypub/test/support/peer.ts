// Driving the independent peer (scripts/activitypub-peer/peer.py) and, for attack tests, signing
// requests by hand (draft-cavage HTTP signatures, as the fediverse sends them) with node:crypto.
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { eventually } from './services';

export type Json = Record<string, unknown>;

export class Peer {
  readonly actor: string;

  constructor(
    readonly url: string,
    readonly dir: string,
  ) {
    this.actor = `${url}/actor`;
  }

  /** What the peer's inbox accepted (only requests whose signature bovine verified). */
  async inbox(): Promise<Json[]> {
    const response = await fetch(`${this.url}/_peer/inbox`);
    return ((await response.json()) as { items: Json[] }).items;
  }

  async waitFor(what: string, match: (activity: Json) => boolean, timeoutMs = 30_000): Promise<Json> {
    const items = await eventually(
      what,
      () => this.inbox(),
      (list) => list.some(match),
      timeoutMs,
    );
    return items.find(match) as Json;
  }

  /** Stores an object the peer then serves at its id. */
  async publish(name: string, object: Json): Promise<string> {
    const id = `${this.url}/objects/${name}`;
    await fetch(`${this.url}/_peer/objects/${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...object, id }),
    });
    return id;
  }

  /** Has the peer (bovine) sign and send an activity. */
  async send(inbox: string, activity: Json): Promise<{ status: number; body: string }> {
    const response = await fetch(`${this.url}/_peer/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inbox, activity }),
    });
    return (await response.json()) as { status: number; body: string };
  }

  /** The peer actor's private key (from fediverse-pasture's data.toml), to sign by hand. */
  async privateKey(): Promise<string> {
    const toml = await readFile(`${this.dir}/data.toml`, 'utf8');
    const match = /private = "((?:[^"\\]|\\.)*)"/.exec(toml) ?? /private = '''([\s\S]*?)'''/.exec(toml);
    if (!match?.[1]) throw new Error('no private key in data.toml');
    return match[1].replace(/\\n/g, '\n');
  }
}

/** A signed request, draft-cavage style, as raw bytes and headers. */
export function signedRequest(
  url: string,
  body: string,
  keyId: string,
  privateKeyPem: string,
  date = new Date(),
): { headers: Record<string, string>; body: string } {
  const target = new URL(url);
  const digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
  const headers: Record<string, string> = {
    host: target.host,
    date: date.toUTCString(),
    digest,
    'content-type': 'application/activity+json',
  };
  const signed = `(request-target): post ${target.pathname}\nhost: ${headers.host}\ndate: ${headers.date}\ndigest: ${digest}\ncontent-type: ${headers['content-type']}`;
  const signature = createSign('RSA-SHA256').update(signed).sign(privateKeyPem, 'base64');
  headers.signature = `keyId="${keyId}",algorithm="rsa-sha256",headers="(request-target) host date digest content-type",signature="${signature}"`;
  return { headers, body };
}

/** A throw-away RSA key the attacker owns. */
export function attackerKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
}

/** POSTs raw bytes with the given headers. */
export async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers, body });
  await response.arrayBuffer();
  return response.status;
}

/** POSTs raw bytes from another loopback address (another machine, as far as the bridge can tell). */
export function postFrom(
  localAddress: string,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: 'POST', headers, localAddress }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
