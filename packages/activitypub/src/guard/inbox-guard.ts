/**
 * @module
 * What an inbox request must pass before Fedify spends any work on it: a size limit (413), a
 * rate limit per connecting address (429; the key id's host is only a claim before Fedify has
 * checked the signature, so it must not choose whose budget is spent), well-formed JSON (400) of
 * bounded depth whose top is an object with a `type` (400), and no replay of a signature already
 * accepted (401). Fedify then verifies the signature itself (401 for unsigned, forged, stale or
 * unknown-key requests) and deduplicates activity ids. Web-standard `Request`/`Response` only.
 */
import { RateLimit, type RateLimitOptions } from './rate-limit';

/** Options of {@link InboxGuard}. */
export interface InboxGuardOptions {
  /** Largest request body in bytes. Default 256 KiB. */
  readonly maxBodyBytes?: number;
  /** Deepest nesting of the JSON document. Default 32. */
  readonly maxDepth?: number;
  /** Rate limit per connecting address (before any signature is checked). */
  readonly rateLimit?: RateLimitOptions;
  /** How long an accepted signature is remembered (it cannot be used again). Default 1 hour, Fedify's signature window. */
  readonly replayWindowMs?: number;
  /** Storage for accepted signatures (so a restart does not forget them). */
  readonly memory: SignatureMemory;
  /** Clock (ms). Default `Date.now`. */
  readonly now?: () => number;
}

/** Where accepted signatures are remembered. */
export interface SignatureMemory {
  has(signature: string): Promise<boolean>;
  remember(signature: string, until: number): Promise<void>;
}

/** Why a request was refused (stable codes, logged). */
export type RefusalCode =
  | 'oversize'
  | 'rate-limited'
  | 'malformed-json'
  | 'malformed-activity'
  | 'replayed-signature';

/** A request the guard let through, with what it learnt. */
export interface AdmittedRequest {
  readonly ok: true;
  /** The request to hand to Fedify (its body re-attached). */
  readonly request: Request;
  /** The parsed body. */
  readonly json: Record<string, unknown>;
  /** The remote server the signature claims (`unsigned` when none): for logs only. */
  readonly server: string;
  /** The signature header value, remembered once the request is accepted. */
  readonly signature?: string;
}

/** A refused request. */
export interface RefusedRequest {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly server: string;
  readonly response: Response;
}

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });

/**
 * The remote server a request claims to come from: the host of the key id of its HTTP signature
 * (draft-cavage `Signature` or RFC 9421 `Signature-Input`), or `unsigned`.
 *
 * @param headers - the request headers.
 * @returns `host[:port]` or `unsigned`.
 */
export function claimedServer(headers: Headers): string {
  const source = headers.get('signature-input') ?? headers.get('signature') ?? '';
  const match = /keyid="([^"]{1,2048})"/i.exec(source);
  if (!match?.[1]) return 'unsigned';
  try {
    return new URL(match[1]).host || 'unsigned';
  } catch {
    return 'unsigned';
  }
}

function depthWithin(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (++nodes > 100_000 || depth > max) return false;
    if (typeof item === 'object' && item !== null) {
      for (const child of Object.values(item)) stack.push([child, depth + 1]);
    }
  }
  return true;
}

/** The checks before Fedify, for the inbox routes. */
export class InboxGuard {
  readonly #options: InboxGuardOptions;
  readonly #limit: RateLimit;

  constructor(options: InboxGuardOptions) {
    this.#options = options;
    this.#limit = new RateLimit(options.rateLimit);
  }

  /**
   * Checks an inbox request.
   *
   * @param request - the incoming request (its body is read).
   * @param remoteAddress - the connecting address (the rate limit's key); `unknown` when not given.
   * @returns the admitted request for Fedify, or the refusal with its response.
   */
  async admit(request: Request, remoteAddress = 'unknown'): Promise<AdmittedRequest | RefusedRequest> {
    const now = (this.#options.now ?? Date.now)();
    const server = claimedServer(request.headers);
    const refuse = (code: RefusalCode, response: Response): RefusedRequest => ({
      ok: false,
      code,
      server,
      response,
    });
    const wait = this.#limit.take(remoteAddress, now);
    if (wait > 0)
      return refuse('rate-limited', text(429, 'Too many requests.', { 'retry-after': String(wait) }));
    const max = this.#options.maxBodyBytes ?? 262_144;
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > max) return refuse('oversize', text(413, 'Request body too large.'));
    const bytes = await readAtMost(request, max);
    if (bytes === undefined) return refuse('oversize', text(413, 'Request body too large.'));
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return refuse('malformed-json', text(400, 'Invalid JSON.'));
    }
    if (
      typeof json !== 'object' ||
      json === null ||
      Array.isArray(json) ||
      !depthWithin(json, this.#options.maxDepth ?? 32) ||
      (typeof (json as { type?: unknown }).type !== 'string' &&
        !Array.isArray((json as { type?: unknown }).type))
    ) {
      return refuse('malformed-activity', text(400, 'Invalid activity.'));
    }
    const signature = request.headers.get('signature') ?? undefined;
    if (signature !== undefined && (await this.#options.memory.has(signature))) {
      return refuse('replayed-signature', text(401, 'This signature was already used.'));
    }
    const forwarded = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: bytes,
    });
    return {
      ok: true,
      request: forwarded,
      json: json as Record<string, unknown>,
      server,
      ...(signature !== undefined ? { signature } : {}),
    };
  }

  /**
   * Remembers the signature of a request Fedify accepted, so the same bytes cannot be played again.
   *
   * @param admitted - the admitted request.
   * @param response - Fedify's response.
   */
  async settle(admitted: AdmittedRequest, response: Response): Promise<void> {
    if (admitted.signature === undefined || response.status >= 300) return;
    const now = (this.#options.now ?? Date.now)();
    await this.#options.memory.remember(
      admitted.signature,
      now + (this.#options.replayWindowMs ?? 3_600_000),
    );
  }
}

async function readAtMost(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (request.body === null) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
