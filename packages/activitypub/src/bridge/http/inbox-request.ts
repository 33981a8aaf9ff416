/**
 * @module
 * An inbox delivery: it passes the {@link InboxGuard} (size, rate per address, well-formed JSON,
 * no replayed signature) before Fedify, which verifies its signature and hands the activity to
 * its listener; the signature of an accepted request is then remembered.
 */
import type { Federation } from '@fedify/fedify';
import type { InboxGuard } from '../../guard/inbox-guard';
import { type BridgeLog, describeError } from '../bridge-log';
import type { RequestData } from '../federation';
import { notFound } from './group-resources';

/**
 * Answers a `POST` to an inbox.
 *
 * @param federation - the bridge's federation.
 * @param guard - the checks before Fedify.
 * @param log - the bridge's log.
 * @param request - the request.
 * @param remoteAddress - the connecting address (the guard's rate limit).
 * @returns the response.
 */
export async function receiveInboxRequest(
  federation: Federation<RequestData>,
  guard: InboxGuard,
  log: BridgeLog,
  request: Request,
  remoteAddress: string | undefined,
): Promise<Response> {
  const path = new URL(request.url).pathname;
  const admitted = await guard.admit(request, remoteAddress);
  if (!admitted.ok) {
    log('warn', 'inbox-refused', { code: admitted.code, server: admitted.server, path });
    return admitted.response;
  }
  let response: Response;
  try {
    response = await federation.fetch(admitted.request, {
      contextData: { json: admitted.json },
      onNotFound: notFound,
    });
  } catch (error) {
    // Fedify throws on some documents it cannot read (e.g. a literal where it expects an IRI).
    log('warn', 'inbox-unreadable', { server: admitted.server, path, ...describeError(error) });
    response = new Response('Invalid activity.\n', { status: 400 });
  }
  if (response.status >= 400) {
    log('warn', 'inbox-refused', { status: response.status, server: admitted.server, path });
  }
  await guard.settle(admitted, response);
  return response;
}
