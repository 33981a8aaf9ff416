/**
 * @module
 * Outgoing deliveries to remote inboxes, whose addresses come from documents that remote servers
 * write: each target must be a public `http(s)` address (no loopback, private, link-local or
 * unique-local address, after DNS resolution) unless the operator allows private addresses; each
 * request has a deadline, follows no redirect and reads no response body; the deliveries of one
 * activity run side by side, so a slow inbox delays nobody else.
 */
import { validatePublicUrl } from '@fedify/vocab-runtime';

/** Limits of outgoing deliveries. */
export interface DeliveryOptions {
  /** Allow `http:` loopback and private targets (tests, the demo); never in production. */
  readonly allowPrivateAddress?: boolean;
  /** Deadline of one request, connection to response headers, in ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** Largest activity sent, in bytes. Default 256 KiB. */
  readonly maxBodyBytes?: number;
  /** Distinct inboxes one activity goes to, at most. Default 1 000. */
  readonly maxInboxes?: number;
}

/** Why a target was not delivered to (stable codes, logged). */
export type DeliveryProblem =
  | 'private-address'
  | 'invalid-url'
  | 'timeout'
  | 'network'
  | 'refused'
  | 'oversize'
  | 'too-many-inboxes';

/** The outcome of one delivery. */
export interface DeliveryResult {
  readonly inbox: string;
  readonly ok: boolean;
  /** The HTTP status, when an answer came. */
  readonly status?: number;
  readonly problem?: DeliveryProblem;
}

/**
 * Whether a remote server may be sent to: an `http(s)` URL whose host is a public address (or
 * resolves only to public addresses), unless private addresses are allowed.
 *
 * @param url - the target.
 * @param allowPrivateAddress - the operator's allowance.
 * @returns `undefined` when allowed, otherwise the problem.
 */
export async function targetProblem(
  url: string,
  allowPrivateAddress = false,
): Promise<'private-address' | 'invalid-url' | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid-url';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'invalid-url';
  if (parsed.username !== '' || parsed.password !== '') return 'invalid-url';
  if (allowPrivateAddress) return undefined;
  if (parsed.protocol !== 'https:') return 'private-address';
  try {
    await validatePublicUrl(parsed.href);
    return undefined;
  } catch {
    return 'private-address';
  }
}

/**
 * Sends one signed POST to each inbox, side by side, within the limits.
 *
 * @param inboxes - the targets (duplicates are sent once).
 * @param body - the activity, serialised.
 * @param sign - signs a prepared request (HTTP signatures).
 * @param options - the limits.
 * @returns one result per distinct inbox.
 */
export async function deliverToInboxes(
  inboxes: readonly string[],
  body: string,
  sign: (request: Request) => Promise<Request>,
  options: DeliveryOptions = {},
): Promise<DeliveryResult[]> {
  const targets = [...new Set(inboxes)];
  const maxInboxes = options.maxInboxes ?? 1000;
  const size = new TextEncoder().encode(body).byteLength;
  if (size > (options.maxBodyBytes ?? 262_144))
    return targets.map((inbox) => ({ inbox, ok: false, problem: 'oversize' }));
  return Promise.all(
    targets.map(async (inbox, index): Promise<DeliveryResult> => {
      if (index >= maxInboxes) return { inbox, ok: false, problem: 'too-many-inboxes' };
      const problem = await targetProblem(inbox, options.allowPrivateAddress);
      if (problem !== undefined) return { inbox, ok: false, problem };
      try {
        const request = await sign(
          new Request(inbox, {
            method: 'POST',
            headers: { 'content-type': 'application/activity+json', accept: 'application/activity+json' },
            body,
          }),
        );
        const response = await fetch(request, {
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        // Nothing of the answer is needed: the body is never read.
        await response.body?.cancel().catch(() => undefined);
        return response.ok
          ? { inbox, ok: true, status: response.status }
          : { inbox, ok: false, status: response.status, problem: 'refused' };
      } catch (error) {
        const name = (error as { name?: unknown })?.name;
        return {
          inbox,
          ok: false,
          problem: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
        };
      }
    }),
  );
}
